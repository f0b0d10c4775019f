using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("notification_templates").HasKey(t => new { t.TenantId, t.Kind, t.Language });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Kind).HasMaxLength(60);
        builder.Property(t => t.Language).HasMaxLength(10);
        builder.Property(t => t.Subject).HasMaxLength(TemplateText.MaxSubjectLength);
        builder.Property(t => t.Body).HasMaxLength(TemplateText.MaxBodyLength);
        builder.Ignore(t => t.Text);
    }
}
