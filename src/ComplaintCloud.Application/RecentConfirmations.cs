using System.Collections.Concurrent;
using NodaTime;

namespace ComplaintCloud.Application;

/// <summary>
/// What the database confirmed a moment ago, kept for <see cref="RecentConfirmations.Lifetime"/> so that a run of
/// requests does not pay a query each. The node that changes a confirmed fact forgets it at once, so its own refusals
/// come at once; another node may rely on the old answer for up to the lifetime more.
/// </summary>
public abstract class RecentConfirmations<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, Instant CheckedAt)> _confirmed = new();

    public bool Confirms(TKey key, TValue value, Instant now) =>
        _confirmed.TryGetValue(key, out var confirmed)
        && EqualityComparer<TValue>.Default.Equals(confirmed.Value, value)
        && now - confirmed.CheckedAt < RecentConfirmations.Lifetime;

    public void Remember(TKey key, TValue value, Instant now) => _confirmed[key] = (value, now);

    public void Forget(TKey key) => _confirmed.TryRemove(key, out _);
}

/// <summary>Facts that either hold or not (a tenant writable, a category active): only those that held are kept.</summary>
public abstract class RecentConfirmations<TKey> : RecentConfirmations<TKey, bool>
    where TKey : notnull
{
    public bool Confirms(TKey key, Instant now) => Confirms(key, true, now);

    public void Remember(TKey key, Instant now) => Remember(key, true, now);
}

public static class RecentConfirmations
{
    public static readonly Duration Lifetime = Duration.FromSeconds(2);
}
