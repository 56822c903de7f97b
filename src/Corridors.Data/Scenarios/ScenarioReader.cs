using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Scenarios;

namespace Corridors.Data.Scenarios;

/// <summary>A scenario file read and checked: the merged scenario (null on errors), every diagnostic, and the fingerprint.</summary>
/// <param name="Scenario">The scenario with its parents merged; null when there are errors.</param>
/// <param name="Diagnostics">Every problem, each at its file, line and column, its message starting with the JSON path.</param>
/// <param name="Fingerprint">SHA-256 (hex) over the texts of the file and the files it extends.</param>
/// <param name="Files">The file and the files it extends, nearest first.</param>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics, string Fingerprint, IReadOnlyList<string> Files)
{
    /// <summary>True when there is no error.</summary>
    public bool IsValid => Scenario is not null && !Diagnostics.Any(d => d.IsError);

    /// <summary>The scenario, or <see cref="InputDataException"/> with every diagnostic.</summary>
    public Scenario GetScenarioOrThrow() => IsValid ? Scenario! : throw new InputDataException(Diagnostics, Diagnostics.Count(d => d.IsError), Diagnostics.Count(d => !d.IsError));
}

/// <summary>
/// Reads scenario files (JSON, schema docs/scenario.schema.json) and checks them against a network definition: every
/// unknown field, wrong type, value out of range and unknown reference is reported at once, with its JSON path and a
/// hint (<c>$.closures[2].country: unknown country 'RUS'; did you mean 'RU'?</c>), codes CORR0800–CORR0812. A scenario
/// extends another by preset name (a file of the preset directory) or by a path relative to its own file.
/// </summary>
public sealed class ScenarioReader
{
    /// <summary>The largest scenario file read, bytes.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The deepest chain of <c>extends</c>.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    private readonly NetworkDefinition _definition;
    private readonly string _presetDirectory;

    /// <summary>Creates a reader checking against <paramref name="definition"/>, with presets in <paramref name="presetDirectory"/>.</summary>
    public ScenarioReader(NetworkDefinition definition, string presetDirectory)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(presetDirectory);
        _definition = definition;
        _presetDirectory = presetDirectory;
    }

    /// <summary>The preset directory.</summary>
    public string PresetDirectory => _presetDirectory;

    /// <summary>The presets: names of the <c>*.json</c> files of the preset directory, sorted.</summary>
    public IReadOnlyList<string> Presets() => Directory.Exists(_presetDirectory)
        ? [.. Directory.EnumerateFiles(_presetDirectory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The file of preset <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? PresetFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = Presets().FirstOrDefault(p => string.Equals(p, name.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is null ? null : Path.Combine(_presetDirectory, match + ".json");
    }

    /// <summary>Reads and checks the scenario file at <paramref name="path"/> and the files it extends.</summary>
    public ScenarioLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var texts = new List<byte[]>();
        var files = new List<string>();
        var scenario = Load(Path.GetFullPath(path), bag, texts, files, []);
        return new ScenarioLoadResult(bag.HasErrors ? null : scenario, bag.Items, Fingerprint(texts), files);
    }

    /// <summary>
    /// Reads and checks scenario JSON given as text (<paramref name="file"/> names it in diagnostics). Text has no
    /// folder of its own, so its <c>extends</c> names a preset only, never a path (a request's scenario never reaches
    /// the file system beyond the preset directory); the fingerprint covers the text and the presets it extends.
    /// </summary>
    public ScenarioLoadResult Parse(string json, string file = "scenario.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        var bag = new DiagnosticBag();
        var bytes = Encoding.UTF8.GetBytes(json);
        var texts = new List<byte[]> { bytes };
        var files = new List<string> { file };
        var scenario = Read(bytes, file, null, bag, texts, files, []);
        return new ScenarioLoadResult(bag.HasErrors ? null : scenario, bag.Items, Fingerprint(texts), files);
    }

    private static string Fingerprint(List<byte[]> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var text in texts)
        {
            hash.AppendData(text);
            hash.AppendData("\0"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private Scenario? Load(string path, DiagnosticBag bag, List<byte[]> texts, List<string> files, List<string> chain)
    {
        var display = NetworkLoader.DisplayPath(path);
        files.Add(display);
        if (CsvText.NotAFile(path) is { } what)
        {
            bag.Error("CORR0800", display, 0, 0, $"The scenario file cannot be read: it is {what}.");
            return null;
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                bag.Error("CORR0800", display, 0, 0, "The scenario file does not exist.", "Give a .json file or a preset name (corridors scenario list).");
                return null;
            }

            if (info.Length > MaxFileBytes)
            {
                bag.Error("CORR0800", display, 0, 0, string.Create(CultureInfo.InvariantCulture, $"The scenario file is larger than {MaxFileBytes / 1024 / 1024} MiB."));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Error("CORR0800", display, 0, 0, $"The scenario file cannot be read: {CsvText.Escape(ex.Message)}");
            return null;
        }

        texts.Add(bytes);
        return Read(bytes, display, Path.GetDirectoryName(path)!, bag, texts, files, [.. chain, path]);
    }

    private Scenario? Read(byte[] bytes, string file, string? directory, DiagnosticBag bag, List<byte[]> texts, List<string> files, List<string> chain)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException ex)
        {
            bag.Error("CORR0801", file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, $"$: the file is not valid JSON: {CsvText.Escape(ex.Message)}");
            return null;
        }

        using (document)
        {
            var positions = JsonPositions.Map(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            var root = document.RootElement;
            var defaultName = chain.Count > 0 ? Path.GetFileNameWithoutExtension(chain[^1]) : "scenario";

            // The parent first: its new elements may be referenced here.
            Scenario? parent = null;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("extends", out var extends))
            {
                var at = positions.Of("$.extends");
                if (extends.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(extends.GetString()))
                {
                    bag.Error("CORR0802", file, at.Line, at.Column, "$.extends: expected the name of a preset or a path to a scenario file.");
                }
                else if (directory is null && LooksLikePath(extends.GetString()!))
                {
                    bag.Error("CORR0806", file, at.Line, at.Column, $"$.extends: a scenario given as text extends presets only, not files ('{CsvText.Quote(extends.GetString()!)}'); presets: {string.Join(", ", Presets())}.");
                }
                else if (ResolveExtends(extends.GetString()!, directory) is not { } parentPath)
                {
                    var name = extends.GetString()!;
                    var suggestion = CsvTable.Suggest(name, Presets());
                    bag.Error("CORR0806", file, at.Line, at.Column, $"$.extends: unknown scenario '{CsvText.Quote(name)}'{(suggestion is null ? $"; presets: {string.Join(", ", Presets())}" : $"; did you mean '{suggestion}'?")}.");
                }
                else if (chain.Contains(parentPath, StringComparer.Ordinal))
                {
                    bag.Error("CORR0806", file, at.Line, at.Column, $"$.extends: '{CsvText.Quote(extends.GetString()!)}' extends this file again (a cycle: {string.Join(" → ", chain.Append(parentPath).Select(Path.GetFileName))}).");
                }
                else if (chain.Count >= MaxDepth)
                {
                    bag.Error("CORR0806", file, at.Line, at.Column, string.Create(CultureInfo.InvariantCulture, $"$.extends: the chain of extends is deeper than {MaxDepth}."));
                }
                else
                {
                    parent = Load(parentPath, bag, texts, files, chain);
                }
            }

            var context = new ScenarioJson(_definition, parent, file, positions, bag);
            var scenario = context.Read(root, defaultName);
            return scenario is null ? null : parent is null ? scenario : scenario.Merge(parent);
        }
    }

    private static bool LooksLikePath(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal);

    private string? ResolveExtends(string name, string? directory)
    {
        if (directory is not null && LooksLikePath(name))
        {
            var path = Path.GetFullPath(Path.Combine(directory, name));
            return File.Exists(path) ? path : null;
        }

        return PresetFile(name) is { } preset ? Path.GetFullPath(preset) : null;
    }
}
