using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Application.Tenants.ApiKeys;
using ComplaintCloud.Application.Tenants.Invitations;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintCloud.Application;

public static class ApplicationServices
{
    /// <summary>One scoped handler per use case.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services) =>
        services
            .AddScoped<SignUpHandler>()
            .AddScoped<LogInHandler>()
            .AddScoped<SelectPolicyHandler>()
            .AddScoped<RefreshTokenHandler>()
            .AddScoped<CreateApiKeyHandler>()
            .AddScoped<RevokeApiKeyHandler>()
            .AddScoped<AuthenticateApiKeyHandler>()
            .AddScoped<InviteUserHandler>()
            .AddScoped<AcceptInvitationHandler>()
            .AddScoped<SubmitComplaintHandler>()
            .AddScoped<PublicIntakeHandler>()
            .AddScoped<ComplaintQueries>()
            .AddScoped<ContactAccessAudit>()
            .AddSingleton<DemoTenantProvisioning>();
}
