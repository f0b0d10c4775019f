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
public sealed class ComplaintWork(ComplaintCloudDbContext db, TenantContext tenantContext, ComplaintPolicyCalls policyCalls, BillingGate billing, LifecycleClocks clocks, LifecycleEscalation escalation, LifecyclePenalties penalties, LifecycleNotifications notifications, IClock clock)
{
    private const int LostRaceAttempts = 3;

    public ComplaintCloudDbContext Db => db;

    public Instant Now => clock.GetCurrentInstant();

    /// <summary>The signed-in user about to change a complaint; viewers only read.</summary>
    public Actor Actor()
    {
        var actor = SignedIn();
        return MayWork(actor.Roles) ? actor : throw ViewerRefusal();
    }

    /// <summary>The signed-in user, whether or not they may change complaints.</summary>
    public Actor SignedIn()
    {
        tenantContext.RequireSignedInTenant();
        return new Actor(tenantContext.UserId!.Value, tenantContext.Roles);
    }

    /// <summary>Whether a user with these roles may change complaints: anyone but a viewer.</summary>
    public static bool MayWork(IReadOnlyList<string> roles) => !roles.All(role => role == PlatformRoles.Viewer);

    public static DomainException ViewerRefusal() => new(ErrorCode.Forbidden, "Viewers can read complaints but not change them.");

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

    /// <summary>How the complaint's policy calls back a complaint of its kind and channel: by which role, and whether online.</summary>
    public Task<CallbackRule> CallbackAsync(Complaint complaint, CancellationToken cancellationToken) =>
        AskPolicyAsync(complaint, (policy, settings) => policy.Callback(complaint.Kind, complaint.Channel, settings), cancellationToken);

    /// <summary>The roles the complaint's policy names for its grade (<see cref="GradeRoles"/>); none while ungraded.</summary>
    public async Task<IReadOnlyList<string>> GradeRolesAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Grade is { } grade
            ? await AskPolicyAsync(complaint, (policy, settings) => GradeRoles.Of(policy, settings, grade.Code, complaint.PolicyFacts()), cancellationToken)
            : [];
    }

    /// <summary>A grade of the complaint's policy by code, or BAD_USER_INPUT.</summary>
    public Task<GradeDescriptor?> GradeAsync(Complaint complaint, Func<IReadOnlyList<GradeDescriptor>, GradeDescriptor?> pick, CancellationToken cancellationToken) =>
        AskPolicyAsync(complaint, (policy, _) => pick([.. policy.Descriptor.Grades.OrderBy(g => g.Rank)]), cancellationToken);

    /// <summary>Someone work can be given to: an active user of the tenant.</summary>
    public async Task RequireUserAsync(Guid userId, string field, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.DeactivatedAt == null, cancellationToken))
        {
            throw new DomainException(ErrorCode.BadUserInput, "There is no active user with this id in this tenant.", field);
        }
    }

    /// <summary>Each user the input names (by its field) is a user of this tenant, or BAD_USER_INPUT.</summary>
    public async Task RequireUsersAsync(IEnumerable<(Guid? UserId, string Field)> named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(named);
        foreach (var (userId, field) in named)
        {
            if (userId is { } id)
            {
                await RequireUserAsync(id, field, cancellationToken);
            }
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
        await escalation.FollowAsync(complaint, steps, cancellationToken);
        await penalties.BookAsync(complaint, complaint.TakePenaltiesDue(), cancellationToken);
        await notifications.FollowAsync(complaint, steps, () => ApprovalsAsync(complaint, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return complaint;
        }
        // A lost race shows as the row version check, a deadlock with the SLA sweep or, when both sides started the
        // same clock, as its unique key. What this unit of work tracked is stale: a retry starts from a fresh load.
        catch (DbUpdateException e) when (e.IsLostRace() || e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            throw DomainException.LostRace("Someone else changed the complaint at the same time; reload it and try again.");
        }
    }

    /// <summary>
    /// Runs a lifecycle request again, from a fresh load, when its save lost a race. The request names no version of
    /// the complaint, so applying it to the complaint as now stored is what the caller asked for, and a background write
    /// (the SLA sweep warning a clock) does not turn a user's click into an error. The third loss is the caller's CONFLICT.
    /// </summary>
    public static async Task<T> RetryLostRacesAsync<T>(Func<Task<T>> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (DomainException e) when (e.Retryable && attempt < LostRaceAttempts)
            {
            }
        }
    }

    /// <summary>The common shape: load, apply one domain operation, save.</summary>
    public Task<Complaint> ChangeAsync(Guid complaintId, Action<Complaint, Actor, Instant> change, CancellationToken cancellationToken) =>
        ChangeAsync(complaintId, null, change, cancellationToken);

    /// <summary>As <see cref="ChangeAsync(Guid, Action{Complaint, Actor, Instant}, CancellationToken)"/>, for a step that is the owner's work (<see cref="Complaint.MayDoOwnersWork"/>).</summary>
    public Task<Complaint> ChangeOwnersWorkAsync(Guid complaintId, ComplaintAction action, Action<Complaint, Actor, Instant> change, CancellationToken cancellationToken) =>
        ChangeAsync(
            complaintId,
            async (complaint, actor) => complaint.RequireOwnersWork(actor, await GradeRolesAsync(complaint, cancellationToken), action),
            change,
            cancellationToken);

    private async Task<Complaint> ChangeAsync(
        Guid complaintId, Func<Complaint, Actor, Task>? guard, Action<Complaint, Actor, Instant> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var actor = Actor();
        var complaint = await LoadAsync(complaintId, cancellationToken);
        if (guard is not null)
        {
            await guard(complaint, actor);
        }

        change(complaint, actor, Now);
        return await SaveAsync(complaint, cancellationToken);
    }
}
