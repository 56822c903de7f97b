using Microsoft.Extensions.Logging;

namespace Corridors.Cli;

/// <summary>
/// Minimal logger factory writing <c>level: message</c> lines at or above one level to a writer (stderr in the CLI).
/// Providers added later (none in the CLI) are ignored.
/// </summary>
internal sealed class TextWriterLoggerFactory(TextWriter writer, LogLevel minimum) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new WriterLogger(writer, minimum);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class WriterLogger(TextWriter writer, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var level = logLevel switch
            {
                LogLevel.Trace => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "error",
                _ => "crit",
            };
            writer.WriteLine($"{level}: {OptionParsers.Escape(formatter(state, exception))}");
        }
    }
}
