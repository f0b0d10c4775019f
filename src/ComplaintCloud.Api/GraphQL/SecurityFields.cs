using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Application.Tenants.ApiKeys;
using ComplaintCloud.Application.Tenants.Invitations;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>Fresh tokens, invitations and the tenant's integration API keys.</summary>
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

        mutation.Field<NonNullGraphType<IssuedInvitationType>>("inviteUser")
            .Description("Invites a colleague with platform roles or the roles the tenant's policy names; pass the token on. Tenant admins only.")
            .Argument<NonNullGraphType<InviteUserInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<InviteUserInput>("input");
                return await c.Service<InviteUserHandler>().HandleAsync(new InviteUserCommand(input.Email, input.Roles), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<AuthPayloadType>>("acceptInvitation")
            .Description("The invitee chooses a password and is signed in with the invited roles.")
            .Argument<NonNullGraphType<AcceptInvitationInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<AcceptInvitationInput>("input");
                return await c.Service<AcceptInvitationHandler>().HandleAsync(
                    new AcceptInvitationCommand(input.TenantSlug, input.Token, input.Password), c.CancellationToken);
            });
    }

    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyType>>>>("apiKeys")
            .Description("The tenant's integration keys, revoked ones included; never their secrets. Tenant admins only.")
            .ResolveAsync(async c =>
            {
                c.Service<TenantContext>().RequireTenantAdmin("see the API keys");
                return await c.Service<ComplaintCloudDbContext>().ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvitationType>>>>("invitations")
            .Description("Invitations still open (neither accepted nor expired), newest first; never their tokens. Tenant admins only.")
            .ResolveAsync(async c =>
            {
                c.Service<TenantContext>().RequireTenantAdmin("see the invitations");
                var now = c.Service<IClock>().GetCurrentInstant();
                return await c.Service<ComplaintCloudDbContext>().Invitations.AsNoTracking()
                    .Where(i => i.AcceptedAt == null && i.ExpiresAt > now).OrderByDescending(i => i.CreatedAt).ToListAsync(c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactViewType>>>>("contactViews")
            .Description("Who was shown this complaint's customer contact unmasked, and when, oldest first. Tenant admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("complaintId")
            .ResolveAsync(async c =>
            {
                c.Service<TenantContext>().RequireTenantAdmin("see who was shown a contact");
                var id = Guid.TryParse(c.GetArgument<string>("complaintId"), out var parsed) ? parsed : Guid.Empty;
                return await c.Service<ComplaintCloudDbContext>().ContactViews.AsNoTracking()
                    .Where(v => v.ComplaintId == id).OrderBy(v => v.Id).ToListAsync(c.CancellationToken);
            });
    }
}
