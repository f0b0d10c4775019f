using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Billing;
using ComplaintCloud.Domain.Categories;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Domain.PreventiveMeasures;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>
/// The one DbContext. Every tenant-owned entity is filtered to the current tenant, and saving a row of another
/// tenant throws rather than guessing. The service leases instances from a pool (building a context's internal
/// services was a sixth of a list request's CPU), so the tenant is not a constructor argument: each lease is told whom
/// it works for (<see cref="WorkingFor"/>), and disposal, which hands the instance back, forgets it.
/// </summary>
public sealed class ComplaintCloudDbContext(DbContextOptions<ComplaintCloudDbContext> options) : DbContext(options)
{
    private TenantContext _tenantContext = new();

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<SlaClock> SlaClocks => Set<SlaClock>();
    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<BillingAccount> BillingAccounts => Set<BillingAccount>();
    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();
    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<ComplaintNote> ComplaintNotes => Set<ComplaintNote>();
    public DbSet<ClockAlert> ClockAlerts => Set<ClockAlert>();
    public DbSet<PenaltyEntry> PenaltyEntries => Set<PenaltyEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NotificationTemplate> NotificationTemplates => Set<NotificationTemplate>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ContactView> ContactViews => Set<ContactView>();
    public DbSet<PreventiveMeasure> PreventiveMeasures => Set<PreventiveMeasure>();
    public DbSet<PreventiveMeasureEvent> PreventiveMeasureEvents => Set<PreventiveMeasureEvent>();
    public DbSet<Category> Categories => Set<Category>();

    /// <summary>Whom this context works for; also told to PostgreSQL by <see cref="TenantSessionInterceptor"/>.</summary>
    internal TenantContext Tenancy => _tenantContext;

    /// <summary>A context of its own on <paramref name="connectionString"/>, configured as the service's but outside its pool: for
    /// migrations, tools and tests.</summary>
    public static ComplaintCloudDbContext Create(string connectionString) =>
        new((DbContextOptions<ComplaintCloudDbContext>)new DbContextOptionsBuilder<ComplaintCloudDbContext>().UseComplaintCloudDatabase(connectionString).Options);

    /// <summary>Works for <paramref name="tenant"/> (a scope's own) until disposed; a context never told works for no tenant and reads no tenant's rows.</summary>
    public ComplaintCloudDbContext WorkingFor(TenantContext tenant)
    {
        _tenantContext = tenant;
        return this;
    }

    // A pooled instance goes back to the pool on disposal: the next lease must not find this one's tenant.
    public override void Dispose()
    {
        _tenantContext = new TenantContext();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _tenantContext = new TenantContext();
        return base.DisposeAsync();
    }

    // Read by the query filters on every query: an unset tenant matches no row.
    private Guid CurrentTenantId => _tenantContext.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplaintCloudDbContext).Assembly);
        FilterByTenant<User>(modelBuilder);
        FilterByTenant<Complaint>(modelBuilder);
        FilterByTenant<SlaClock>(modelBuilder);
        FilterByTenant<ComplaintEvent>(modelBuilder);
        FilterByTenant<IdempotencyRecord>(modelBuilder);
        FilterByTenant<BillingAccount>(modelBuilder);
        FilterByTenant<EvidenceItem>(modelBuilder);
        FilterByTenant<EvidenceFile>(modelBuilder);
        FilterByTenant<PlanTask>(modelBuilder);
        FilterByTenant<ComplaintNote>(modelBuilder);
        FilterByTenant<ClockAlert>(modelBuilder);
        FilterByTenant<PenaltyEntry>(modelBuilder);
        FilterByTenant<OutboxMessage>(modelBuilder);
        FilterByTenant<NotificationTemplate>(modelBuilder);
        FilterByTenant<ApiKey>(modelBuilder);
        FilterByTenant<Invitation>(modelBuilder);
        FilterByTenant<ContactView>(modelBuilder);
        FilterByTenant<PreventiveMeasure>(modelBuilder);
        FilterByTenant<PreventiveMeasureEvent>(modelBuilder);
        FilterByTenant<Category>(modelBuilder);
    }

    // Saving may have to read a complaint's clocks first (see TrackNearestDeadlinesAsync), which is done asynchronously only.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save with SaveChangesAsync.");

    // Changes are detected once: every look at the tracked entries (ours, ClockArming's, EF Core's own before the
    // save) would otherwise compare every tracked value again, six passes over an intake's entities.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var detectsChanges = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await TrackNearestDeadlinesAsync(cancellationToken);
            GuardTenantOwnership();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectsChanges;
        }
    }

    private void FilterByTenant<T>(ModelBuilder modelBuilder) where T : class, ITenantOwned =>
        modelBuilder.Entity<T>().HasQueryFilter(e => e.TenantId == CurrentTenantId);

    // Every complaint whose clocks are saved derives its stored nearest deadline from all of them, whichever step
    // changed them; a complaint not loaded with its clocks is loaded first.
    private async Task TrackNearestDeadlinesAsync(CancellationToken cancellationToken)
    {
        var changed = ChangeTracker.Entries<SlaClock>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity.ComplaintId)
            .ToHashSet();
        if (changed.Count == 0)
        {
            return;
        }

        var complete = ChangeTracker.Entries<Complaint>()
            .Where(e => changed.Contains(e.Entity.Id) && (e.State == EntityState.Added || e.Collection(c => c.Clocks).IsLoaded))
            .Select(e => e.Entity.Id)
            .ToHashSet();
        if (changed.Except(complete).ToList() is { Count: > 0 } incomplete)
        {
            await Complaints.Include(c => c.Clocks).Where(c => incomplete.Contains(c.Id)).LoadAsync(cancellationToken);
        }

        foreach (var entry in ChangeTracker.Entries<Complaint>().Where(e => changed.Contains(e.Entity.Id)))
        {
            entry.Entity.TrackNearestDeadline();
            entry.DetectChanges();
        }
    }

    private void GuardTenantOwnership()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.TenantId != _tenantContext.TenantId)
            {
                throw new InvalidOperationException(
                    $"A {entry.Entity.GetType().Name} of another tenant was about to be saved; the current tenant is {_tenantContext.TenantId?.ToString() ?? "not set"}.");
            }
        }
    }
}
