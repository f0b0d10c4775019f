using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.TimeZone).HasMaxLength(64);
        builder.Property(t => t.DuplicateWindowDays).HasDefaultValue(Tenant.DefaultDuplicateWindowDays);
        builder.Property(t => t.RetentionYears).HasDefaultValue(Tenant.MinRetentionYears);
        // A value in the tenant's row: a complex type, not an owned entity (see ComplaintConfiguration).
        builder.ComplexProperty(t => t.Policy, policy =>
        {
            policy.Property(p => p.PolicyId).HasColumnName("policy_id").HasMaxLength(100);
            policy.Property(p => p.Version).HasColumnName("policy_version").HasMaxLength(50);
            policy.Property(p => p.Settings).HasColumnName("policy_settings").AsJsonb();
        });
        builder.Property(t => t.CustomPolicies).AsJsonb().HasDefaultValueSql("'{}'::jsonb");
        builder.Property(t => t.ChannelStandards).HasColumnType("jsonb").HasConversion(
            standards => ChannelStandardsColumn.ToJson(standards!),
            json => ChannelStandardsColumn.FromJson(json),
            new ValueComparer<IReadOnlyList<ChannelStandard>?>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                standards => standards == null ? 0 : standards.Count,
                standards => standards == null ? null : standards.ToList()));
        builder.Property(t => t.CalendarSettings).HasColumnType("jsonb").HasConversion(
            settings => CalendarSettingsColumn.ToJson(settings!),
            json => CalendarSettingsColumn.FromJson(json));
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(u => u.Id);
        builder.HasIndex(u => new { u.TenantId, u.Email }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.Roles).AsTextArray();
        builder.Ignore(u => u.IsActive);
        // Rows from before the column get a stamp of their own; their tokens, which carry none, end.
        builder.Property(u => u.SecurityStamp).HasMaxLength(32).HasDefaultValueSql("md5(random()::text)");
        builder.Property(u => u.PasswordResetHash).HasMaxLength(64);
    }
}
