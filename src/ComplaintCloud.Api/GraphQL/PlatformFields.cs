using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>
/// The platform operator's fields (X-Platform-Key): list tenants, suspend one, see health. They show who the tenants
/// are, never their complaints; only the operator reaches them (<see cref="Security.CallerScopeRule"/>).
/// </summary>
public static class PlatformFields
{
    public static IReadOnlySet<string> Names { get; } = new HashSet<string> { "platformTenants", "platformHealth", "suspendTenant" };

    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlatformTenantType>>>>("platformTenants")
            .Description("Every tenant, oldest first. Platform operators only.")
            .ResolveAsync(async c => await c.Service<PlatformDirectory>().ListTenantsAsync(c.CancellationToken));

        query.Field<NonNullGraphType<PlatformHealthType>>("platformHealth")
            .Description("Whether the database answers, how many tenants there are, which policies loaded. Platform operators only.")
            .ResolveAsync(async c =>
            {
                var tenants = await c.Service<PlatformDirectory>().ListTenantsAsync(c.CancellationToken);
                var plugins = c.Service<PolicyCatalog>().Plugins;
                return new PlatformHealth(tenants.Count, tenants.Count(t => t.SuspendedAt is not null), plugins.Count(p => p.Policy is not null), plugins.Count);
            });
    }

    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<PlatformTenantType>>("suspendTenant")
            .Description("Makes a tenant read-only (suspended: true) or lifts that. Platform operators only.")
            .Argument<NonNullGraphType<SuspendTenantInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SuspendTenantInput>("input");
                var platform = c.Service<PlatformDirectory>();
                var found = Guid.TryParse(input.TenantId, out var id) && await platform.SetSuspendedAsync(id, input.Suspended, c.CancellationToken);
                if (found)
                {
                    c.Service<RecentlyWritableTenants>().Forget(id);
                }

                return found
                    ? (await platform.ListTenantsAsync(c.CancellationToken)).Single(t => t.Id == id)
                    : throw new Domain.DomainException(Domain.ErrorCode.NotFound, "There is no such tenant.");
            });
    }
}

public sealed record PlatformHealth(int Tenants, int SuspendedTenants, int LoadedPolicies, int Policies);

public sealed class PlatformHealthType : ObjectGraphType<PlatformHealth>
{
    public PlatformHealthType()
    {
        Name = "PlatformHealth";
        Field<NonNullGraphType<BooleanGraphType>>("database").Description("True: the answer came from the database.").Resolve(_ => true);
        Field<NonNullGraphType<IntGraphType>>("tenants").Resolve(c => c.Source.Tenants);
        Field<NonNullGraphType<IntGraphType>>("suspendedTenants").Resolve(c => c.Source.SuspendedTenants);
        Field<NonNullGraphType<IntGraphType>>("loadedPolicies").Resolve(c => c.Source.LoadedPolicies);
        Field<NonNullGraphType<IntGraphType>>("policies").Resolve(c => c.Source.Policies);
    }
}

public sealed class PlatformTenantType : ObjectGraphType<PlatformTenant>
{
    public PlatformTenantType()
    {
        Name = "PlatformTenant";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("policyId").Resolve(c => c.Source.PolicyId);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt.ToDateTimeUtc());
        Field<DateTimeGraphType>("suspendedAt").Resolve(c => c.Source.SuspendedAt?.ToDateTimeUtc());
    }
}

public sealed class SuspendTenantInput
{
    public string TenantId { get; init; } = "";
    public bool Suspended { get; init; }
}

public sealed class SuspendTenantInputType : InputObjectGraphType<SuspendTenantInput>
{
    public SuspendTenantInputType()
    {
        Name = "SuspendTenantInput";
        Field<NonNullGraphType<IdGraphType>>("tenantId");
        Field<NonNullGraphType<BooleanGraphType>>("suspended");
    }
}
