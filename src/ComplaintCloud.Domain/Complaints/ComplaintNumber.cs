using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>Feedback numbers as seed 003 asks: date + channel + per-tenant sequence, e.g. 20261126-TEL-0042.</summary>
public static class ComplaintNumber
{
    public static string Format(LocalDate day, Channel channel, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}{day.Month:D2}{day.Day:D2}-{Code(channel)}-{sequence:D4}");

    private static string Code(Channel channel) => channel switch
    {
        Channel.Phone => "TEL",
        Channel.OnlineChat => "CHAT",
        Channel.App => "APP",
        Channel.Email => "MAIL",
        Channel.SocialMedia => "SOC",
        Channel.InStore => "STORE",
        Channel.Survey => "SVY",
        Channel.Api => "API",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}
