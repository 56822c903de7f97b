using System.Collections.Concurrent;

namespace Corridors.Application.Workspace;

/// <summary>
/// A tiny thread-safe pool of search objects that own reusable work arrays (routers), lent per call as Itinero's
/// search pool does: a request takes one, uses it on its own thread, and returns it.
/// </summary>
internal sealed class ObjectPool<T>(Func<T> create, int maxKept = 16)
    where T : class
{
    private readonly ConcurrentBag<T> _items = [];

    public Lease Rent() => new(this, _items.TryTake(out var item) ? item : create());

    private void Return(T item)
    {
        if (_items.Count < maxKept)
        {
            _items.Add(item);
        }
    }

    /// <summary>A lent object; dispose to return it.</summary>
    public readonly struct Lease(ObjectPool<T> pool, T value) : IDisposable
    {
        public T Value { get; } = value;

        public void Dispose() => pool.Return(Value);
    }
}
