using Corridors.Application.Contracts;

namespace Corridors.Cli;

/// <summary>Prints documents with the one contract serializer (<see cref="ContractJson"/>).</summary>
internal static class JsonOutput
{
    /// <summary>Serialises a document and writes it followed by a newline.</summary>
    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(ContractJson.Serialize(value));
}
