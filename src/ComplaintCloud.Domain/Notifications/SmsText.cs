namespace ComplaintCloud.Domain.Notifications;

/// <summary>How an SMS is encoded and how many segments it costs.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// Counts SMS segments as networks do (3GPP TS 23.038): text entirely in the GSM 7-bit alphabet takes 160 septets in
/// one message, 153 per segment when concatenated, characters of the extension table taking two; anything else
/// (Chinese) is UCS-2: 70 characters in one, 67 per segment, a character outside the BMP taking two.
/// </summary>
public sealed record SmsText(string Text, SmsEncoding Encoding, int Units, int Segments)
{
    /// <summary>Longer texts are cut: providers refuse or bill absurdly beyond this many segments.</summary>
    public const int MaxSegments = 10;

    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public static SmsText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var septets = Septets(text);
        var (encoding, units, single, part) = septets is { } gsm
            ? (SmsEncoding.Gsm7, gsm, 160, 153)
            : (SmsEncoding.Ucs2, text.Length, 70, 67);
        if (units > part * MaxSegments)
        {
            var cut = Cut(text, encoding, part * MaxSegments);
            return Of(cut);
        }

        return new SmsText(text, encoding, units, units <= single ? 1 : (units + part - 1) / part);
    }

    private static int? Septets(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (Gsm7Basic.Contains(c, StringComparison.Ordinal))
            {
                count++;
            }
            else if (Gsm7Extension.Contains(c, StringComparison.Ordinal))
            {
                count += 2;
            }
            else
            {
                return null;
            }
        }

        return count;
    }

    // Cuts to the limit less one unit for the ellipsis, never between the halves of a surrogate pair.
    private static string Cut(string text, SmsEncoding encoding, int limit)
    {
        var (ellipsis, cost) = encoding == SmsEncoding.Gsm7 ? ("...", 3) : ("…", 1);
        var length = 0;
        var units = 0;
        while (length < text.Length)
        {
            var unit = encoding == SmsEncoding.Gsm7 && Gsm7Extension.Contains(text[length], StringComparison.Ordinal) ? 2 : 1;
            if (units + unit > limit - cost)
            {
                break;
            }

            units += unit;
            length++;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length] + ellipsis;
    }
}
