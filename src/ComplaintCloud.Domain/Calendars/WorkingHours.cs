using NodaTime;

namespace ComplaintCloud.Domain.Calendars;

/// <summary>
/// One stretch of working time within a day, in local wall-clock time, from <paramref name="Start"/> up to
/// (not including) <paramref name="End"/>. An <paramref name="End"/> of 00:00 means midnight at the end of the
/// day, so a round-the-clock desk is 00:00–00:00.
/// </summary>
public sealed record WorkingHours(LocalTime Start, LocalTime End)
{
    internal bool RunsToMidnight => End == LocalTime.Midnight;

    internal LocalDateTime StartOn(LocalDate date) => date + Start;

    internal LocalDateTime EndOn(LocalDate date) => RunsToMidnight ? date.PlusDays(1).AtMidnight() : date + End;
}
