using ComplaintCloud.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>The last complaint sequence number a tenant gave out on a day (in its own time zone).</summary>
public sealed class ComplaintNumberCounter : ITenantOwned
{
    public required Guid TenantId { get; init; }
    public required LocalDate Day { get; init; }
    public required int LastValue { get; init; }

    /// <summary>
    /// Takes the next number atomically: the upsert locks the tenant's counter row until the transaction ends, so
    /// concurrent intakes get distinct numbers, and a rolled-back intake gives its number back.
    /// </summary>
    public static async Task<int> TakeNextAsync(ComplaintCloudDbContext db, Guid tenantId, LocalDate day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO complaint_number_counters (tenant_id, day, last_value) VALUES ({tenantId}, {day}, 1)
            ON CONFLICT (tenant_id, day) DO UPDATE SET last_value = complaint_number_counters.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return values.Single();
    }
}

internal sealed class ComplaintNumberCounterConfiguration : IEntityTypeConfiguration<ComplaintNumberCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintNumberCounter> builder) =>
        builder.ToTable("complaint_number_counters").HasKey(c => new { c.TenantId, c.Day });
}
