using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintCloud.Domain;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Application.Reports;

/// <summary>How a report's period was asked for: one of a date range, a month or a quarter.</summary>
public sealed record ReportPeriodInput
{
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Month { get; init; }
    public string? Quarter { get; init; }
}

/// <summary>The days a report covers, both ends included, and the period of equal length it is compared with.</summary>
public sealed partial record ReportPeriod(LocalDate From, LocalDate To, LocalDate PreviousFrom)
{
    /// <summary>A year and a day: longer ranges are exports of history, not reports.</summary>
    public const int MaxDays = 366;

    public LocalDate PreviousTo => From.PlusDays(-1);

    /// <param name="input">The period as asked for.</param>
    /// <param name="field">Where the input sits, for BAD_USER_INPUT: "period" in a report, "input.period" in a mutation.</param>
    public static ReportPeriod Parse(ReportPeriodInput input, string field = "period")
    {
        ArgumentNullException.ThrowIfNull(input);
        var ranged = input.From is not null || input.To is not null;
        var given = (ranged ? 1 : 0) + (input.Month is null ? 0 : 1) + (input.Quarter is null ? 0 : 1);
        if (given != 1)
        {
            throw new DomainException(ErrorCode.BadUserInput, "Give exactly one of {from, to}, month or quarter.", field);
        }

        if (input.Month is { } month)
        {
            var match = MonthPattern().Match(month);
            var first = match.Success && int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
                ? new LocalDate(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), m, 1)
                : throw new DomainException(ErrorCode.BadUserInput, "A month is written YYYY-MM, e.g. 2026-11.", $"{field}.month");
            // The previous calendar month, whatever its length.
            return new ReportPeriod(first, first.PlusMonths(1).PlusDays(-1), first.PlusMonths(-1));
        }

        if (input.Quarter is { } quarter)
        {
            var match = QuarterPattern().Match(quarter);
            var first = match.Success
                ? new LocalDate(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * 3) - 2, 1)
                : throw new DomainException(ErrorCode.BadUserInput, "A quarter is written YYYY-Qn, e.g. 2026-Q4.", $"{field}.quarter");
            return new ReportPeriod(first, first.PlusMonths(3).PlusDays(-1), first.PlusMonths(-3));
        }

        var from = Date(input.From, $"{field}.from");
        var to = Date(input.To, $"{field}.to");
        var days = Period.DaysBetween(from, to) + 1;
        if (days is < 1 or > MaxDays)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"The period must end on or after the day it starts, at most {MaxDays} days later.", $"{field}.to");
        }

        return new ReportPeriod(from, to, from.PlusDays(-days));
    }

    /// <summary>[start, end) of the period as instants in the tenant's zone.</summary>
    public (Instant Start, Instant End) Instants(DateTimeZone zone) => Range(From, To, zone);

    public (Instant Start, Instant End) PreviousInstants(DateTimeZone zone) => Range(PreviousFrom, PreviousTo, zone);

    private static (Instant, Instant) Range(LocalDate from, LocalDate to, DateTimeZone zone) =>
        (from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());

    // Years 1000–2999, as for months and quarters: far dates would overflow the calendar maths, and mean a typo.
    private static LocalDate Date(string? value, string field) =>
        value is not null && LocalDatePattern.Iso.Parse(value) is { Success: true, Value.Year: >= 1000 and <= 2999 } parsed
            ? parsed.Value
            : throw new DomainException(ErrorCode.BadUserInput, "A date is written YYYY-MM-DD (years 1000–2999); give both from and to.", field);

    [GeneratedRegex(@"^([12]\d{3})-(\d{2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^([12]\d{3})-Q([1-4])$")]
    private static partial Regex QuarterPattern();
}
