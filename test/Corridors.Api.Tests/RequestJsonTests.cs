using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Corridors.Api;

namespace Corridors.Tests;

/// <summary>
/// The generated request metadata (<see cref="ApiRequestJsonContext"/>) binds bodies as reflection would: the oracle
/// is System.Text.Json's reflection resolver on the same options, so a default lost by generated code (an init-only
/// property the body leaves out, dotnet/runtime#84484) or a type left out of the context fails here, not in a client.
/// </summary>
public sealed class RequestJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonBody.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>Every type the context is generated for.</summary>
    public static TheoryData<string> BodyTypes() => [.. ContextTypes().Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(BodyTypes))]
    public void A_body_with_only_its_required_fields_binds_as_reflection_binds_it(string typeName)
    {
        var type = ContextTypes().Single(t => t.FullName == typeName);
        var json = MinimalBody(type);

        var generated = JsonSerializer.Deserialize(json, JsonBody.Options.GetTypeInfo(type));
        var expected = JsonSerializer.Deserialize(json, type, Reflection);

        JsonSerializer.Serialize(generated, type, Reflection).ShouldBe(JsonSerializer.Serialize(expected, type, Reflection), $"body {json}");
    }

    [Fact]
    public void An_explicit_null_list_binds_as_an_empty_list()
    {
        var request = JsonSerializer.Deserialize("""{"from": "Xian", "to": "Duisburg", "via": null, "avoidCountries": null}""", ApiRequestJsonContext.Default.RouteQueryRequest)!;

        request.Via.ShouldBeEmpty();
        request.AvoidCountries.ShouldBeEmpty();
    }

    /// <summary>A body of the required fields only, each with a value of its type.</summary>
    private static string MinimalBody(Type type)
    {
        var body = new JsonObject();
        foreach (var property in JsonBody.Options.GetTypeInfo(type).Properties.Where(p => p.IsRequired))
        {
            body[property.Name] = property.PropertyType == typeof(string) ? JsonValue.Create("x") : new JsonArray();
        }

        return body.ToJsonString();
    }

    private static IEnumerable<Type> ContextTypes() => JsonContextTypes.Of(typeof(ApiRequestJsonContext));
}
