using ComplaintCloud.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class ContactViewConfiguration : IEntityTypeConfiguration<ContactView>
{
    public void Configure(EntityTypeBuilder<ContactView> builder)
    {
        builder.ToTable("contact_views").HasKey(v => v.Id);
        builder.HasIndex(v => new { v.TenantId, v.ComplaintId, v.Id });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(v => v.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}
