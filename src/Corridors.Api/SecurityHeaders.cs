namespace Corridors.Api;

/// <summary>Headers every response carries: no sniffing, no framing, no referrer, no caching of results.</summary>
internal static class SecurityHeaders
{
    /// <summary>The reference page runs its bundled script; everything else may load nothing.</summary>
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private const string PagePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.Ordinal) ? PagePolicy : ApiPolicy;
        headers.CacheControl = "no-store";
        return next(context);
    }
}
