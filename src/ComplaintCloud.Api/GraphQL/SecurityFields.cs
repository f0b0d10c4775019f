using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Application.Tenants.ApiKeys;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>Fresh tokens and the tenant's integration API keys.</summary>
public static class SecurityFields
{
    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<AuthPayloadType>>("refreshToken")
            .Description("Swaps the caller's still-valid token for a fresh one carrying the user's current roles.")
            .ResolveAsync(async c => await c.Service<RefreshTokenHandler>().HandleAsync(c.CancellationToken));

        mutation.Field<NonNullGraphType<CreatedApiKeyType>>("createApiKey")
            .Description("Creates an integration key (send it as X-Api-Key); its text is returned this once only. Tenant admins only.")
            .Argument<NonNullGraphType<CreateApiKeyInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateApiKeyInput>("input");
                return await c.Service<CreateApiKeyHandler>().HandleAsync(new CreateApiKeyCommand(input.Name, input.Scopes), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ApiKeyType>>("revokeApiKey")
            .Description("Revokes an integration key at once. Tenant admins only.")
            .Argument<NonNullGraphType<RevokeApiKeyInputType>>("input")
            .ResolveAsync(async c => Guid.TryParse(c.GetArgument<RevokeApiKeyInput>("input").Id, out var id)
                ? await c.Service<RevokeApiKeyHandler>().HandleAsync(id, c.CancellationToken)
                : throw new DomainException(ErrorCode.NotFound, "There is no such API key."));
    }

    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyType>>>>("apiKeys")
            .Description("The tenant's integration keys, revoked ones included; never their secrets. Tenant admins only.")
            .ResolveAsync(async c =>
            {
                c.Service<TenantContext>().RequireRole(PlatformRoles.TenantAdmin);
                return await c.Service<ComplaintCloudDbContext>().ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(c.CancellationToken);
            });
    }
}

public sealed class ApiKeyType : ObjectGraphType<ApiKey>
{
    public ApiKeyType()
    {
        Name = "ApiKey";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes").Resolve(c => c.Source.Scopes);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt.ToDateTimeUtc());
        Field<DateTimeGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt?.ToDateTimeUtc());
    }
}

public sealed class CreatedApiKeyType : ObjectGraphType<CreatedApiKey>
{
    public CreatedApiKeyType()
    {
        Name = "CreatedApiKey";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Send as X-Api-Key. Shown once: only a hash is kept.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<ApiKeyType>>("apiKey").Resolve(c => c.Source.ApiKey);
    }
}

public sealed class CreateApiKeyInput
{
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

public sealed class CreateApiKeyInputType : InputObjectGraphType<CreateApiKeyInput>
{
    public CreateApiKeyInputType()
    {
        Name = "CreateApiKeyInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Which system uses it, e.g. \"call centre\".");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes")
            .Description($"Any of {string.Join(", ", ApiKeyScopes.All)}.");
    }
}

public sealed class RevokeApiKeyInput
{
    public string Id { get; init; } = "";
}

public sealed class RevokeApiKeyInputType : InputObjectGraphType<RevokeApiKeyInput>
{
    public RevokeApiKeyInputType()
    {
        Name = "RevokeApiKeyInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
