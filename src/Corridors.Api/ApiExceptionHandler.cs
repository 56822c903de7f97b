using Corridors.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Corridors.Api;

/// <summary>
/// Turns every exception into a problem document without exception text or stack: bad data files are 503 with their
/// diagnostics, a request the framework could not bind (a query value that is not a number, a body too large) is
/// 400 or 413 naming it, anything else 500 with only a trace id (the exception is logged).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var (status, title, detail) = exception switch
        {
            InputDataException data => (StatusCodes.Status503ServiceUnavailable, "The data files have errors", $"The network data could not be loaded ({data.ErrorCount} error(s)); fix the data files and restart the service."),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request is malformed", bad.Message),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", "The error was logged with this trace id."),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            Log.Unhandled(log, httpContext.TraceIdentifier, exception);
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = null,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        context.ProblemDetails.Extensions["traceId"] = httpContext.TraceIdentifier;
        if (exception is InputDataException input)
        {
            context.ProblemDetails.Extensions["diagnostics"] = input.Diagnostics.Where(d => d.IsError).Take(50).Select(d => d.ToString()).ToArray();
        }

        return await problems.TryWriteAsync(context).ConfigureAwait(false);
    }
}

/// <summary>Log messages of the host.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled error in request {TraceId}")]
    public static partial void Unhandled(ILogger logger, string traceId, Exception exception);
}
