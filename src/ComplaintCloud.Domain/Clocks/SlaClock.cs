using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Complaints;
using NodaTime;

namespace ComplaintCloud.Domain.Clocks;

/// <summary>
/// One SLA clock of a complaint, e.g. RESOLVE due in 3 working days. It keeps account of the time it has spent
/// (<see cref="Spent"/> up to <see cref="SpentUpTo"/>) so that pausing and regrading never lose or forgive time;
/// <see cref="WarnAt"/> and <see cref="DueAt"/> are worked out from that account whenever it changes.
/// </summary>
public sealed class SlaClock : ITenantOwned
{
    private SlaClock()
    {
        Kind = string.Empty;
    }

    /// <summary>States in which a clock's deadline still matters: counting down, or passed and not yet met.</summary>
    public static readonly IReadOnlyList<ClockState> DeadlineStates = [ClockState.Running, ClockState.Warned, ClockState.Breached];

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string Kind { get; private set; }

    /// <summary>The handling round it belongs to: 0 from intake, n after the n-th reopen, which starts the clocks again.</summary>
    public int Round { get; private set; }
    public Instant StartedAt { get; private set; }
    public Instant WarnAt { get; private set; }
    public Instant DueAt { get; private set; }
    public bool PausesWhileWaitingOnCustomer { get; private set; }
    public ClockState State { get; private set; }

    /// <summary>Whether the clock counts working time on the tenant's calendar rather than wall time.</summary>
    public bool CountsBusinessTime { get; private set; }

    /// <summary>The time the clock allows, in its own measure.</summary>
    public Duration Budget { get; private set; }

    /// <summary>Share of the budget spent at which the warning falls.</summary>
    public int WarningPercent { get; private set; }

    /// <summary>Time counted up to <see cref="SpentUpTo"/>; a running clock counts on from there.</summary>
    public Duration Spent { get; private set; }
    public Instant SpentUpTo { get; private set; }
    public Instant? PausedAt { get; private set; }
    public Instant? WarnedAt { get; private set; }
    public Instant? BreachedAt { get; private set; }
    public Instant? MetAt { get; private set; }

    /// <summary>When its purpose lapsed without being met (resolved, withdrawn, closed, reopened): neither met nor breached.</summary>
    public Instant? StoppedAt { get; private set; }

    /// <summary>When the clock next needs the scheduler: its warning while running, its deadline once warned; null
    /// when nothing more can happen (paused, met, breached). Indexed, so a tenant's due clocks are one range scan.</summary>
    public Instant? NextAlertAt { get; private set; }

    /// <summary>Whether the clock still counts towards its deadline (warned and breached clocks count on).</summary>
    public bool IsCounting => State is ClockState.Running or ClockState.Warned or ClockState.Breached;

    /// <summary>Whether it is done with: met, or stopped because its purpose lapsed. Nothing more happens to it.</summary>
    public bool IsSettled => State is ClockState.Met or ClockState.Stopped;

    internal static SlaClock Start(Complaint complaint, PlannedClock plan)
    {
        var clock = new SlaClock
        {
            Id = Guid.CreateVersion7(),
            TenantId = complaint.TenantId,
            ComplaintId = complaint.Id,
            Kind = plan.Kind,
            Round = complaint.ReopenCount,
            StartedAt = plan.StartedAt,
            WarnAt = plan.WarnAt,
            DueAt = plan.DueAt,
            PausesWhileWaitingOnCustomer = plan.PausesWhileWaitingOnCustomer,
            CountsBusinessTime = plan.CountsBusinessTime,
            Budget = plan.Budget,
            WarningPercent = plan.WarningPercent,
            Spent = Duration.Zero,
            SpentUpTo = plan.StartedAt,
            State = ClockState.Running,
        };
        clock.Track();
        return clock;
    }

    /// <summary>Time spent so far, in the clock's own measure.</summary>
    public Duration SpentAt(Instant now, BusinessCalendar calendar) =>
        IsCounting ? Spent + Measure(calendar).Between(SpentUpTo, now) : Spent;

    /// <summary>Time left before the deadline, in the clock's own measure; negative once overdue, frozen while paused or met.</summary>
    public Duration RemainingAt(Instant now, BusinessCalendar calendar) => Budget - SpentAt(now, calendar);

    /// <summary>The warning is due: a running clock whose warning time has come and whose deadline has not.</summary>
    public bool WarningDueAt(Instant now) => State == ClockState.Running && WarnAt <= now && DueAt > now;

    /// <summary>The breach is due: a counting clock, not yet breached, whose deadline has passed.</summary>
    public bool BreachDueAt(Instant now) => State is ClockState.Running or ClockState.Warned && DueAt <= now;

    /// <summary>Stops the clock for good because its target was met at <paramref name="metAt"/> (now, or earlier when
    /// the step is recorded after it happened); a breached clock keeps its breach on record.</summary>
    public void Meet(Instant metAt, BusinessCalendar calendar)
    {
        if (IsSettled)
        {
            throw new DomainException(ErrorCode.InvalidTransition, $"The {Kind} clock was already {(State == ClockState.Met ? "met" : "stopped")}.");
        }

        // Time already booked (up to a pause or a replan) stays booked.
        Settle(Instant.Max(metAt, SpentUpTo), calendar);
        State = ClockState.Met;
        MetAt = metAt;
        PausedAt = null;
        Track();
    }

    /// <summary>
    /// Stops a clock whose purpose lapsed before it was met (the complaint was resolved, withdrawn, closed or reopened):
    /// it can no longer warn or breach. A breached clock keeps its breach; false when there was nothing to stop.
    /// </summary>
    public bool Stop(Instant now, BusinessCalendar calendar)
    {
        if (State is not (ClockState.Running or ClockState.Warned or ClockState.Paused))
        {
            return false;
        }

        Settle(now, calendar);
        State = ClockState.Stopped;
        StoppedAt = now;
        PausedAt = null;
        Track();
        return true;
    }

    /// <summary>Pauses a clock whose rule pauses while the complaint waits on the customer; false when it does not apply.</summary>
    public bool Pause(Instant now, BusinessCalendar calendar)
    {
        if (!PausesWhileWaitingOnCustomer || State is not (ClockState.Running or ClockState.Warned))
        {
            return false;
        }

        Settle(now, calendar);
        State = ClockState.Paused;
        PausedAt = now;
        Track();
        return true;
    }

    /// <summary>Resumes a paused clock with the time it had left; false when it was not paused.</summary>
    public bool Resume(Instant now, BusinessCalendar calendar)
    {
        if (State != ClockState.Paused)
        {
            return false;
        }

        SpentUpTo = now;
        PausedAt = null;
        State = WarnedAt is null ? ClockState.Running : ClockState.Warned;
        Reschedule(now, calendar);
        return true;
    }

    /// <summary>Gives the clock a new budget after a regrade, keeping the time already spent.</summary>
    public void Replan(PlannedClock plan, Instant now, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (IsSettled)
        {
            return;
        }

        Settle(now, calendar);
        Budget = plan.Budget;
        WarningPercent = plan.WarningPercent;
        PausesWhileWaitingOnCustomer = plan.PausesWhileWaitingOnCustomer;
        Reschedule(now, calendar);
    }

    /// <summary>Records the warning; only a clock whose warning is due can be warned, so it happens once.</summary>
    public void Warn(Instant now)
    {
        if (!WarningDueAt(now))
        {
            throw new DomainException(ErrorCode.InvalidTransition, $"The {Kind} clock is {ApiNames.Of(State)} and its warning is not due.");
        }

        State = ClockState.Warned;
        WarnedAt = now;
        Track();
    }

    /// <summary>Records the breach; only a clock whose deadline has passed can be breached, so it happens once.</summary>
    public void Breach(Instant now)
    {
        if (!BreachDueAt(now))
        {
            throw new DomainException(ErrorCode.InvalidTransition, $"The {Kind} clock is {ApiNames.Of(State)} and not overdue.");
        }

        State = ClockState.Breached;
        BreachedAt = now;
        Track();
    }

    // Books the time counted since the last settlement, so that what follows starts from now.
    private void Settle(Instant now, BusinessCalendar calendar)
    {
        Spent = SpentAt(now, calendar);
        SpentUpTo = now;
    }

    // Warning and deadline from what is left of the budget, counted from now (a paused clock resumes from here too).
    private void Reschedule(Instant now, BusinessCalendar calendar)
    {
        var measure = Measure(calendar);
        DueAt = measure.Advance(now, Budget - Spent);
        WarnAt = measure.Advance(now, Budget * (WarningPercent / 100.0) - Spent);
        Track();
    }

    private void Track() => NextAlertAt = State switch
    {
        ClockState.Running => Instant.Min(WarnAt, DueAt),
        ClockState.Warned => DueAt,
        _ => null,
    };

    private ClockMeasure Measure(BusinessCalendar calendar) => new(CountsBusinessTime, calendar);
}

/// <summary>Where a clock stands.</summary>
public enum ClockState
{
    Running,
    Paused,
    Met,
    Warned,
    Breached,

    /// <summary>Its purpose lapsed before it was met: neither met nor breached.</summary>
    Stopped,
}
