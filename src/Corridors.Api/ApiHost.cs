using System.Net;
using Corridors.Application.Contracts;
using Corridors.Application.Workspace;
using Corridors.Data;
using Corridors.Data.Store;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Timeouts;
using Scalar.AspNetCore;

namespace Corridors.Api;

/// <summary>
/// Builds the API host: one <see cref="CorridorsWorkspace"/> for every request, the endpoints of
/// <see cref="Endpoints"/>, problem details (RFC 9457) for every error, security headers, a body size limit, the
/// OpenAPI document at <c>/openapi/v1.json</c>, an offline reference page at <c>/scalar/v1</c> and the web map at
/// <c>/</c> (<see cref="WebPage"/>).
/// </summary>
public static class ApiHost
{
    /// <summary>
    /// Builds the host, or returns null (after writing why to <see cref="ApiHostOptions.Errors"/>) when it is told to
    /// listen beyond loopback without <see cref="ApiHostOptions.AllowRemote"/>.
    /// </summary>
    public static WebApplication? Create(string[] args, ApiHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(args);
        var urls = options.Urls ?? builder.Configuration["urls"] ?? ApiHostOptions.DefaultUrls;
        var allowRemote = options.AllowRemote || builder.Configuration.GetValue<bool>("Corridors:AllowRemote");
        if (!allowRemote && RemoteUrl(urls) is { } remote)
        {
            (options.Errors ?? Console.Error).WriteLine($"error: --urls: '{remote}' is not a loopback address; the API listens on loopback unless --allow-remote is given.");
            return null;
        }

        try
        {
            _ = StoreFrom(builder.Configuration);
        }
        catch (InvalidOperationException ex)
        {
            (options.Errors ?? Console.Error).WriteLine($"error: {ex.Message}");
            return null;
        }

        // Per-request framework logs are noise in a terminal; start-up, shutdown and errors remain.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new RouteAnswers(options with { RouteCacheEntries = sp.GetRequiredService<IConfiguration>().GetValue("Corridors:RouteCacheEntries", options.RouteCacheEntries) }));
        builder.Services.AddSingleton(sp => options.Workspace ?? new CorridorsWorkspace(WorkspaceFrom(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var defaults = options.Jobs;
            return new Jobs.JobQueue(
                defaults with
                {
                    Capacity = configuration.GetValue("Corridors:Jobs:Capacity", defaults.Capacity),
                    Workers = configuration.GetValue("Corridors:Jobs:Workers", defaults.Workers),
                    Timeout = TimeSpan.FromSeconds(configuration.GetValue("Corridors:Jobs:TimeoutSeconds", defaults.Timeout.TotalSeconds)),
                },
                sp.GetRequiredService<ILogger<Jobs.JobQueue>>(),
                (job, error) => sp.GetRequiredService<CorridorsWorkspace>().Runs.RecordJson(
                    new Application.Runs.RunInfo(job.Kind, job.Arguments, null, null) { Duration = job.StartedUtc is { } started ? TimeProvider.System.GetUtcNow() - started : null },
                    ApiJson.Serialize(new Jobs.JobFailureDocument(job.Id, job.Kind, error)),
                    RunStatus.Failed).RunId);
        });
        builder.Services.AddProblemDetails(p => p.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            // Never a stack trace or exception text in a response (the development defaults add them).
            c.ProblemDetails.Extensions.Remove("exception");
        });
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddRateLimiter(o => LoadShedding.Configure(o, builder.Configuration, options));
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IConfiguration>((o, configuration) => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            // Long work cancels through the request's token (the simulations check it); the answer is a 504 problem.
            Timeout = TimeSpan.FromMilliseconds(configuration.GetValue("Corridors:RequestTimeoutMilliseconds", options.RequestTimeout.TotalMilliseconds)),
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => CopyContractOptions(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Corridors API";
            document.Info.Description = "Routes, transit times, costs, CO2e and reliability on Eurasian freight corridors. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() => app.Services.GetRequiredService<CorridorsWorkspace>().Runs.Close());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RequestClock.Start);
        app.Use(SecurityHeaders.Apply);
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.MapOpenApi();
        app.MapScalarApiReference();
        Endpoints.Map(app);
        WebPage.Load(options.WebDirectory ?? builder.Configuration["Corridors:WebDirectory"] ?? WebPage.DefaultDirectory()).Map(app);
        return app;
    }

    /// <summary>The first address in <paramref name="urls"/> that is not loopback, or null.</summary>
    public static string? RemoteUrl(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                return url;
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>
    /// The run store of the configuration: <c>Storage:Provider</c> (sqlite, the default, or postgresql) and
    /// <c>ConnectionStrings:Corridors</c> (the SQLite file or the PostgreSQL connection string); for SQLite,
    /// <c>Corridors:StorePath</c> names the file too. No connection string: nothing is stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is not one of the two.</exception>
    internal static RunStoreOptions? StoreFrom(IConfiguration configuration)
    {
        var word = configuration["Storage:Provider"];
        if (!RunStoreOptions.TryParseProvider(word ?? "sqlite", out var provider))
        {
            throw new InvalidOperationException($"Storage:Provider: '{word}' is not a run store provider; use sqlite or postgresql.");
        }

        var location = configuration.GetConnectionString("Corridors") is { Length: > 0 } connection ? connection
            : provider == RunStoreProvider.Sqlite ? configuration["Corridors:StorePath"] : null;
        return location is null ? null : new RunStoreOptions(provider, location);
    }

    private static WorkspaceOptions WorkspaceFrom(IConfiguration configuration, ILoggerFactory loggers) => new()
    {
        DataDirectory = configuration["Corridors:DataDirectory"] ?? DataPaths.DefaultDataDirectory(),
        Store = StoreFrom(configuration),
        CacheDirectory = configuration["Corridors:CacheDirectory"],
        LoggerFactory = loggers,
        MaxCachedScenarios = Math.Max(1, configuration.GetValue("Corridors:MaxCachedScenarios", WorkspaceOptions.DefaultMaxCachedScenarios)),
    };

    private static void CopyContractOptions(System.Text.Json.JsonSerializerOptions target)
    {
        // Responses the framework writes (problem details) use the contract's naming, like the documents.
        target.PropertyNamingPolicy = ContractJson.Options.PropertyNamingPolicy;
        target.Encoder = ContractJson.Options.Encoder;
        foreach (var converter in ContractJson.Options.Converters)
        {
            target.Converters.Add(converter);
        }

        // The OpenAPI document describes the documents and bodies from the same generated metadata (no reflection).
        target.TypeInfoResolverChain.Insert(0, ApiRequestJsonContext.Default);
        target.TypeInfoResolverChain.Insert(0, ApiDocumentJsonContext.Default);
        target.TypeInfoResolverChain.Insert(0, ContractJsonContext.Default);
    }
}
