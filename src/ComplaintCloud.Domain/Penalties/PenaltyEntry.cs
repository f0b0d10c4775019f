using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Penalties;

/// <summary>
/// A line of the penalty-points ledger (seed 002: 1 point = 10 yuan by default). The occasion key names what booked
/// it, e.g. <c>clock:{id}:DeadlineMissed</c>; with the target it is unique, so an occasion books each target once.
/// </summary>
public sealed class PenaltyEntry : ITenantOwned
{
    private PenaltyEntry()
    {
        Rule = string.Empty;
        OccasionKey = string.Empty;
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public PenaltyTarget Target { get; private set; }

    /// <summary>Points deducted, positive.</summary>
    public int Points { get; private set; }

    /// <summary>The policy's rule, in words, as the ledger shows it.</summary>
    public string Rule { get; private set; }
    public PenaltyOccasion Occasion { get; private set; }
    public string OccasionKey { get; private set; }

    /// <summary>The points are a ceiling the department decides within.</summary>
    public bool DecidedByDepartment { get; private set; }

    /// <summary>A flag for HR; never acted on automatically.</summary>
    public bool UpToDismissal { get; private set; }
    public Instant At { get; private set; }

    /// <summary>The department the complaint was with when booked; null when unknown (see <see cref="PenaltyAttribution"/>).</summary>
    public string? Department { get; private set; }

    /// <summary>The person who bears a responsible person's penalty; null for every other target.</summary>
    public Guid? PersonId { get; private set; }
    public string? PersonEmail { get; private set; }

    public static PenaltyEntry Book(
        Guid tenantId, Guid complaintId, PenaltyRule rule, PenaltyOccasion occasion, string occasionKey, PenaltyAttribution attribution, Instant at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(attribution);
        if (rule.Points <= 0)
        {
            throw new DomainException(ErrorCode.PolicyFailed, $"A penalty rule must deduct a positive number of points, not {rule.Points}.");
        }

        var bearer = attribution.For(rule.Target);
        return new PenaltyEntry
        {
            TenantId = tenantId,
            ComplaintId = complaintId,
            Target = rule.Target,
            Points = rule.Points,
            Rule = rule.Rule,
            Occasion = occasion,
            OccasionKey = occasionKey,
            DecidedByDepartment = rule.DecidedByDepartment,
            UpToDismissal = rule.UpToDismissal,
            At = at,
            Department = bearer.Department,
            PersonId = bearer.PersonId,
            PersonEmail = bearer.PersonEmail,
        };
    }
}
