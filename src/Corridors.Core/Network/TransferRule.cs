using System.Runtime.CompilerServices;

namespace Corridors.Network;

/// <summary>
/// The one rule for where cargo is transshipped and where a node's dwell applies, read by routing
/// (<c>QueryWeights.Step</c>) and by the Monte Carlo plans (<c>RoutePlan</c>) alike.
/// </summary>
/// <remarks>
/// A transfer leg (a border crossing or gauge change modelled as its own leg) is a transshipment and carries its own
/// handling time. Between two other legs, a change of mode, or of rail gauge where both gauges are known, is a
/// transshipment at the node between them, and the node's dwell applies there, except where wagons or trucks roll
/// on or off a ferry (<see cref="Rolls"/>): there the node's roll dwell applies instead. A node whose dwell rule is
/// <see cref="DwellRule.Always"/> stops every route through it.
/// </remarks>
public static class TransferRule
{
    /// <summary>
    /// True when going from a leg of <paramref name="previousMode"/> to one of <paramref name="mode"/> changes mode
    /// or gauge at the node between them (gauges in mm; 0 = unknown or not rail). Transfer legs never change here:
    /// their handling is their own running time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ChangesAt(TransportMode previousMode, int previousGaugeMm, TransportMode mode, int gaugeMm) =>
        mode != TransportMode.Transfer && previousMode != TransportMode.Transfer
        && !Rolls(previousMode, mode)
        && (previousMode != mode || (previousGaugeMm != 0 && gaugeMm != 0 && previousGaugeMm != gaugeMm));

    /// <summary>
    /// True when wagons or trucks roll between a train or road leg and a rail/ro-pax ferry (Caspian ferries carry
    /// 1520 mm wagons on both shores): no cargo is handled, so it is no transshipment and the node's handling dwell
    /// does not apply; the node's roll dwell (<see cref="Node.RollDwellHours"/>) does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Rolls(TransportMode previousMode, TransportMode mode) =>
        (previousMode == TransportMode.Ferry && mode is TransportMode.Rail or TransportMode.Road)
        || (mode == TransportMode.Ferry && previousMode is TransportMode.Rail or TransportMode.Road);

    /// <summary>True when an intermediate node's dwell applies: it always stops traffic, or the route changes there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool DwellApplies(bool nodeDwellsAlways, bool changesAtNode) => nodeDwellsAlways || changesAtNode;
}
