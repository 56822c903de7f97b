using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Corridors.Application.Requests;

namespace Corridors.Api;

/// <summary>
/// Reads a JSON request body whose fields are the union of one or more request records (a route body is the
/// <see cref="RouteQueryRequest"/> fields plus <c>alternatives</c>, <c>percentile</c>...): the body is parsed once,
/// checked for unknown and missing required fields (all at once, named as the problem field), then bound to each
/// record. Malformed JSON and values of the wrong type are problems too, never exceptions.
/// </summary>
internal static class JsonBody
{
    /// <summary>Web defaults: camelCase, names matched case-insensitively; numbers only as numbers.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>A body bound to two records, or (when <c>Problem</c> is set) the response saying why not.</summary>
    internal sealed record Bound<TFirst, TSecond>(Parsed Body, TFirst First, TSecond Second, List<RequestProblem> Problems, IResult? Problem);

    /// <summary>A parsed body, or the response that says why it is not one.</summary>
    /// <param name="Root">The body, without an inline <c>scenario</c> object.</param>
    /// <param name="Text">The body as sent (stored with its run).</param>
    /// <param name="Problem">Why the body is unusable, or null.</param>
    internal sealed record Parsed(JsonElement Root, string Text, IResult? Problem)
    {
        /// <summary>The <c>scenario</c> field's JSON when it is an object (a scenario given inline), else null.</summary>
        public string? InlineScenario { get; init; }
    }

    /// <summary>The body field that may hold a preset name or a scenario object.</summary>
    private const string ScenarioField = "scenario";

    /// <summary>
    /// The body's bytes: a JSON content type and at most <paramref name="maxBytes"/> bytes, or (<c>Problem</c>) the 415
    /// or 413 response.
    /// </summary>
    public static async Task<(byte[] Bytes, IResult? Problem)> ReadBytesAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return ([], TooLarge(maxBytes));
        }

        if (!(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request body must be JSON", detail: "Send Content-Type: application/json."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Reads and checks the body against the fields of <paramref name="types"/>.</summary>
    public static async Task<Parsed> ReadAsync(HttpRequest request, int maxBytes, params Type[] types)
    {
        var (bytes, bad) = await ReadBytesAsync(request, maxBytes).ConfigureAwait(false);
        if (bad is not null)
        {
            return Fail(bad);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = Options.MaxDepth });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {ex.BytePositionInLine + 1}") : string.Empty;
            return Fail(TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON", detail: $"Malformed JSON{where}."));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON", detail: "The body must be a JSON object."));
        }

        var fields = types.SelectMany(t => Options.GetTypeInfo(t).Properties).ToList();
        var problems = new List<RequestProblem>();
        foreach (var property in root.EnumerateObject())
        {
            if (!fields.Any(f => string.Equals(f.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new(property.Name, "Unknown field."));
            }
        }

        foreach (var required in fields.Where(f => f.IsRequired))
        {
            if (!root.EnumerateObject().Any(p => string.Equals(p.Name, required.Name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new(required.Name, "This field is required."));
            }
        }

        if (problems.Count > 0)
        {
            return Fail(Problems.Invalid(problems));
        }

        // A scenario object is read by the scenario reader (its problems named scenario.<path>), not bound: the records
        // see the body without it.
        string? inline = null;
        if (fields.Any(f => string.Equals(f.Name, ScenarioField, StringComparison.OrdinalIgnoreCase))
            && root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, ScenarioField, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.Object } scenario)
        {
            inline = scenario.Value.GetRawText();
            root = Without(root, scenario.Name);
        }

        return new Parsed(root, System.Text.Encoding.UTF8.GetString(bytes), null) { InlineScenario = inline };
    }

    private static JsonElement Without(JsonElement root, string name)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name != name)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Reads the body and binds it to both records. <c>Problem</c> is the response when the body is unusable (not
    /// JSON, too large, unknown, missing or mistyped fields); otherwise <c>Problems</c> is an empty list for the
    /// request's own problems.
    /// </summary>
    public static async Task<Bound<TFirst, TSecond>> ReadAsync<TFirst, TSecond>(HttpRequest request, int maxBytes)
        where TFirst : class
        where TSecond : class
    {
        var body = await ReadAsync(request, maxBytes, typeof(TFirst), typeof(TSecond)).ConfigureAwait(false);
        var problems = new List<RequestProblem>();
        if (body.Problem is { } bad)
        {
            return new(body, null!, null!, problems, bad);
        }

        var first = Bind<TFirst>(body, problems);
        var second = Bind<TSecond>(body, problems);
        return first is null || second is null || problems.Count > 0
            ? new(body, null!, null!, problems, Problems.Invalid(problems))
            : new(body, first, second, problems, null);
    }

    /// <summary>
    /// Reads the body and binds it to one record: <c>Problem</c> is the response when the body is unusable or does not
    /// bind; otherwise <c>Problems</c> is an empty list for the request's own problems.
    /// </summary>
    public static async Task<(Parsed Body, T Value, List<RequestProblem> Problems, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes)
        where T : class
    {
        var body = await ReadAsync(request, maxBytes, typeof(T)).ConfigureAwait(false);
        var problems = new List<RequestProblem>();
        if (body.Problem is { } bad)
        {
            return (body, null!, problems, bad);
        }

        var value = Bind<T>(body, problems);
        return value is null ? (body, null!, problems, Problems.Invalid(problems)) : (body, value, problems, null);
    }

    /// <summary>Binds the parsed body to <typeparamref name="T"/>; a value of the wrong type is a problem of its field.</summary>
    public static T? Bind<T>(Parsed body, List<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            return body.Root.Deserialize<T>(Options);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            problems.Add(new(field, "The value has the wrong type for this field."));
            return default;
        }
    }

    private static Parsed Fail(IResult problem) => new(default, string.Empty, problem);

    private static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large",
        detail: string.Create(CultureInfo.InvariantCulture, $"The body may have at most {maxBytes} bytes."));
}
