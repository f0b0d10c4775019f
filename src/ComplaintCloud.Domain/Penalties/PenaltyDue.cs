using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Penalties;

/// <summary>
/// Something a lifecycle operation did that the complaint's policy may deduct points for, asked at the grade the
/// complaint had when it happened. The occasion key names the occurrence: one already booked under its key books
/// nothing more.
/// </summary>
/// <param name="Occasion">What happened, as the policy's <c>Penalties</c> is asked about it.</param>
/// <param name="OccasionKey">The occurrence, unique with the target in the ledger.</param>
/// <param name="GradeCode">The complaint's grade when it happened.</param>
/// <param name="ActorId">Who did it; null for the customer (the online survey).</param>
/// <param name="At">When.</param>
public sealed record PenaltyDue(PenaltyOccasion Occasion, string OccasionKey, string GradeCode, Guid? ActorId, Instant At)
{
    /// <summary>
    /// The company is responsible: the per-complaint deductions fall due once per complaint, whatever is decided
    /// later — deciding again, or again after a reopen, confirms the same complaint.
    /// </summary>
    public static PenaltyDue ComplaintConfirmed(Guid complaintId, string gradeCode, Guid actorId, Instant at) =>
        new(PenaltyOccasion.ComplaintConfirmed, $"complaint:{complaintId}:{PenaltyOccasion.ComplaintConfirmed}", gradeCode, actorId, at);

    /// <summary>
    /// The customer was unhappy on callback: due once per such callback. Each one reopens the complaint, so the reopen
    /// it caused (the complaint's reopen count after it) names it.
    /// </summary>
    public static PenaltyDue CallbackUnsatisfied(Guid complaintId, int reopenCount, string gradeCode, Guid? actorId, Instant at) =>
        new(PenaltyOccasion.CallbackUnsatisfied, $"complaint:{complaintId}:{PenaltyOccasion.CallbackUnsatisfied}:reopen:{reopenCount}", gradeCode, actorId, at);
}
