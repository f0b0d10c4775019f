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
    /// Takes the next number in a transaction of its own, before the complaint's: the upsert locks the tenant's counter
    /// row only while it runs, so concurrent intakes get distinct numbers without waiting for each other's saves. A
    /// number whose complaint then fails to save is not given again (a gap in the day's numbers).
    /// <para>
    /// Its commit does not wait for the disk (<c>synchronous_commit</c> off for this transaction alone): a complaint
    /// carrying the number commits later in the same write-ahead log, so no crash can keep the complaint and lose the
    /// number; a crash can only lose numbers no saved complaint carries.
    /// </para>
    /// </summary>
    public static async Task<int> TakeNextAsync(ComplaintCloudDbContext db, Guid tenantId, LocalDate day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A complaint number is taken before the complaint's transaction, not inside it: the setting that spares its commit the wait would spare the complaint's too.");
        }

        var values = await db.Database.SqlQuery<int>($"""
            WITH unflushed AS (SELECT set_config('synchronous_commit', 'off', true))
            INSERT INTO complaint_number_counters (tenant_id, day, last_value) SELECT {tenantId}, {day}, 1 FROM unflushed
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
