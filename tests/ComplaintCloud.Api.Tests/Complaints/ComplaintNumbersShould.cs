using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>
/// A complaint's number (SPEC §1: date + channel + per-tenant sequence) is taken from the tenant's counter for the day
/// in a transaction of its own (issue 17.2): a tenant's intakes ran one after another while each held the counter
/// until its complaint was saved.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ComplaintNumbersShould(ApiFixture api)
{
    private static readonly LocalDate Day = new(2026, 12, 7);

    [Fact]
    public async Task LeaveTheCounterFreeOnceTheNumberIsTaken()
    {
        var tenantId = Guid.Parse((await api.SignUpAsync()).TenantId);
        await using var first = await ContextOfAsync(tenantId);
        await using var second = await ContextOfAsync(tenantId);
        // The first intake has its number and is still open; the second would wait for its counter row, and fail.
        await second.Database.ExecuteSqlRawAsync("SET lock_timeout = '1s'");

        var taken = await ComplaintNumberCounter.TakeNextAsync(first, tenantId, Day, CancellationToken.None);
        var next = await ComplaintNumberCounter.TakeNextAsync(second, tenantId, Day, CancellationToken.None);

        Assert.Equal((1, 2), (taken, next));
    }

    [Fact]
    public async Task RefuseToTakeANumberInsideTheComplaintsTransaction()
    {
        // The number's transaction commits without waiting for the disk; inside another, that one would not wait either.
        var tenantId = Guid.Parse((await api.SignUpAsync()).TenantId);
        await using var db = await ContextOfAsync(tenantId);
        await using var transaction = await db.Database.BeginTransactionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => ComplaintNumberCounter.TakeNextAsync(db, tenantId, Day, CancellationToken.None));
    }

    // A request's context: its connection opened and kept, its tenant set.
    private async Task<ComplaintCloudDbContext> ContextOfAsync(Guid tenantId)
    {
        var tenant = new TenantContext();
        tenant.UseTenant(tenantId);
        var db = ServiceContext.For(api.ConnectionString, tenant);
        await db.Database.OpenConnectionAsync();
        return db;
    }
}
