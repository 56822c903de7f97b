using System.Text.Json.Serialization;

namespace Corridors.Tests;

/// <summary>The types a generated JSON context is made for.</summary>
internal static class JsonContextTypes
{
    /// <summary>The types named by the <see cref="JsonSerializableAttribute"/>s of <paramref name="context"/>.</summary>
    public static IEnumerable<Type> Of(Type context) =>
        context.GetCustomAttributesData()
            .Where(d => d.AttributeType == typeof(JsonSerializableAttribute))
            .Select(d => (Type)d.ConstructorArguments[0].Value!);
}
