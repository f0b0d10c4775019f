using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Application.Penalties;

/// <summary>A ledger line and the PENALTY_BOOKED event that shows it in its complaint's history, written together.</summary>
public sealed record PenaltyBooking(PenaltyEntry Entry, ComplaintEvent Event)
{
    // A booking without a clock (the lifecycle's) leaves clockId out rather than writing null.
    private static readonly JsonSerializerOptions EventData = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Books each of the policy's <paramref name="rules"/> for one occurrence of an occasion.</summary>
    /// <param name="complaint">The complaint penalised.</param>
    /// <param name="rules">The policy's answer for the occasion.</param>
    /// <param name="occasion">What happened.</param>
    /// <param name="occasionKey">The occurrence; unique with the target.</param>
    /// <param name="attribution">Whom the penalties fall on, as the complaint stands.</param>
    /// <param name="actorId">Who acted; null for the system (an SLA job).</param>
    /// <param name="at">When.</param>
    /// <param name="clockId">The clock whose deadline was missed, when one was.</param>
    public static IReadOnlyList<PenaltyBooking> Book(
        Complaint complaint, IEnumerable<PenaltyRule> rules, PenaltyOccasion occasion, string occasionKey, PenaltyAttribution attribution,
        Guid? actorId, Instant at, Guid? clockId = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(rules);
        return
        [
            .. rules.Select(rule => PenaltyEntry.Book(complaint.TenantId, complaint.Id, rule, occasion, occasionKey, attribution, at))
                .Select(entry => new PenaltyBooking(entry, ComplaintEvent.Record(complaint, "PENALTY_BOOKED", actorId, at, JsonSerializer.Serialize(
                    new
                    {
                        clockId,
                        occasion = occasion.ToString(),
                        target = entry.Target.ToString(),
                        points = entry.Points,
                        rule = entry.Rule,
                        upToDismissal = entry.UpToDismissal,
                    },
                    EventData)))),
        ];
    }
}
