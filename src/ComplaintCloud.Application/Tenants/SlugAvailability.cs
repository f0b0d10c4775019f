using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Tenancy;

namespace ComplaintCloud.Application.Tenants;

/// <summary>Whether a company could sign up under a slug now, and why not.</summary>
public sealed record SlugAvailability(string Slug, bool Available, string? Reason);

/// <summary>The sign-up form's live check of a slug: the same rules as signUp, before the company commits to one.</summary>
public sealed class SlugAvailabilityCheck(TenantDirectory directory)
{
    public async Task<SlugAvailability> CheckAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var reason = Tenant.SlugProblem(slug)
            ?? (await directory.FindIdAsync(slug, cancellationToken) is null ? null : SignUpHandler.SlugTakenMessage(slug));
        return new SlugAvailability(slug, reason is null, reason);
    }
}
