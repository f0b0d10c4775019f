using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.Evaluation;
using NodaTime;
using IcalPeriod = Ical.Net.DataTypes.Period;

namespace ComplaintCloud.Domain.Calendars;

/// <summary>
/// Reads holidays from an iCalendar (.ics) file, such as a public-holiday calendar exported from Outlook or Google.
/// Every day an all-day VEVENT covers is a holiday (DTEND is exclusive, as RFC 5545 says); timed events are ignored,
/// since a meeting is no day off. Recurring all-day events are expanded to at most
/// <see cref="MaxOccurrencesPerEvent"/> occurrences, which keeps a yearly rule without an end finite.
/// </summary>
internal static class ICalendarHolidays
{
    internal const int MaxOccurrencesPerEvent = 500;

    private const string Field = "ics";

    public static IReadOnlyCollection<LocalDate> Read(string icsText)
    {
        ArgumentNullException.ThrowIfNull(icsText);
        try
        {
            var calendar = Calendar.Load(icsText)
                ?? throw BusinessCalendar.BadInput("The text holds no iCalendar (BEGIN:VCALENDAR … END:VCALENDAR).", Field);
            if (calendar.Events.Any(e => e.DtStart is null))
            {
                throw BusinessCalendar.BadInput("An event of the iCalendar file has no valid DTSTART.", Field);
            }

            var dates = calendar.Events
                .Where(e => e.IsAllDay)
                .SelectMany(e => e.GetOccurrences().Take(MaxOccurrencesPerEvent))
                .SelectMany(o => DaysOf(o.Period))
                .ToHashSet();
            return dates.Count > 0
                ? dates
                : throw BusinessCalendar.BadInput("The iCalendar file holds no all-day events to take as holidays.", Field);
        }
        catch (Exception e) when (e is SerializationException or FormatException or ArgumentException or EvaluationException)
        {
            throw BusinessCalendar.BadInput($"The iCalendar file cannot be read: {e.Message}", Field);
        }
    }

    // An all-day occurrence covers at least its start day, even when its end is missing or not after its start.
    private static IEnumerable<LocalDate> DaysOf(IcalPeriod occurrence)
    {
        var first = LocalDate.FromDateOnly(occurrence.StartTime.Date);
        var end = occurrence.EffectiveEndTime is { } endTime ? LocalDate.FromDateOnly(endTime.Date) : first.PlusDays(1);
        for (var date = first; date < end || date == first; date = date.PlusDays(1))
        {
            yield return date;
        }
    }
}
