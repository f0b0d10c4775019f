using ComplaintCloud.Domain.Categories;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories").HasKey(c => new { c.TenantId, c.Code });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Code).HasMaxLength(ComplaintIntake.MaxCategoryLength);
        builder.Property(c => c.NameZh).HasMaxLength(Category.MaxNameLength);
        builder.Property(c => c.NameEn).HasMaxLength(Category.MaxNameLength);
        builder.Ignore(c => c.ParentCode);
    }
}
