using System.Collections.Frozen;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Domain.Calendars;

/// <summary>
/// The mainland China holiday schedule shipped as embedded data (Calendars/Data/china-mainland-YYYY.txt, one file a
/// year). Each file says whether it is the State Council's official notice or a provisional stand-in, so callers can
/// warn tenants about years that may still change.
/// </summary>
public static class ChinaHolidaySchedule
{
    private const string ResourcePrefix = "ComplaintCloud.Domain.Calendars.Data.china-mainland-";

    private static readonly Schedule Shipped = Load();

    /// <summary>Dates off, in every shipped year.</summary>
    public static IReadOnlySet<LocalDate> Holidays => Shipped.Holidays;

    /// <summary>Weekend dates worked instead (调休上班), in every shipped year.</summary>
    public static IReadOnlySet<LocalDate> MakeUpWorkingDays => Shipped.MakeUpWorkingDays;

    /// <summary>Years whose data is the State Council's published notice.</summary>
    public static IReadOnlySet<int> OfficialYears => Shipped.OfficialYears;

    /// <summary>Years shipped before their notice could be verified: statutory holidays only, no make-up days.</summary>
    public static IReadOnlySet<int> ProvisionalYears => Shipped.ProvisionalYears;

    private static Schedule Load()
    {
        var assembly = typeof(ChinaHolidaySchedule).Assembly;
        var holidays = new HashSet<LocalDate>();
        var makeUpWorkingDays = new HashSet<LocalDate>();
        var official = new HashSet<int>();
        var provisional = new HashSet<int>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var file = YearFile.Parse(name, reader.ReadToEnd());
            holidays.UnionWith(file.Holidays);
            makeUpWorkingDays.UnionWith(file.MakeUpWorkingDays);
            (file.IsOfficial ? official : provisional).Add(file.Year);
        }

        return new Schedule(
            holidays.ToFrozenSet(), makeUpWorkingDays.ToFrozenSet(), official.ToFrozenSet(), provisional.ToFrozenSet());
    }

    private sealed record Schedule(
        IReadOnlySet<LocalDate> Holidays,
        IReadOnlySet<LocalDate> MakeUpWorkingDays,
        IReadOnlySet<int> OfficialYears,
        IReadOnlySet<int> ProvisionalYears);

    /// <summary>One shipped year; parsing is strict because a typo here silently moves every deadline.</summary>
    private sealed record YearFile(int Year, bool IsOfficial, List<LocalDate> Holidays, List<LocalDate> MakeUpWorkingDays)
    {
        public static YearFile Parse(string name, string text)
        {
            int? year = null;
            bool? isOfficial = null;
            List<LocalDate> holidays = [];
            List<LocalDate> makeUpWorkingDays = [];
            foreach (var line in text.Split('\n').Select(raw => raw.Split('#')[0].Trim()).Where(line => line.Length > 0))
            {
                var words = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                switch (words)
                {
                    case ["year", var value, ..]:
                        year = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case ["status", "official", ..]:
                        isOfficial = true;
                        break;
                    case ["status", "provisional", ..]:
                        isOfficial = false;
                        break;
                    case ["off", var range, ..]:
                        holidays.AddRange(Dates(range, year ?? throw Corrupt(name, line)) ?? throw Corrupt(name, line));
                        break;
                    case ["work", var range, ..]:
                        makeUpWorkingDays.AddRange(Dates(range, year ?? throw Corrupt(name, line)) ?? throw Corrupt(name, line));
                        break;
                    default:
                        throw Corrupt(name, line);
                }
            }

            return new YearFile(
                year ?? throw Corrupt(name, "no year"),
                isOfficial ?? throw Corrupt(name, "no status"),
                holidays,
                makeUpWorkingDays);
        }

        // FIRST or FIRST..LAST, both within the file's year; null when not.
        private static IEnumerable<LocalDate>? Dates(string range, int year)
        {
            var ends = range.Split("..");
            var first = LocalDatePattern.Iso.Parse(ends[0]).Value;
            var last = LocalDatePattern.Iso.Parse(ends[^1]).Value;
            if (ends.Length > 2 || first.Year != year || last.Year != year || last < first)
            {
                return null;
            }

            return Enumerable.Range(0, Period.DaysBetween(first, last) + 1).Select(first.PlusDays);
        }

        private static InvalidDataException Corrupt(string name, string line) =>
            new($"Holiday data {name} has an invalid entry: '{line}'.");
    }
}
