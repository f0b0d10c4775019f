using NodaTime;

namespace ComplaintCloud.Domain.Clocks;

/// <summary>
/// The record that a clock's warning or breach was handled. Its key (clock, occasion) is what makes the handling
/// happen once: everything the handling writes — events, escalations, penalties, notifications — commits in the
/// same transaction, so a second handler's insert fails and its whole transaction rolls back.
/// </summary>
public sealed class ClockAlert : ITenantOwned
{
    private ClockAlert()
    {
    }

    public Guid ClockId { get; private set; }
    public ClockOccasion Occasion { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string ClockKind { get; private set; } = string.Empty;

    /// <summary>When it was handled; with the clock's warning or deadline this gives the lag.</summary>
    public Instant At { get; private set; }

    /// <summary>The instant the clock was due to warn or breach.</summary>
    public Instant DueAt { get; private set; }

    /// <summary>Warns or breaches <paramref name="clock"/>, whichever is due at <paramref name="now"/> (a deadline
    /// that passed unwarned, e.g. while the service was down, is a breach only).</summary>
    public static ClockAlert Raise(SlaClock clock, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var breach = clock.BreachDueAt(now);
        var dueAt = breach ? clock.DueAt : clock.WarnAt;
        if (breach)
        {
            clock.Breach(now);
        }
        else
        {
            clock.Warn(now);
        }

        return new ClockAlert
        {
            ClockId = clock.Id,
            Occasion = breach ? ClockOccasion.Breached : ClockOccasion.Warning,
            TenantId = clock.TenantId,
            ComplaintId = clock.ComplaintId,
            ClockKind = clock.Kind,
            At = now,
            DueAt = dueAt,
        };
    }
}

/// <summary>What happened to a clock that the scheduler handles.</summary>
public enum ClockOccasion
{
    Warning,
    Breached,
}
