using ComplaintCloud.Application.Billing;
using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.PreventiveMeasures;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.PreventiveMeasures;

/// <summary>
/// What every preventive-measure use case does around its one domain call: who acts (as on a complaint: viewers only
/// read), who the tenant's leadership is, and saving the change with its audit events, a lost race being CONFLICT.
/// </summary>
public sealed class PreventiveMeasureWork(ComplaintWork complaints, ComplaintPolicyCalls policyCalls, BillingGate billing)
{
    // A plain complaint: the leadership of a policy is whoever approves its top grade, not what one complaint's facts add.
    private static readonly ComplaintFacts PlainComplaint = new(
        FeedbackKind.Complaint, Channel.Api, "", null, 1, false, false, false, CustomerTier.Normal, CustomerEmotion.Calm, new Dictionary<string, string>());

    public ComplaintCloudDbContext Db => complaints.Db;

    public Instant Now => complaints.Now;

    public Actor Actor() => complaints.Actor();

    public Task RequireUserAsync(Guid userId, string field, CancellationToken cancellationToken) => complaints.RequireUserAsync(userId, field, cancellationToken);

    /// <summary>
    /// The policy's leadership role(s): those the tenant's policy requires to approve a plan at its highest-ranked grade.
    /// The plugin contract names no leadership role, and the top grade's approvers are who the policy trusts with the most.
    /// </summary>
    public async Task<IReadOnlyList<string>> LeadershipAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await Db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        return await policyCalls.RunAsync(tenant, (policy, settings) =>
        {
            var top = policy.Descriptor.Grades.MaxBy(g => g.Rank)
                ?? throw new DomainException(ErrorCode.PolicyFailed, "The policy has no grades, so no leadership to sign measures off.");
            var roles = policy.Approval(top.Code, PlainComplaint, settings).RequiredRoles;
            return roles.Count > 0 ? roles : throw new DomainException(ErrorCode.PolicyFailed, $"The policy names nobody to approve a {top.Code} plan, so no leadership.");
        });
    }

    public async Task<PreventiveMeasure> SaveAsync(PreventiveMeasure measure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        // A read-only desk (lapsed subscription) keeps its records readable but cannot work them.
        await billing.EnsureWritableAsync(measure.TenantId, cancellationToken);
        Db.PreventiveMeasureEvents.AddRange(measure.TakeNewEvents());
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            return measure;
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            throw DomainException.LostRace("Someone else changed the measure at the same time; reload it and try again.");
        }
    }

    /// <summary>Load a measure of the tenant, apply one domain operation with the tenant's leadership, save.</summary>
    public async Task<PreventiveMeasure> ChangeAsync(
        Guid measureId, Action<PreventiveMeasure, Actor, IReadOnlyList<string>, Instant> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var actor = Actor();
        var measure = await Db.PreventiveMeasures.SingleOrDefaultAsync(m => m.Id == measureId, cancellationToken)
            ?? throw new DomainException(ErrorCode.NotFound, "There is no such preventive measure.");
        change(measure, actor, await LeadershipAsync(measure.TenantId, cancellationToken), Now);
        return await SaveAsync(measure, cancellationToken);
    }
}
