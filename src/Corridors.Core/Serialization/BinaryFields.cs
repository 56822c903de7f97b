using System.Runtime.InteropServices;

namespace Corridors.Serialization;

/// <summary>
/// The field encodings of the binary snapshot (Corridors.Data's <c>DataSnapshotCache</c>): nullable values as a
/// presence byte and the value, lists as a count and the items, arrays of plain numbers as a count and their raw
/// little-endian bytes. The snapshot file carries its own checksum, so a reader only meets bytes a writer produced;
/// a count that runs past the end still fails as <see cref="EndOfStreamException"/>, never as a huge allocation.
/// </summary>
internal static class BinaryFields
{
    public static void WriteArray<T>(this BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    public static T[] ReadArray<T>(this BinaryReader reader)
        where T : unmanaged
    {
        var count = reader.ReadInt32();
        var size = (long)count * Marshal.SizeOf<T>();
        if (count < 0 || size > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new EndOfStreamException("An array runs past the end of the snapshot.");
        }

        var values = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static int ReadCount(this BinaryReader reader)
    {
        var count = reader.ReadInt32();

        // Every item takes at least one byte: a larger count is a damaged file.
        return count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position
            ? throw new EndOfStreamException("A list runs past the end of the snapshot.")
            : count;
    }

    public static void WriteList<T>(this BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    public static T[] ReadList<T>(this BinaryReader reader, Func<BinaryReader, T> read)
    {
        var items = new T[reader.ReadCount()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(reader);
        }

        return items;
    }

    public static void WriteStrings(this BinaryWriter writer, IReadOnlyList<string> items) => writer.WriteList(items, static (w, s) => w.Write(s));

    public static string[] ReadStrings(this BinaryReader reader) => reader.ReadList(static r => r.ReadString());

    public static void WriteOptional(this BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    public static string? ReadOptionalString(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    public static void WriteOptional(this BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        if (value is { } v)
        {
            writer.Write(v);
        }
    }

    public static double? ReadOptionalDouble(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDouble() : null;

    public static void WriteOptional(this BinaryWriter writer, int? value)
    {
        writer.Write(value.HasValue);
        if (value is { } v)
        {
            writer.Write(v);
        }
    }

    public static int? ReadOptionalInt(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;

    public static void WriteOptional(this BinaryWriter writer, bool? value)
    {
        writer.Write((byte)(value is null ? 0 : value.Value ? 2 : 1));
    }

    public static bool? ReadOptionalBool(this BinaryReader reader) => reader.ReadByte() switch
    {
        0 => null,
        1 => false,
        2 => true,
        _ => throw new InvalidDataException("A flag of the snapshot is neither absent, false nor true."),
    };
}
