using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ComplaintCloud.Domain.Notifications;

/// <summary>How a customer is reached: by the contact they gave, an e-mail address or a mobile number.</summary>
public enum ContactKind
{
    Email,
    Mobile,
}

/// <summary>The customer's contact read as an address to send to; anything else (a WeChat id, a street) reaches no one.</summary>
public sealed partial record ContactRoute(ContactKind Kind, string Address)
{
    /// <summary>Reads a contact; a mobile number loses its separators.</summary>
    public static ContactRoute? Of(string? contact)
    {
        var text = contact?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            return MailAddress.TryCreate(text, out var address) && address.Address == text ? new ContactRoute(ContactKind.Email, text) : null;
        }

        var digits = Separators().Replace(text, string.Empty);
        if (!MobileNumber().IsMatch(digits))
        {
            return null;
        }

        return new ContactRoute(ContactKind.Mobile, digits);
    }

    /// <summary>A mobile number in international form: one given without a country code gets the default one.</summary>
    public static string InternationalNumber(string mobileNumber, string defaultCountryCode)
    {
        ArgumentNullException.ThrowIfNull(mobileNumber);
        return mobileNumber.StartsWith('+') ? mobileNumber : $"+{defaultCountryCode}{mobileNumber.TrimStart('0')}";
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex MobileNumber();
}
