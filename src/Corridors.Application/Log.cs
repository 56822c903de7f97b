using Microsoft.Extensions.Logging;

namespace Corridors.Application;

/// <summary>Event ids of the application layer's log messages.</summary>
internal static class LogEvents
{
    public const int DataWarning = 1001;
    public const int NetworkLoaded = 1002;
    public const int RunStored = 1101;
    public const int RunNotStored = 1102;
}

/// <summary>The application layer's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LogEvents.DataWarning, Message = "{Diagnostic}")]
    public static partial void DataDiagnostic(ILogger logger, LogLevel level, string diagnostic);

    [LoggerMessage(EventId = LogEvents.NetworkLoaded, Level = LogLevel.Debug, Message = "Loaded the network of {Directory}: {Nodes} nodes, {Legs} legs")]
    public static partial void NetworkLoaded(ILogger logger, string directory, int nodes, int legs);

    [LoggerMessage(EventId = LogEvents.RunStored, Level = LogLevel.Debug, Message = "Stored run {Id} in {Path}")]
    public static partial void RunStored(ILogger logger, long id, string path);

    [LoggerMessage(EventId = LogEvents.RunNotStored, Level = LogLevel.Warning, Message = "the result was not stored in {Path}: {Reason}")]
    public static partial void RunNotStored(ILogger logger, string path, string reason);
}
