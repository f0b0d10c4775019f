using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>How soon a channel must first answer a customer of a tier (seed 001), in seconds.</summary>
public sealed record ChannelStandard(Channel Channel, CustomerTier Tier, int Seconds)
{
    /// <summary>The longest first response a channel reports or a standard allows: a week.</summary>
    public const int MaxSeconds = 7 * 24 * 3600;

    /// <summary>Seed 001: phone answered in 15 s (VIP 10 s), online chat first reply in 30 s, a ticket acknowledged in 1 h.</summary>
    public static IReadOnlyList<ChannelStandard> Seed001 { get; } =
    [
        new(Channel.Phone, CustomerTier.Normal, 15),
        new(Channel.Phone, CustomerTier.Vip, 10),
        new(Channel.OnlineChat, CustomerTier.Normal, 30),
        new(Channel.OnlineChat, CustomerTier.Vip, 30),
        new(Channel.Api, CustomerTier.Normal, 3600),
        new(Channel.Api, CustomerTier.Vip, 3600),
    ];

    /// <summary>Refuses a set with a standard out of range or two for the same channel and tier; the field names the entry.</summary>
    public static IReadOnlyList<ChannelStandard> Validate(IReadOnlyList<ChannelStandard> standards, string field)
    {
        ArgumentNullException.ThrowIfNull(standards);
        for (var i = 0; i < standards.Count; i++)
        {
            var standard = standards[i];
            if (standard.Seconds is < 1 or > MaxSeconds)
            {
                throw new DomainException(ErrorCode.BadUserInput, $"A standard is 1 to {MaxSeconds} seconds.", $"{field}[{i}].seconds");
            }

            if (standards.Take(i).Any(s => s.Channel == standard.Channel && s.Tier == standard.Tier))
            {
                throw new DomainException(ErrorCode.BadUserInput, $"{standard.Channel} {standard.Tier} has a standard already.", $"{field}[{i}]");
            }
        }

        return [.. standards];
    }
}
