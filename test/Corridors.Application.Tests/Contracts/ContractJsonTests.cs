using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Corridors.Application.Contracts;

namespace Corridors.Tests.Contracts;

/// <summary>The generated document metadata covers every type a document holds, and writes every enum as a name.</summary>
public sealed class ContractJsonTests
{
    [Fact]
    public void Every_enum_in_a_document_is_written_as_a_kebab_case_name()
    {
        var enums = DocumentTypes().SelectMany(Reachable).Select(t => Nullable.GetUnderlyingType(t) ?? t).Where(t => t.IsEnum).Distinct().ToList();

        enums.ShouldNotBeEmpty();
        foreach (var type in enums)
        {
            foreach (var value in Enum.GetValues(type))
            {
                var json = JsonSerializer.Serialize(value, ContractJson.Options.GetTypeInfo(type));
                json.ShouldStartWith("\"", customMessage: $"{type.Name}.{value} is written as {json}");
                json.ShouldBe(json.ToLowerInvariant(), customMessage: $"{type.Name}.{value}");
            }
        }
    }

    [Fact]
    public void Options_resolve_every_document_without_reflection()
    {
        foreach (var type in DocumentTypes())
        {
            ContractJson.Options.GetTypeInfo(type).ShouldNotBeNull();
        }

        JsonSerializer.IsReflectionEnabledByDefault.ShouldBeTrue("the test host may reflect; the assertion is that the options never need to");
        ContractJson.Options.TypeInfoResolver.ShouldBeSameAs(ContractJsonContext.Default);
    }

    private static IEnumerable<Type> DocumentTypes() => JsonContextTypes.Of(typeof(ContractJsonContext));

    /// <summary>Every type reachable from <paramref name="root"/> through the generated metadata (properties, elements).</summary>
    private static IEnumerable<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            var info = ContractJson.Options.GetTypeInfo(type);
            foreach (var next in info.Properties.Select(p => p.PropertyType).Append(info.ElementType).Append(info.KeyType).OfType<Type>())
            {
                pending.Push(next);
            }
        }

        return seen;
    }
}
