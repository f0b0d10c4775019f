using System.Text.RegularExpressions;
using NodaTime.TimeZones;
using PhoneNumbers;

namespace ComplaintCloud.Application.Complaints.Intake;

/// <summary>
/// A contact as the duplicate check compares it (issue 16.9), while the complaint keeps what the customer gave:
/// e-mail addresses and other text trimmed and case-folded; phone numbers in E.164, those without a country code read
/// as numbers of the tenant's country, so "+86 13800138000" and "138 0013 8000" are one customer.
/// </summary>
internal static partial class ContactKey
{
    public static string? Of(string? contact, string? region)
    {
        if (string.IsNullOrWhiteSpace(contact))
        {
            return null;
        }

        var trimmed = contact.Trim();
        if (PhoneLike().IsMatch(trimmed))
        {
            var phones = PhoneNumberUtil.GetInstance();
            try
            {
                var number = phones.Parse(trimmed, region);
                if (phones.IsPossibleNumber(number))
                {
                    return phones.Format(number, PhoneNumberFormat.E164);
                }
            }
            catch (NumberParseException)
            {
                // Not a number it can read (no country code and no region): compared as text below.
            }
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// The tenant's country, from the zone of its business calendar ("Asia/Shanghai" → CN): the tenant names no
    /// country of its own, and its customers' local numbers are those of where it works. Null for a zone of no country.
    /// </summary>
    public static string? RegionOf(string timeZone) =>
        TzdbDateTimeZoneSource.Default.ZoneLocations?.FirstOrDefault(location => location.ZoneId == timeZone)?.CountryCode;

    [GeneratedRegex(@"^\+?[0-9(][0-9 ().\-]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();
}
