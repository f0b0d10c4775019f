using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Users;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>The tenant's users, their activation, and each user's own password and sessions.</summary>
public static class UserFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("users")
            .Description("The tenant's users, deactivated ones included, by e-mail. Tenant admins only.")
            .ResolveAsync(async c =>
            {
                c.Service<TenantContext>().RequireTenantAdmin("list the users");
                return await c.Service<ComplaintCloudDbContext>().Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(c.CancellationToken);
            });
    }

    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<UserType>>("deactivateUser")
            .Description("The user can no longer log in and every token of theirs stops working at once; nothing they did is removed. Tenant admins only.")
            .Argument<NonNullGraphType<UserIdInputType>>("input")
            .ResolveAsync(async c => await c.Service<UserActivationHandler>().DeactivateAsync(UserId(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<UserType>>("reactivateUser")
            .Description("A deactivated user may log in again. Tenant admins only.")
            .Argument<NonNullGraphType<UserIdInputType>>("input")
            .ResolveAsync(async c => await c.Service<UserActivationHandler>().ReactivateAsync(UserId(c), c.CancellationToken));

        mutation.Field<NonNullGraphType<AuthPayloadType>>("changePassword")
            .Description("The signed-in user's new password; every earlier token ends, and a fresh one comes back.")
            .Argument<NonNullGraphType<ChangePasswordInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ChangePasswordInput>("input");
                return await c.Service<ChangePasswordHandler>().HandleAsync(new ChangePasswordCommand(input.CurrentPassword, input.NewPassword), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("signOutEverywhere")
            .Description("Ends every token of the signed-in user, this one included.")
            .ResolveAsync(async c =>
            {
                await c.Service<SignOutEverywhereHandler>().HandleAsync(c.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("requestPasswordReset")
            .Description("Sends an active user of that address a one-time reset link by e-mail, valid for an hour. Always true, so accounts cannot be probed.")
            .Argument<NonNullGraphType<RequestPasswordResetInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RequestPasswordResetInput>("input");
                await c.Service<RequestPasswordResetHandler>().HandleAsync(new RequestPasswordResetCommand(input.TenantSlug, input.Email), c.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<AuthPayloadType>>("resetPassword")
            .Description("Chooses a new password with a reset link's token, once; every earlier token ends and the user is signed in.")
            .Argument<NonNullGraphType<ResetPasswordInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ResetPasswordInput>("input");
                return await c.Service<ResetPasswordHandler>().HandleAsync(
                    new ResetPasswordCommand(input.TenantSlug, input.Token, input.NewPassword), c.CancellationToken);
            });
    }

    private static Guid UserId(IResolveFieldContext c) =>
        Guid.TryParse(c.GetArgument<UserIdInput>("input").UserId, out var id)
            ? id
            : throw new DomainException(ErrorCode.NotFound, "There is no such user.", "input.userId");
}
