using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

public sealed class UserIdInput
{
    public string UserId { get; init; } = "";
}

public sealed class UserIdInputType : InputObjectGraphType<UserIdInput>
{
    public UserIdInputType()
    {
        Name = "UserIdInput";
        Field<NonNullGraphType<IdGraphType>>("userId");
    }
}

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; init; } = "";
    public string NewPassword { get; init; } = "";
}

public sealed class ChangePasswordInputType : InputObjectGraphType<ChangePasswordInput>
{
    public ChangePasswordInputType()
    {
        Name = "ChangePasswordInput";
        Field<NonNullGraphType<StringGraphType>>("currentPassword");
        Field<NonNullGraphType<StringGraphType>>("newPassword");
    }
}

public sealed class RequestPasswordResetInput
{
    public string TenantSlug { get; init; } = "";
    public string Email { get; init; } = "";
}

public sealed class RequestPasswordResetInputType : InputObjectGraphType<RequestPasswordResetInput>
{
    public RequestPasswordResetInputType()
    {
        Name = "RequestPasswordResetInput";
        Field<NonNullGraphType<StringGraphType>>("tenantSlug");
        Field<NonNullGraphType<StringGraphType>>("email");
    }
}

public sealed class ResetPasswordInput
{
    public string TenantSlug { get; init; } = "";
    public string Token { get; init; } = "";
    public string NewPassword { get; init; } = "";
}

public sealed class ResetPasswordInputType : InputObjectGraphType<ResetPasswordInput>
{
    public ResetPasswordInputType()
    {
        Name = "ResetPasswordInput";
        Field<NonNullGraphType<StringGraphType>>("tenantSlug");
        Field<NonNullGraphType<StringGraphType>>("token").Description("From the reset link.");
        Field<NonNullGraphType<StringGraphType>>("newPassword");
    }
}
