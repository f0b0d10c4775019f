using ComplaintCloud.Application.Billing;
using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Application.Penalties;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

/// <summary>
/// What every lifecycle use case does around its one domain call: load the complaint of the signed-in user's
/// tenant, ask its own policy version, and save the change with its audit events, the penalties it made due and the
/// messages it calls for, a lost race being CONFLICT.
/// </summary>
public sealed class ComplaintWork(ComplaintCloudDbContext db, TenantContext tenantContext, ComplaintPolicyCalls policyCalls, BillingGate billing, LifecycleClocks clocks, LifecyclePenalties penalties, LifecycleNotifications notifications, IClock clock)
{
    public ComplaintCloudDbContext Db => db;

    public Instant Now => clock.GetCurrentInstant();

    /// <summary>The signed-in user about to change a complaint; viewers only read.</summary>
    public Actor Actor()
    {
        tenantContext.RequireSignedInTenant();
        if (tenantContext.Roles.All(role => role == PlatformRoles.Viewer))
        {
            throw new DomainException(ErrorCode.Forbidden, "Viewers can read complaints but not change them.");
        }

        return new Actor(tenantContext.UserId!.Value, tenantContext.Roles);
    }

    public async Task<Complaint> LoadAsync(Guid complaintId, CancellationToken cancellationToken)
    {
        tenantContext.RequireSignedInTenant();
        return await db.Complaints
            .Include(c => c.Clocks)
            .IncludeLifecycle()
            .SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken)
            ?? throw new DomainException(ErrorCode.NotFound, "There is no such complaint.");
    }

    /// <summary>Runs one call into the policy version that graded the complaint, with the tenant's settings for it.</summary>
    public async Task<T> AskPolicyAsync<T>(Complaint complaint, Func<IComplaintPolicy, PolicySettings, T> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == complaint.TenantId, cancellationToken);
        return await policyCalls.RunAsync(tenant, complaint, (policy, settings, _) => call(policy, settings));
    }

    public Task<ApprovalRequirement> ApprovalsAsync(Complaint complaint, CancellationToken cancellationToken) =>
        AskPolicyAsync(
            complaint,
            (policy, settings) => ApprovalRequirement.Decide(policy, settings, complaint.Grade!.Code, complaint.PolicyFacts(), complaint.Compensation ?? 0),
            cancellationToken);

    /// <summary>A grade of the complaint's policy by code, or BAD_USER_INPUT.</summary>
    public Task<GradeDescriptor?> GradeAsync(Complaint complaint, Func<IReadOnlyList<GradeDescriptor>, GradeDescriptor?> pick, CancellationToken cancellationToken) =>
        AskPolicyAsync(complaint, (policy, _) => pick([.. policy.Descriptor.Grades.OrderBy(g => g.Rank)]), cancellationToken);

    public async Task RequireUserAsync(Guid userId, string field, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new DomainException(ErrorCode.BadUserInput, "There is no such user in this tenant.", field);
        }
    }

    public async Task<Complaint> SaveAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        // A read-only desk (lapsed subscription) keeps its complaints readable but cannot work them.
        await billing.EnsureWritableAsync(complaint.TenantId, cancellationToken);
        var steps = complaint.TakeNewEvents();
        db.ComplaintEvents.AddRange(steps);
        await clocks.FollowAsync(complaint, steps, cancellationToken);
        await penalties.BookAsync(complaint, complaint.TakePenaltiesDue(), cancellationToken);
        await notifications.FollowAsync(complaint, steps, () => ApprovalsAsync(complaint, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return complaint;
        }
        // A lost race shows as the row version check or, when both sides started the same clock, as its unique key.
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            throw new DomainException(ErrorCode.Conflict, "Someone else changed the complaint at the same time; reload it and try again.");
        }
    }

    /// <summary>The common shape: load, apply one domain operation, save.</summary>
    public async Task<Complaint> ChangeAsync(Guid complaintId, Action<Complaint, Actor, Instant> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var actor = Actor();
        var complaint = await LoadAsync(complaintId, cancellationToken);
        change(complaint, actor, Now);
        return await SaveAsync(complaint, cancellationToken);
    }
}
