using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Corridors.Api;

/// <summary>
/// Admission control of <c>/api/*</c>: at most <see cref="ApiHostOptions.MaxConcurrentRequests"/> requests compute
/// at once and <see cref="ApiHostOptions.MaxQueuedRequests"/> wait (oldest first); one more is answered at once with a
/// 429 problem and <c>Retry-After</c>. Under twice the load the host can serve, waiting stays bounded and the excess
/// is refused, where without it every request would queue until the request timeout answered 504 for all of them.
/// The web page, OpenAPI document and reference page are not limited.
/// </summary>
internal static class LoadShedding
{
    /// <summary>Sets the limiter from configuration (<c>Corridors:MaxConcurrentRequests</c>, <c>Corridors:MaxQueuedRequests</c>) over <paramref name="options"/>.</summary>
    public static void Configure(RateLimiterOptions limiter, IConfiguration configuration, ApiHostOptions options)
    {
        var permits = Math.Max(1, configuration.GetValue("Corridors:MaxConcurrentRequests", options.MaxConcurrentRequests));
        var queue = Math.Max(0, configuration.GetValue("Corridors:MaxQueuedRequests", options.MaxQueuedRequests));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? RateLimitPartition.GetConcurrencyLimiter("api", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = permits,
                    QueueLimit = queue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("page"));
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = "1";
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "The service is busy",
                detail: string.Create(CultureInfo.InvariantCulture, $"{permits} requests are being computed and {queue} are waiting; try again in a second."))
                .ExecuteAsync(http).ConfigureAwait(false);
        };
    }
}
