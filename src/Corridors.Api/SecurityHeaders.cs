namespace Corridors.Api;

/// <summary>Headers every response carries: no sniffing, no framing, no referrer, no caching of results, and a content security policy by kind of path.</summary>
internal static class SecurityHeaders
{
    /// <summary>API responses may load nothing.</summary>
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The reference page runs its bundled inline script.</summary>
    private const string ReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    /// <summary>The web map: its own scripts and the map library's worker only, and requests to this host only.</summary>
    private const string MapPolicy = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        var path = context.Request.Path;
        headers.ContentSecurityPolicy =
            path.StartsWithSegments("/scalar", StringComparison.Ordinal) ? ReferencePolicy
            : path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/openapi", StringComparison.Ordinal) ? ApiPolicy
            : MapPolicy;
        headers.CacheControl = "no-store";
        return next(context);
    }
}
