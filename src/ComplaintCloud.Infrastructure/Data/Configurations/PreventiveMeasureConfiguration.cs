using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.PreventiveMeasures;
using ComplaintCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class PreventiveMeasureConfiguration : IEntityTypeConfiguration<PreventiveMeasure>
{
    public void Configure(EntityTypeBuilder<PreventiveMeasure> builder)
    {
        builder.ToTable("preventive_measures").HasKey(m => m.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // The report's scan: a tenant's measures signed off before a period starts.
        builder.HasIndex(m => new { m.TenantId, m.SignedOffAt });
        builder.Property(m => m.ProblemKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ProblemKey).HasMaxLength(Complaint.MaxReasonLength);
        builder.Property(m => m.Measure).HasMaxLength(PreventiveMeasure.MaxMeasureLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.SignedOffAs).HasMaxLength(100);
        // Follow-ups live on the row so that racing changes meet its concurrency token.
        builder.Property(m => m.FollowUps).AsJsonList(LifecycleConfiguration.Json);
        builder.Property<uint>("Version").IsRowVersion();
    }
}

internal sealed class PreventiveMeasureEventConfiguration : IEntityTypeConfiguration<PreventiveMeasureEvent>
{
    public void Configure(EntityTypeBuilder<PreventiveMeasureEvent> builder)
    {
        builder.ToTable("preventive_measure_events").HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.HasOne<PreventiveMeasure>().WithMany().HasForeignKey(e => e.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.MeasureId, e.Id });
        builder.Property(e => e.Type).HasMaxLength(60);
        builder.Property(e => e.Data).HasColumnType("jsonb");
    }
}
