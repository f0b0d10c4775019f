using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Penalties;

/// <summary>
/// Books the penalties a lifecycle operation made due (a complaint confirmed as the company's, an unhappy callback) in
/// the operation's own transaction. The policy is asked under its guard: a policy that fails refuses the operation
/// (POLICY_FAILED), as every other policy call of the lifecycle does, so no decision stands without its penalties.
/// </summary>
public sealed class LifecyclePenalties(ComplaintCloudDbContext db, ComplaintPolicyCalls policyCalls, PenaltyAttributions attributions)
{
    /// <summary>Adds the ledger lines and their PENALTY_BOOKED events to the unit of work; the caller saves.</summary>
    public async Task BookAsync(Complaint complaint, IReadOnlyList<PenaltyDue> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0)
        {
            return;
        }

        // An occurrence booked before (a complaint confirmed again) books nothing; the unique key is the last guard
        // against a race, which shows as CONFLICT.
        var keys = due.Select(d => d.OccasionKey).ToList();
        var booked = await db.PenaltyEntries
            .Where(e => e.ComplaintId == complaint.Id && keys.Contains(e.OccasionKey))
            .Select(e => e.OccasionKey)
            .ToListAsync(cancellationToken);
        var toBook = due.Where(d => !booked.Contains(d.OccasionKey)).ToList();
        if (toBook.Count == 0)
        {
            return;
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == complaint.TenantId, cancellationToken);
        // Read from the database, so as the complaint stood before this change: an unhappy callback's reopen lets the
        // owner go, but the handling judged was theirs.
        var attribution = (await attributions.OfAsync([complaint.Id], cancellationToken))[complaint.Id];
        foreach (var occasion in toBook)
        {
            var rules = await policyCalls.RunAsync(tenant, complaint, (policy, settings, _) => policy.Penalties(occasion.GradeCode, occasion.Occasion, settings));
            foreach (var (entry, bookedEvent) in PenaltyBooking.Book(complaint, rules, occasion.Occasion, occasion.OccasionKey, attribution, occasion.ActorId, occasion.At))
            {
                db.PenaltyEntries.Add(entry);
                db.ComplaintEvents.Add(bookedEvent);
            }
        }
    }
}
