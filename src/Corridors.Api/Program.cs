namespace Corridors.Api;

/// <summary>
/// The API host as a program of its own (<c>dotnet Corridors.Api.dll</c>); <c>corridors serve</c> starts the same
/// host from the CLI. Configuration: <c>Corridors:DataDirectory</c>, <c>Storage:Provider</c> and
/// <c>ConnectionStrings:Corridors</c> (or <c>Corridors:StorePath</c> for a SQLite file),
/// <c>Corridors:CacheDirectory</c>, <c>Corridors:AllowRemote</c>, <c>urls</c>.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Builds and runs the host until it is stopped (Ctrl+C).</summary>
    public static int Main(string[] args)
    {
        var app = ApiHost.Create(args, new ApiHostOptions());
        if (app is null)
        {
            return 1;
        }

        app.Run();
        return 0;
    }
}
