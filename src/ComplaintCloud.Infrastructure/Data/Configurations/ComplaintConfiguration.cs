using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.ReceivedAt, c.Id });
        // The board's nearest-deadline order and its cursor: complaints without a deadline come last (NULLS LAST).
        builder.HasIndex(c => new { c.TenantId, c.NearestDueAt, c.Id });
        // Intake's duplicate check: the customer's newest complaint first, however many they made before.
        builder.HasIndex(c => new { c.TenantId, c.ContactKey, c.ReceivedAt }).HasFilter("contact_key IS NOT NULL");
        builder.Property(c => c.ContactKey).HasMaxLength(ComplaintIntake.MaxShortTextLength);
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Category).HasMaxLength(ComplaintIntake.MaxCategoryLength);
        builder.Property(c => c.AmountInvolved).HasPrecision(18, 2);
        builder.Property(c => c.PolicyId).HasMaxLength(100);
        builder.Property(c => c.PolicyVersion).HasMaxLength(50);
        // xmin as the optimistic concurrency token: a racing update fails instead of overwriting.
        builder.Property<uint>("Version").IsRowVersion();

        // The customer, the facts and the grade are values in the complaint's own row: complex types, not owned entities,
        // which EF tracks as entities of their own and, reading without tracking, attaches to the complaint with a
        // delegate it makes anew for every row.
        builder.ComplexProperty(c => c.Customer, customer =>
        {
            customer.Property(p => p.Name).HasColumnName("customer_name").HasMaxLength(ComplaintIntake.MaxShortTextLength);
            customer.Property(p => p.Contact).HasColumnName("customer_contact").HasMaxLength(ComplaintIntake.MaxShortTextLength);
            customer.Property(p => p.CustomerNumber).HasColumnName("customer_number").HasMaxLength(ComplaintIntake.MaxShortTextLength);
            customer.Property(p => p.Tier).HasColumnName("customer_tier").HasConversion<string>().HasMaxLength(20);
        });

        builder.ComplexProperty(c => c.Facts, facts =>
        {
            facts.Property(f => f.SafetyRisk).HasColumnName("safety_risk");
            facts.Property(f => f.LegalRisk).HasColumnName("legal_risk");
            facts.Property(f => f.PublicityRisk).HasColumnName("publicity_risk");
            facts.Property(f => f.AffectedCustomers).HasColumnName("affected_customers");
            facts.Property(f => f.CustomerEmotion).HasColumnName("customer_emotion").HasConversion<string>().HasMaxLength(20);
            facts.Property(f => f.Attributes).HasColumnName("attributes").AsJsonb();
        });

        builder.ComplexProperty(c => c.Grade, grade =>
        {
            grade.Property(g => g.Code).HasColumnName("grade_code").HasMaxLength(40);
            grade.Property(g => g.Rank).HasColumnName("grade_rank");
            grade.Property(g => g.Reason).HasColumnName("grade_reason").HasMaxLength(1000);
        });

        builder.HasMany(c => c.Clocks).WithOne().HasForeignKey(c => c.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Clocks).HasField("_clocks").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ConfigureLifecycle();
    }
}

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> builder)
    {
        builder.HasKey(c => c.Id);
        // A kind runs once per handling round: racing steps that start the same clock meet this key.
        builder.HasIndex(c => new { c.ComplaintId, c.Kind, c.Round }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.DueAt });
        // The scheduler's scan: a tenant's clocks whose warning or deadline has come.
        builder.HasIndex(c => new { c.TenantId, c.NextAlertAt }).HasFilter("next_alert_at IS NOT NULL");
        // The helpers' scan: the most overdue clock of any tenant.
        builder.HasIndex(c => c.NextAlertAt).HasFilter("next_alert_at IS NOT NULL");
        builder.Property(c => c.Kind).HasMaxLength(40);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ComplaintId, e.Id });
        builder.Property(e => e.Type).HasMaxLength(60);
        builder.Property(e => e.Data).HasColumnType("jsonb");
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<Infrastructure.Data.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Infrastructure.Data.IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.TenantId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}
