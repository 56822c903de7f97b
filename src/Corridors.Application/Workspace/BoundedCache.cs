using System.Collections.Concurrent;

namespace Corridors.Application.Workspace;

/// <summary>
/// A thread-safe memo of at most <c>capacity</c> values, each computed once per key (concurrent callers of a missing
/// key wait for one computation) and the least recently used dropped when a new key would exceed the capacity. The
/// workspace keeps its scenario-keyed state here (applied scenarios, snapshots, Caspian waits): requests may name
/// scenarios by content, so the number of keys is the callers' to choose and memory must not follow it.
/// </summary>
/// <remarks>
/// A hit is one dictionary read and one store of a counter. Eviction scans the entries (O(capacity)) and happens only
/// when a new key is added to a full cache; a value evicted while in use stays valid for its holder (values are
/// immutable) and is rebuilt on the next miss.
/// </remarks>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TValue">The value (immutable: it may be handed to many threads).</typeparam>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly int _capacity;
    private readonly Lock _evicting = new();
    private long _clock;

    /// <summary>Creates an empty cache of at most <paramref name="capacity"/> values.</summary>
    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    /// <summary>Keys held now.</summary>
    public int Count => _entries.Count;

    /// <summary>True when <paramref name="key"/> is held now.</summary>
    public bool Contains(TKey key) => _entries.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/>, computed by <paramref name="create"/> when it is not held.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        var tick = Interlocked.Increment(ref _clock);
        if (_entries.TryGetValue(key, out var entry))
        {
            Volatile.Write(ref entry.LastUse, tick);
            return entry.Value.Value;
        }

        var added = _entries.GetOrAdd(key, k => new Entry(new Lazy<TValue>(() => create(k), LazyThreadSafetyMode.ExecutionAndPublication), tick));
        if (_entries.Count > _capacity)
        {
            Evict(added);
        }

        return added.Value.Value;
    }

    /// <summary>The value of <paramref name="key"/> when it is held (computed); a hit counts as a use.</summary>
    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Value.IsValueCreated)
        {
            Volatile.Write(ref entry.LastUse, Interlocked.Increment(ref _clock));
            value = entry.Value.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Holds <paramref name="value"/> for <paramref name="key"/> (replacing a value held), dropping the least recently used beyond the capacity.</summary>
    public void Set(TKey key, TValue value)
    {
        var entry = new Entry(new Lazy<TValue>(value), Interlocked.Increment(ref _clock));
        _entries[key] = entry;
        if (_entries.Count > _capacity)
        {
            Evict(entry);
        }
    }

    private void Evict(Entry keep)
    {
        lock (_evicting)
        {
            while (_entries.Count > _capacity)
            {
                var oldest = default(KeyValuePair<TKey, Entry>);
                var found = false;
                foreach (var pair in _entries)
                {
                    if (!ReferenceEquals(pair.Value, keep) && (!found || Volatile.Read(ref pair.Value.LastUse) < Volatile.Read(ref oldest.Value.LastUse)))
                    {
                        oldest = pair;
                        found = true;
                    }
                }

                if (!found)
                {
                    return;
                }

                _entries.TryRemove(oldest);
            }
        }
    }

    private sealed class Entry(Lazy<TValue> value, long lastUse)
    {
        public readonly Lazy<TValue> Value = value;
        public long LastUse = lastUse;
    }
}
