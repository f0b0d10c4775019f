using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Application.Tenants;
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
            .AddScoped<SubmitComplaintHandler>()
            .AddScoped<PublicIntakeHandler>()
            .AddScoped<ComplaintQueries>()
            .AddSingleton<DemoTenantProvisioning>();
}
