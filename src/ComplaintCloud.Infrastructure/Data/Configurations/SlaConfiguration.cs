using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class ClockAlertConfiguration : IEntityTypeConfiguration<ClockAlert>
{
    public void Configure(EntityTypeBuilder<ClockAlert> builder)
    {
        // The exactly-once key: a clock warns once and breaches once, whoever handles it.
        builder.HasKey(a => new { a.ClockId, a.Occasion });
        builder.HasOne<SlaClock>().WithMany().HasForeignKey(a => a.ClockId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.At });
        builder.Property(a => a.Occasion).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ClockKind).HasMaxLength(40);
    }
}

internal sealed class PenaltyEntryConfiguration : IEntityTypeConfiguration<PenaltyEntry>
{
    public void Configure(EntityTypeBuilder<PenaltyEntry> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).UseIdentityAlwaysColumn();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        // An occasion books each target once.
        builder.HasIndex(p => new { p.TenantId, p.OccasionKey, p.Target }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.At });
        builder.Property(p => p.Target).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Occasion).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.OccasionKey).HasMaxLength(200);
        builder.Property(p => p.Rule).HasMaxLength(1000);
        // Snapshots, not foreign keys: the ledger keeps whom it charged whatever becomes of the task or the user.
        builder.Property(p => p.Department).HasMaxLength(PlanTask.MaxTextLength);
        builder.Property(p => p.PersonEmail).HasMaxLength(254);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("notification_outbox");
        builder.HasKey(m => m.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
        // A cause writes its message once.
        builder.HasIndex(m => new { m.TenantId, m.DedupKey }).IsUnique();
        // The dispatcher's scan: pending messages by next attempt.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL AND failed_at IS NULL");
        builder.Property(m => m.Channel).HasMaxLength(40);
        builder.Property(m => m.Recipient).HasMaxLength(200);
        builder.Property(m => m.Topic).HasMaxLength(60);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
    }
}
