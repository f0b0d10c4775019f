using System.Collections.Concurrent;
using System.Collections.Frozen;
using NodaTime;
using NodaTime.TimeZones;
using ContractDuration = ComplaintCloud.Plugins.Abstractions.Duration;
using Duration = NodaTime.Duration;
using TimeUnit = ComplaintCloud.Plugins.Abstractions.TimeUnit;

namespace ComplaintCloud.Domain.Calendars;

/// <summary>
/// A tenant's business calendar: time zone, working days, working hours, public holidays and make-up working days.
/// </summary>
/// <remarks>
/// <para>A date is a working day when it is not a holiday and either falls on a working weekday or is a make-up
/// working day (China's 调休上班). A holiday wins over a make-up day, so an imported closure always closes.</para>
/// <para>Working hours are wall-clock intervals of the calendar's zone. Business time is the real time elapsed inside
/// them, so a DST change inside working hours shortens or lengthens that day. Wall-clock times a DST gap skips are
/// not worked; when a change repeats an hour, an interval takes the earlier start and the later end, so it covers
/// all the wall-clock time it names.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    // Bounds on every forward search, so that a calendar without working time or an absurd amount fails instead of looping.
    private const int MaxDaysWithoutWork = 3 * 366;
    private const int MaxSearchDays = 100 * 366;

    // Enough days for decades of planning around "now"; beyond it, intervals are worked out without being kept.
    private const int MaxCachedDays = 20_000;

    private static readonly ZoneLocalMappingResolver StartResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private readonly FrozenSet<IsoDayOfWeek> _workingDays;
    private readonly WorkingHours[] _hours;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly FrozenSet<LocalDate> _makeUpWorkingDays;

    // Each date's working intervals as instants, worked out once: the calendar never changes, every clock planned asks
    // for the same few weeks, and resolving wall-clock times in the zone allocates.
    private readonly ConcurrentDictionary<LocalDate, Interval[]> _intervalsByDate = new();

    /// <param name="zone">The tenant's time zone, e.g. Asia/Shanghai (see <see cref="ZoneFromIanaId"/>).</param>
    /// <param name="workingDays">The weekdays worked in an ordinary week.</param>
    /// <param name="hours">The working intervals of every working day: sorted, not overlapping, at least one.</param>
    /// <param name="holidays">Dates off although they may fall on a working weekday.</param>
    /// <param name="makeUpWorkingDays">Dates worked although they fall on a non-working weekday.</param>
    public BusinessCalendar(
        DateTimeZone zone,
        IReadOnlyCollection<IsoDayOfWeek> workingDays,
        IReadOnlyList<WorkingHours> hours,
        IReadOnlyCollection<LocalDate> holidays,
        IReadOnlyCollection<LocalDate> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        if (workingDays.Count == 0 || workingDays.Any(day => day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday))
        {
            throw BadInput("A calendar needs at least one working day, each Monday to Sunday.", "workingDays");
        }

        ValidateHours(hours);
        Zone = zone;
        _workingDays = workingDays.ToFrozenSet();
        _hours = [.. hours];
        _holidays = holidays.ToFrozenSet();
        _makeUpWorkingDays = makeUpWorkingDays.ToFrozenSet();
    }

    public DateTimeZone Zone { get; }

    public IReadOnlySet<IsoDayOfWeek> WorkingDays => _workingDays;

    public IReadOnlyList<WorkingHours> Hours => _hours;

    public IReadOnlySet<LocalDate> Holidays => _holidays;

    public IReadOnlySet<LocalDate> MakeUpWorkingDays => _makeUpWorkingDays;

    /// <summary>Mainland China: Asia/Shanghai, Monday to Friday 09:00–12:00 and 13:00–18:00, with the shipped
    /// State Council holiday schedule (see <see cref="ChinaHolidaySchedule"/> for which years are official).</summary>
    public static BusinessCalendar ChinaMainland() => new(
        DateTimeZoneProviders.Tzdb["Asia/Shanghai"],
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
        [new(new LocalTime(9, 0), new LocalTime(12, 0)), new(new LocalTime(13, 0), new LocalTime(18, 0))],
        ChinaHolidaySchedule.Holidays,
        ChinaHolidaySchedule.MakeUpWorkingDays);

    /// <summary>The IANA zone of that id, or a <see cref="DomainException"/> naming the field "zone".</summary>
    public static DateTimeZone ZoneFromIanaId(string ianaId) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(ianaId)
        ?? throw BadInput($"'{ianaId}' is not an IANA time zone such as Asia/Shanghai.", "zone");

    /// <summary>The due instant of a contract duration started at <paramref name="start"/>: minutes and hours
    /// are wall-clock time, whatever the calendar; business hours go through <see cref="AddBusinessTime"/> and
    /// working days through <see cref="AddWorkingDays"/>. A zero amount is due at once.</summary>
    public Instant Add(Instant start, ContractDuration target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Amount < 0)
        {
            throw BadInput("A duration cannot be negative.", "target.amount");
        }

        return target.Unit switch
        {
            TimeUnit.Minutes => start + Duration.FromMinutes(target.Amount),
            TimeUnit.Hours => start + Duration.FromHours(target.Amount),
            TimeUnit.BusinessHours => AddBusinessTime(start, Duration.FromHours(target.Amount)),
            TimeUnit.WorkingDays => AddWorkingDays(start, target.Amount),
            _ => throw BadInput($"Unknown time unit '{target.Unit}'.", "target.unit"),
        };
    }

    /// <summary>The instant at which <paramref name="businessTime"/> of working time has elapsed since
    /// <paramref name="start"/>. A start outside working hours counts from the next opening; time that runs out
    /// exactly at a closing is due at that closing, not at the next opening.</summary>
    public Instant AddBusinessTime(Instant start, Duration businessTime)
    {
        if (businessTime < Duration.Zero)
        {
            throw BadInput("Business time cannot be negative.", "businessTime");
        }

        if (businessTime == Duration.Zero)
        {
            return start;
        }

        var remaining = businessTime;
        var first = LocalDateOf(start);
        for (var date = NextWorkingDay(first, first); ; date = NextWorkingDay(date.PlusDays(1), first))
        {
            foreach (var interval in IntervalsOn(date))
            {
                if (interval.End <= start)
                {
                    continue;
                }

                var from = Instant.Max(interval.Start, start);
                var available = interval.End - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }
    }

    /// <summary>
    /// The close of business of the <paramref name="workingDays"/>th working day after the day of
    /// <paramref name="start"/>. The start day itself never counts, whatever the hour and whether it is a
    /// working day: as Chinese procedural law counts periods ("期间开始的时和日，不计算在期间内") and as "within N business days"
    /// is read in commerce, the handler always gets N whole working days. Received Friday 15:00, 3 working days
    /// are due Wednesday 18:00; received Saturday, also Wednesday 18:00; received Monday 08:00, Thursday 18:00.
    /// </summary>
    public Instant AddWorkingDays(Instant start, int workingDays)
    {
        if (workingDays < 0)
        {
            throw BadInput("Working days cannot be negative.", "workingDays");
        }

        if (workingDays == 0)
        {
            return start;
        }

        var first = LocalDateOf(start).PlusDays(1);
        var dueDay = NextWorkingDay(first, first);
        for (var counted = 1; counted < workingDays; counted++)
        {
            dueDay = NextWorkingDay(dueDay.PlusDays(1), first);
        }

        return IntervalsOn(dueDay)[^1].End;
    }

    /// <summary>Working time elapsed from <paramref name="from"/> to <paramref name="to"/>; zero when
    /// <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        if (to <= from)
        {
            return Duration.Zero;
        }

        var total = Duration.Zero;
        for (var date = LocalDateOf(from); date <= LocalDateOf(to); date = date.PlusDays(1))
        {
            foreach (var interval in IntervalsOn(date))
            {
                var overlapStart = Instant.Max(interval.Start, from);
                var overlapEnd = Instant.Min(interval.End, to);
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    public bool IsWorkingDay(LocalDate date) =>
        !_holidays.Contains(date) && (_makeUpWorkingDays.Contains(date) || _workingDays.Contains(date.DayOfWeek));

    /// <summary>A copy of this calendar with every day of every all-day event of an iCalendar (.ics) file added
    /// as a holiday; timed events are ignored, recurring ones expanded (see <see cref="ICalendarHolidays"/>).</summary>
    public BusinessCalendar WithHolidaysFromICalendar(string icsText) =>
        new(Zone, _workingDays, _hours, _holidays.Union(ICalendarHolidays.Read(icsText)).ToArray(), _makeUpWorkingDays);

    internal static DomainException BadInput(string message, string field) =>
        new(ErrorCode.BadUserInput, message, field);

    private static void ValidateHours(IReadOnlyList<WorkingHours> hours)
    {
        if (hours.Count == 0)
        {
            throw BadInput("A calendar needs at least one working-hours interval.", "hours");
        }

        for (var i = 0; i < hours.Count; i++)
        {
            var current = hours[i] ?? throw BadInput("A working-hours interval is missing.", "hours");
            if (!current.RunsToMidnight && current.Start >= current.End)
            {
                throw BadInput($"Working hours {current.Start:HH:mm}–{current.End:HH:mm} must start before they end.", "hours");
            }

            if (i > 0 && (hours[i - 1].RunsToMidnight || current.Start < hours[i - 1].End))
            {
                throw BadInput("Working-hours intervals must be in order and must not overlap.", "hours");
            }
        }
    }

    private LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>
    /// The first working day from <paramref name="date"/> on, in a search that began at <paramref name="first"/> and
    /// has had a working day just before <paramref name="date"/> (or is starting). Throws rather than searching for
    /// ever: more than <see cref="MaxDaysWithoutWork"/> days without work, or past <see cref="MaxSearchDays"/>.
    /// </summary>
    private LocalDate NextWorkingDay(LocalDate date, LocalDate first)
    {
        var lastWorked = date.PlusDays(-1);
        for (var day = date; ; day = day.PlusDays(1))
        {
            if (Period.DaysBetween(first, day.PlusDays(-1)) > MaxSearchDays)
            {
                throw BadInput($"The due date lies more than {MaxSearchDays} days after {first:uuuu-MM-dd}.", "target.amount");
            }

            if (IsWorkingDay(day))
            {
                return day;
            }

            if (Period.DaysBetween(lastWorked, day) > MaxDaysWithoutWork)
            {
                throw BadInput($"The calendar has no working day for more than {MaxDaysWithoutWork} days from {first:uuuu-MM-dd}.", "calendar");
            }
        }
    }

    private Interval[] IntervalsOn(LocalDate date) =>
        _intervalsByDate.TryGetValue(date, out var intervals) ? intervals
        : _intervalsByDate.Count < MaxCachedDays ? _intervalsByDate.GetOrAdd(date, static (day, calendar) => calendar.WorkOutIntervalsOn(day), this)
        : WorkOutIntervalsOn(date);

    private Interval[] WorkOutIntervalsOn(LocalDate date)
    {
        if (!IsWorkingDay(date))
        {
            return [];
        }

        var intervals = new Interval[_hours.Length];
        var previousEnd = Instant.MinValue;
        for (var i = 0; i < _hours.Length; i++)
        {
            // Clipping to the previous end keeps intervals apart when a repeated hour makes adjacent ones overlap.
            var start = Instant.Max(Zone.ResolveLocal(_hours[i].StartOn(date), StartResolver).ToInstant(), previousEnd);
            var end = Instant.Max(Zone.ResolveLocal(_hours[i].EndOn(date), EndResolver).ToInstant(), start);
            intervals[i] = new Interval(start, end);
            previousEnd = end;
        }

        return intervals;
    }
}
