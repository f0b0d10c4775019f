using ComplaintCloud.Domain.Billing;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class BillingAccountConfiguration : IEntityTypeConfiguration<BillingAccount>
{
    public void Configure(EntityTypeBuilder<BillingAccount> builder)
    {
        builder.HasKey(a => a.TenantId);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<BillingAccount>(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.StripeCustomerId).HasMaxLength(255);
        builder.Property(a => a.StripeSubscriptionId).HasMaxLength(255);
        builder.Property(a => a.PlanCode).HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        // xmin as the optimistic concurrency token: two webhooks applying at once cannot both win.
        builder.Property<uint>("Version").IsRowVersion();
    }
}

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("stripe_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(StripeBilling.MaxEventIdLength);
        builder.Property(e => e.Type).HasMaxLength(StripeBilling.MaxEventTypeLength);
        // Not "tenant_id": the table is platform-level and read before any tenant is known, so row-level security
        // (which covers every tenant_id table) must not apply; the column only tells operators where an event went.
        builder.Property(e => e.TenantId).HasColumnName("applied_tenant_id");
    }
}
