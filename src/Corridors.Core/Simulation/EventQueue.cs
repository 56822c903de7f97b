using System.Runtime.CompilerServices;

namespace Corridors.Simulation;

/// <summary>
/// One scheduled event: a time in hours on the simulation clock, the sequence number that breaks ties between
/// events of the same time (first scheduled, first served), a kind and two integer arguments whose meaning the model
/// gives them (typically an entity index and a token that lets a stale event be recognised and ignored).
/// </summary>
/// <param name="Time">Simulation time, hours.</param>
/// <param name="Sequence">Order of scheduling; unique within one queue.</param>
/// <param name="Kind">Model-defined event kind.</param>
/// <param name="Target">Model-defined entity index.</param>
/// <param name="Token">Model-defined argument (e.g. a generation counter).</param>
public readonly record struct SimEvent(double Time, long Sequence, int Kind, int Target, int Token);

/// <summary>
/// The future-event list of a discrete-event simulation: a 4-ary min-heap over <see cref="SimEvent"/> structs ordered
/// by (time, sequence), so events at the same time come out in the order they were scheduled and a run is the same on
/// every machine. The heap array grows by doubling and is reused by <see cref="Clear"/>; scheduling and dequeuing
/// allocate nothing once it is large enough.
/// </summary>
public sealed class EventQueue
{
    private SimEvent[] _heap;
    private long _sequence;

    /// <summary>An empty queue.</summary>
    /// <param name="capacity">Initial heap size.</param>
    public EventQueue(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _heap = new SimEvent[capacity];
    }

    /// <summary>Events waiting.</summary>
    public int Count { get; private set; }

    /// <summary>Events scheduled since construction or the last <see cref="Clear"/>.</summary>
    public long Scheduled => _sequence;

    /// <summary>Forgets every event and restarts the sequence; keeps the array.</summary>
    public void Clear()
    {
        Count = 0;
        _sequence = 0;
    }

    /// <summary>Schedules an event.</summary>
    /// <param name="time">When, hours; must be a finite number.</param>
    /// <param name="kind">Model-defined kind.</param>
    /// <param name="target">Model-defined entity.</param>
    /// <param name="token">Model-defined argument.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Schedule(double time, int kind, int target = 0, int token = 0)
    {
        if (!double.IsFinite(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "An event time must be finite.");
        }

        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        SiftUp(Count++, new SimEvent(time, _sequence++, kind, target, token));
    }

    /// <summary>The earliest event, left in the queue.</summary>
    public bool TryPeek(out SimEvent next)
    {
        if (Count == 0)
        {
            next = default;
            return false;
        }

        next = _heap[0];
        return true;
    }

    /// <summary>Removes and returns the earliest event (ties: the first scheduled).</summary>
    public bool TryDequeue(out SimEvent next)
    {
        if (Count == 0)
        {
            next = default;
            return false;
        }

        next = _heap[0];
        var last = _heap[--Count];
        if (Count > 0)
        {
            SiftDown(last);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(in SimEvent a, in SimEvent b) => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    private void SiftUp(int index, SimEvent item)
    {
        var heap = _heap;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!Before(item, heap[parent]))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = item;
    }

    private void SiftDown(SimEvent item)
    {
        var heap = _heap;
        var count = Count;
        var index = 0;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            var end = Math.Min(first + 4, count);
            for (var c = first + 1; c < end; c++)
            {
                if (Before(heap[c], heap[best]))
                {
                    best = c;
                }
            }

            if (!Before(heap[best], item))
            {
                break;
            }

            heap[index] = heap[best];
            index = best;
        }

        heap[index] = item;
    }
}
