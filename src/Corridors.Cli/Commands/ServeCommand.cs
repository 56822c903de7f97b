using System.CommandLine;
using Corridors.Api;
using Corridors.Application.Requests;
using Microsoft.Extensions.Hosting;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors serve [--urls http://127.0.0.1:5080] [--allow-remote]</c>: starts the HTTP API (src/Corridors.Api)
/// on this invocation's workspace (<c>--data</c>, <c>--store</c>, <c>--no-store</c> apply) until Ctrl+C. The network of
/// the default year is loaded before listening, so bad data files stop it at once (exit 2).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated.",
            DefaultValueFactory = _ => ApiHostOptions.DefaultUrls,
        };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow addresses other than loopback (the API has no authentication)." };
        var command = new Command("serve", "Serve the HTTP API (OpenAPI at /openapi/v1.json, reference page at /scalar/v1) until Ctrl+C.")
        {
            urls,
            allowRemote,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var app = ApiHost.Create([], new ApiHostOptions
            {
                Workspace = context.Workspace,
                Urls = parse.GetValue(urls),
                AllowRemote = parse.GetValue(allowRemote),
                Errors = context.Stderr,
            });
            if (app is null)
            {
                return ExitCodes.Usage;
            }

            await using (app.ConfigureAwait(false))
            {
                _ = context.Workspace.Snapshot(NetworkYears.Default);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
