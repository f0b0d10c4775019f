using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>Complaints and plan tasks written straight into a tenant's tables, for report figures that need many or odd rows.</summary>
public sealed class ReportRows(ApiFixture api, SignedInTenant tenant)
{
    private readonly Guid _tenantId = Guid.Parse(tenant.TenantId);

    /// <summary>An ungraded complaint under investigation, received at the given time, with a root cause and plan revision.</summary>
    public async Task<Guid> ComplaintAsync(Instant receivedAt, string[]? whys = null, int planRevision = 0)
    {
        var id = Guid.CreateVersion7();
        await ExecuteAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaints (id, tenant_id, number, status, kind, channel, category, description, customer_name, customer_tier,
              safety_risk, legal_risk, publicity_risk, affected_customers, customer_emotion, attributes, policy_id, policy_version,
              received_at, handler_ids, root_cause, plan_revision)
            VALUES ({id}, {_tenantId}, {"R-" + id}, 'Investigating', 'Complaint', 'Phone', '产品/质量问题', '客户反映的问题', '王先生', 'Normal',
              false, false, false, 1, 'Calm', jsonb_build_object(), 'general-enterprise', '1.0.0', {receivedAt}, {Array.Empty<Guid>()},
              {whys ?? []}, {planRevision})
            """));
        return id;
    }

    /// <summary>A task of a plan revision of the complaint, for a department.</summary>
    public Task TaskAsync(Guid complaintId, int planRevision, string department) =>
        ExecuteAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaint_tasks (id, tenant_id, complaint_id, plan_revision, title, department, due_at, progress, done)
            VALUES ({Guid.NewGuid()}, {_tenantId}, {complaintId}, {planRevision}, '查明原因并整改', {department}, {SystemClock.Instance.GetCurrentInstant()}, 0, false)
            """));

    private async Task ExecuteAsync(Func<ComplaintCloudDbContext, Task<int>> write)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(_tenantId);
        await write(scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>());
    }
}
