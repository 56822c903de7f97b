namespace Corridors.Network;

/// <summary>Dense index of a node in a frozen <see cref="CorridorNetwork"/>.</summary>
/// <param name="Value">0-based index.</param>
public readonly record struct NodeId(int Value)
{
    /// <inheritdoc />
    public override string ToString() => "n" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Dense index of a directed edge in a frozen <see cref="CorridorNetwork"/>.</summary>
/// <param name="Value">0-based index.</param>
public readonly record struct EdgeId(int Value)
{
    /// <inheritdoc />
    public override string ToString() => "e" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
