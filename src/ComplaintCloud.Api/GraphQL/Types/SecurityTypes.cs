using ComplaintCloud.Application.Tenants.ApiKeys;
using ComplaintCloud.Application.Tenants.Invitations;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

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

public sealed class InvitationType : ObjectGraphType<Invitation>
{
    public InvitationType()
    {
        Name = "Invitation";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Resolve(c => c.Source.Roles);
        Field<NonNullGraphType<DateTimeGraphType>>("expiresAt").Resolve(c => c.Source.ExpiresAt.ToDateTimeUtc());
        Field<DateTimeGraphType>("acceptedAt").Resolve(c => c.Source.AcceptedAt?.ToDateTimeUtc());
    }
}

public sealed class IssuedInvitationType : ObjectGraphType<IssuedInvitation>
{
    public IssuedInvitationType()
    {
        Name = "IssuedInvitation";
        Field<NonNullGraphType<StringGraphType>>("token").Description("For acceptInvitation. Shown once: only a hash is kept.").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<InvitationType>>("invitation").Resolve(c => c.Source.Invitation);
    }
}

public sealed class InviteUserInput
{
    public string Email { get; init; } = "";
    public IReadOnlyList<string> Roles { get; init; } = [];
}

public sealed class InviteUserInputType : InputObjectGraphType<InviteUserInput>
{
    public InviteUserInputType()
    {
        Name = "InviteUserInput";
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("TENANT_ADMIN, AGENT, VIEWER, or a role code the tenant's policy names.");
    }
}

public sealed class AcceptInvitationInput
{
    public string TenantSlug { get; init; } = "";
    public string Token { get; init; } = "";
    public string Password { get; init; } = "";
}

public sealed class AcceptInvitationInputType : InputObjectGraphType<AcceptInvitationInput>
{
    public AcceptInvitationInputType()
    {
        Name = "AcceptInvitationInput";
        Field<NonNullGraphType<StringGraphType>>("tenantSlug");
        Field<NonNullGraphType<StringGraphType>>("token");
        Field<NonNullGraphType<StringGraphType>>("password");
    }
}

public sealed class ContactViewType : ObjectGraphType<ContactView>
{
    public ContactViewType()
    {
        Name = "ContactView";
        Field<IdGraphType>("userId").Description("Null when an integration's API key read it.").Resolve(c => c.Source.UserId);
        Field<IdGraphType>("apiKeyId").Resolve(c => c.Source.ApiKeyId);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
    }
}
