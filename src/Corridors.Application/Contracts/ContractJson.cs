using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Corridors.Application.Contracts;

/// <summary>
/// The one serializer configuration of every public document: camelCase, indented, invariant numbers, no HTML
/// escaping, enums in kebab-case. Used by <c>--json</c>, the run store and the HTTP API alike, so a stored run is
/// byte for byte what was printed.
/// </summary>
public static class ContractJson
{
    /// <summary>The serializer options of the application's documents (metadata from <see cref="ContractJsonContext"/>).</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions(ContractJsonContext.Default);

    /// <summary>Serialises a document.</summary>
    public static string Serialize<T>(T document) => Serialize(document, Options);

    /// <summary>Serialises a document with options from <see cref="CreateOptions"/> (a front end's own documents).</summary>
    public static string Serialize<T>(T document, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(document, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    /// <summary>Rounds a number for a document (keeps outputs stable and readable).</summary>
    public static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    /// <summary>The time format of documents: minutes, UTC, with a Z.</summary>
    public const string TimeFormat = "yyyy-MM-ddTHH:mmZ";

    /// <summary>
    /// A time in <see cref="TimeFormat"/>. Times are first rounded to the millisecond, so floating-point noise in
    /// hour sums (12:00 computed as 11:59:59.9999) does not show as the minute before; then minutes are truncated.
    /// </summary>
    public static string Time(DateTime utc)
    {
        const long tick = TimeSpan.TicksPerMillisecond;
        var ticks = (utc.Ticks + (tick / 2)) / tick * tick;
        return new DateTime(Math.Min(ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc).ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A time in <see cref="TimeFormat"/> (see <see cref="Time(DateTime)"/>).</summary>
    public static string Time(DateTimeOffset utc) => Time(utc.UtcDateTime);

    /// <summary>
    /// The contract's options over <paramref name="resolver"/> and the application's documents: a front end with
    /// documents of its own (the HTTP API's jobs) passes its generated context, so its documents are written alike.
    /// </summary>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = ReferenceEquals(resolver, ContractJsonContext.Default) ? resolver : JsonTypeInfoResolver.Combine(resolver, ContractJsonContext.Default),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };

        // The enum converters declared on the generated context (its JsonSourceGenerationOptions).
        foreach (var converter in ContractJsonContext.Default.Options.Converters)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly();
        return options;
    }
}
