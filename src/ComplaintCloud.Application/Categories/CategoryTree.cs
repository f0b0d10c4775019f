using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Categories;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Categories;

public sealed record UpsertCategoryCommand(string Code, string NameZh, string NameEn, bool Active);

/// <summary>
/// The tenant's category tree (issue 16.8): seeded from its policy's categories, edited by its admins, and the only
/// categories intake accepts.
/// </summary>
public sealed class CategoryTree(
    ComplaintCloudDbContext db, TenantContext tenantContext, TenantPolicies policies, RecentlyActiveCategories recentlyActive, IClock clock)
{
    /// <summary>The tree, flattened and ordered by code; for anyone of the tenant, the public form included.</summary>
    public async Task<IReadOnlyList<Category>> ListAsync(bool includeInactive, CancellationToken cancellationToken)
    {
        tenantContext.RequireTenant();
        var categories = await ReadAsync(includeInactive, cancellationToken);
        if (categories.Count == 0 && await SeedIfEmptyAsync(cancellationToken))
        {
            categories = await ReadAsync(includeInactive, cancellationToken);
        }

        return categories;
    }

    /// <summary>A tenant admin adds a category under an existing parent, or renames, retires or revives one.</summary>
    public async Task<Category> UpsertAsync(UpsertCategoryCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenantAdmin("edit the categories");
        await SeedIfEmptyAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Code == command.Code, cancellationToken);
        if (category is not null)
        {
            category.Change(command.NameZh, command.NameEn, command.Active);
        }
        else
        {
            category = Category.Create(tenantId, command.Code, command.NameZh, command.NameEn, command.Active);
            if (category.ParentCode is { } parent && !await db.Categories.AnyAsync(c => c.Code == parent, cancellationToken))
            {
                throw new DomainException(ErrorCode.BadUserInput, $"There is no category '{parent}' to put '{command.Code}' under: add it first.", "input.code");
            }

            db.Categories.Add(category);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new DomainException(ErrorCode.Conflict, $"The category '{command.Code}' was added at the same time; try again.", "input.code");
        }

        recentlyActive.Forget((tenantId, command.Code));
        return category;
    }

    // Every tree has these, whatever its policy: e-mailed complaints are filed there until the desk classifies them.
    private static readonly Dictionary<string, LocalizedText> PlatformCategories = new(StringComparer.Ordinal)
    {
        ["other"] = new("Other", "其他"),
        ["other/email"] = new("Received by e-mail, not yet classified", "邮件来信（待分类）"),
    };

    /// <summary>
    /// BAD_USER_INPUT on <paramref name="field"/> unless the code is an active category of the tenant's tree. A category
    /// found active is not read again for <see cref="RecentConfirmations.Lifetime"/>; editing it forgets it.
    /// </summary>
    public async Task RequireActiveAsync(string code, string field, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var tenantId = tenantContext.RequireTenant();
        if (recentlyActive.Confirms((tenantId, code), now))
        {
            return;
        }

        var category = await FindAsync(code, cancellationToken);
        if (category is null && await SeedIfEmptyAsync(cancellationToken))
        {
            category = await FindAsync(code, cancellationToken);
        }

        if (category is not { Active: true })
        {
            throw new DomainException(
                ErrorCode.BadUserInput,
                category is null ? $"'{code}' is not one of the tenant's categories (the categories query lists them)." : $"The category '{code}' is no longer in use.",
                field);
        }

        recentlyActive.Remember((tenantId, code), now);
    }

    /// <summary>
    /// Adds the policy's categories and their parents that the tree lacks, named as the policy names them (else by
    /// their code). What is there already stays as the admin left it: renamed, retired or added by hand.
    /// </summary>
    public async Task AddPolicyCategoriesAsync(Guid tenantId, PolicyDescriptor descriptor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var codes = descriptor.Categories.Concat(PlatformCategories.Keys).SelectMany(Category.PathOf).Distinct(StringComparer.Ordinal).ToArray();
        var names = codes.Select(code => descriptor.CategoryNames.GetValueOrDefault(code) ?? PlatformCategories.GetValueOrDefault(code) ?? new LocalizedText(code, code)).ToArray();
        string[] zh = [.. names.Select(n => n.Zh)];
        string[] en = [.. names.Select(n => n.En)];
        // ON CONFLICT: two first requests of a tenant may seed at once.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO categories (tenant_id, code, name_zh, name_en, active)
            SELECT {tenantId}, seed.code, seed.name_zh, seed.name_en, true FROM unnest({codes}, {zh}, {en}) AS seed(code, name_zh, name_en)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
    }

    private async Task<List<Category>> ReadAsync(bool includeInactive, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .Where(c => includeInactive || c.Active)
            .OrderBy(c => EF.Functions.Collate(c.Code, "C"))
            .ToListAsync(cancellationToken);

    private Task<Category?> FindAsync(string code, CancellationToken cancellationToken) => CategoryCoded(db, code, cancellationToken);

    // Compiled once: read at intake whenever the kept answer does not cover the category.
    private static readonly Func<ComplaintCloudDbContext, string, CancellationToken, Task<Category?>> CategoryCoded =
        EF.CompileAsyncQuery((ComplaintCloudDbContext db, string code, CancellationToken cancellationToken) =>
            db.Categories.AsNoTracking().SingleOrDefault(c => c.Code == code));

    // Tenants that signed up before the tree existed get it from their policy on first use.
    private async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(cancellationToken))
        {
            return false;
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantContext.TenantId, cancellationToken);
        await AddPolicyCategoriesAsync(tenant.Id, policies.PluginOf(tenant).Policy!.Descriptor, cancellationToken);
        return true;
    }
}

/// <summary>The categories intake found active a moment ago, by tenant and code.</summary>
public sealed class RecentlyActiveCategories : RecentConfirmations<(Guid TenantId, string Code)>;
