using System.Collections.Frozen;

namespace Corridors.Api;

/// <summary>
/// The web map (web/ in the repository): its own files from <c>web/src/</c> and the few library files it imports from
/// <c>web/node_modules/</c> (installed by <c>npm ci</c>; no CDN, no tile server). Every file is read once when the host
/// starts into a fixed table of URL paths; a request only ever selects an entry of that table, so no part of a
/// request reaches the file system.
/// </summary>
internal sealed class WebPage
{
    /// <summary>The library files the page imports, by URL path under <c>/vendor/</c>, relative to node_modules.</summary>
    private static readonly (string Url, string File)[] VendorFiles =
    [
        ("/vendor/maplibre-gl.mjs", "maplibre-gl/dist/maplibre-gl.mjs"),
        ("/vendor/maplibre-gl-worker.mjs", "maplibre-gl/dist/maplibre-gl-worker.mjs"),
        ("/vendor/maplibre-gl.css", "maplibre-gl/dist/maplibre-gl.css"),
        ("/vendor/topojson-client.min.js", "topojson-client/dist/topojson-client.min.js"),
        ("/vendor/countries-50m.json", "world-atlas/countries-50m.json"),
    ];

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> _files;

    private WebPage(FrozenDictionary<string, (byte[] Bytes, string ContentType)> files, string? missing)
    {
        _files = files;
        Missing = missing;
    }

    /// <summary>Why the page cannot be served (no web folder, or its libraries not installed); null when it can.</summary>
    public string? Missing { get; }

    /// <summary>
    /// The <c>web/</c> folder (holding <c>package.json</c> and <c>src/index.html</c>) found walking up from the current
    /// directory, then from the program's directory; null when there is none.
    /// </summary>
    public static string? DefaultDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "web");
                if (File.Exists(Path.Combine(candidate, "src", "index.html")) && File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Reads the page's files from <paramref name="directory"/> (null: nothing to serve).</summary>
    public static WebPage Load(string? directory)
    {
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        if (directory is null || !Directory.Exists(Path.Combine(directory, "src")))
        {
            return new WebPage(files.ToFrozenDictionary(StringComparer.Ordinal), "The web map's folder (web/) was not found; start the server from the repository, or set Corridors:WebDirectory.");
        }

        var source = Path.Combine(directory, "src");
        foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.TopDirectoryOnly))
        {
            if (ContentTypes.TryGetValue(Path.GetExtension(path), out var type))
            {
                files["/" + Path.GetFileName(path)] = (File.ReadAllBytes(path), type);
            }
        }

        if (files.TryGetValue("/index.html", out var index))
        {
            files["/"] = index;
        }

        var modules = Path.Combine(directory, "node_modules");
        var absent = VendorFiles.Where(v => !File.Exists(Path.Combine(modules, v.File))).Select(v => v.File).ToList();
        foreach (var (url, file) in VendorFiles.Where(v => !absent.Contains(v.File)))
        {
            files[url] = (File.ReadAllBytes(Path.Combine(modules, file)), ContentTypes[Path.GetExtension(file)]);
        }

        var missing = absent.Count == 0 ? null : $"The web map's libraries are not installed ({string.Join(", ", absent)}); run `npm ci` in {directory}.";
        return new WebPage(files.ToFrozenDictionary(StringComparer.Ordinal), missing);
    }

    /// <summary>Maps the page's paths; every other path falls through to the API or a 404.</summary>
    public void Map(IEndpointRouteBuilder app)
    {
        if (Missing is not null)
        {
            app.MapGet("/", () => TypedResults.Problem(Missing, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The web map is not available.")).ExcludeFromDescription();
            return;
        }

        foreach (var (path, (bytes, type)) in _files)
        {
            app.MapGet(path, () => TypedResults.Bytes(bytes, type)).ExcludeFromDescription();
        }
    }

    /// <summary>True for the paths of the page (which get the page's content security policy).</summary>
    public bool Serves(PathString path) => _files.ContainsKey(path.Value ?? string.Empty);
}
