using System.Text;
using System.Text.Json;

namespace Corridors.Data.Scenarios;

/// <summary>
/// Where each value of a JSON text starts, by JSON path (<c>$.closures[2].country</c>), as 1-based line and column,
/// so a problem found on the parsed document is reported at its place in the file.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _byPath = new(StringComparer.Ordinal);

    private JsonPositions()
    {
    }

    /// <summary>The position of the value at <paramref name="path"/>, else of its nearest parent, else (1, 1).</summary>
    public (int Line, int Column) Of(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_byPath.TryGetValue(p, out var at))
            {
                return at;
            }
        }

        return (1, 1);
    }

    /// <summary>Maps every value of <paramref name="utf8"/>; stops quietly at a syntax error (the parser reports it).</summary>
    public static JsonPositions Map(byte[] utf8, JsonReaderOptions options)
    {
        var map = new JsonPositions();
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        (int, int) At(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var column = Encoding.UTF8.GetCharCount(utf8, lineStarts[line], (int)offset - lineStarts[line]) + 1;
            return (line + 1, column);
        }

        // The path of the container being read, and per container the next array index or the last property.
        var stack = new Stack<(string Path, bool IsArray, int Index)>();
        string? property = null;
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.Pop();
                    continue;
                }

                string path;
                if (stack.Count == 0)
                {
                    path = "$";
                }
                else
                {
                    var top = stack.Pop();
                    path = top.IsArray ? $"{top.Path}[{top.Index}]" : $"{top.Path}.{property}";
                    stack.Push(top.IsArray ? top with { Index = top.Index + 1 } : top);
                }

                map._byPath.TryAdd(path, At(reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // Reported by the parser with its own position.
        }

        return map;
    }

    private static string Parent(string path)
    {
        if (path == "$")
        {
            return string.Empty;
        }

        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }
}
