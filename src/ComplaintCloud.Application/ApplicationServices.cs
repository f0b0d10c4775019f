using ComplaintCloud.Application.Billing;
using ComplaintCloud.Application.Categories;
using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Application.Complaints.Tracking;
using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Application.Penalties;
using ComplaintCloud.Application.PreventiveMeasures;
using ComplaintCloud.Application.Reports;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Application.Users;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Scheduling;
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
            .AddScoped<PreviewPolicyHandler>()
            .AddScoped<UploadCustomPolicyHandler>()
            .AddScoped<PolicyListing>()
            .AddScoped<SlugAvailabilityCheck>()
            .AddScoped<RefreshTokenHandler>()
            .AddScoped<SignedInUserCheck>()
            .AddSingleton<RecentSignIns>()
            .AddSingleton<RecentlyWritableTenants>()
            .AddSingleton<RecentlyActiveCategories>()
            .AddScoped<UserActivationHandler>()
            .AddScoped<ChangePasswordHandler>()
            .AddScoped<SignOutEverywhereHandler>()
            .AddScoped<RequestPasswordResetHandler>()
            .AddScoped<ResetPasswordHandler>()
            .AddScoped<CreateApiKeyHandler>()
            .AddScoped<RevokeApiKeyHandler>()
            .AddScoped<AuthenticateApiKeyHandler>()
            .AddScoped<InviteUserHandler>()
            .AddScoped<AcceptInvitationHandler>()
            .AddScoped<CategoryTree>()
            .AddScoped<SubmitComplaintHandler>()
            .AddScoped<PublicIntakeHandler>()
            .AddScoped<InboundEmailHandler>()
            .AddScoped<ComplaintQueries>()
            .AddScoped<ApprovalsWaiting>()
            .AddScoped<ContactAccessAudit>()
            .AddScoped<ContactAccess>()
            .AddScoped<ComplaintReportQuery>()
            .AddScoped<ComplaintListExport>()
            .AddScoped<BillingGate>()
            .AddScoped<StartCheckoutHandler>()
            .AddScoped<OpenBillingPortalHandler>()
            .AddScoped<BillingOverviewQuery>()
            .AddScoped<StripeWebhookHandler>()
            .AddSingleton<DemoTenantProvisioning>()
            .AddLifecycle()
            .AddSlaClocks()
            .AddPreventiveMeasures();

    // The complaint lifecycle (issue 3): one handler per operation around the shared ComplaintWork.
    private static IServiceCollection AddLifecycle(this IServiceCollection services) =>
        services
            .AddScoped<ComplaintWork>()
            .AddScoped<LifecyclePenalties>()
            .AddScoped<LifecycleNotifications>()
            .AddScoped<IDeliveryFollowUp, AcknowledgementDelivered>()
            .AddScoped<NotificationTemplatesQuery>()
            .AddScoped<UpdateNotificationTemplateHandler>()
            .AddScoped<EvidenceFiles>()
            .AddScoped<AllowedActions>()
            .AddScoped<ComplaintPeople>()
            .AddScoped<AcknowledgeComplaintHandler>()
            .AddScoped<AssignComplaintHandler>()
            .AddScoped<HandOverComplaintHandler>()
            .AddScoped<GradeComplaintHandler>()
            .AddScoped<EscalateComplaintHandler>()
            .AddScoped<WithdrawComplaintHandler>()
            .AddScoped<RecordInvestigationHandler>()
            .AddScoped<DecideResponsibilityHandler>()
            .AddScoped<AddNoteHandler>()
            .AddScoped<ProposePlanHandler>()
            .AddScoped<ApprovePlanHandler>()
            .AddScoped<RejectPlanHandler>()
            .AddScoped<ReviewPlanHandler>()
            .AddScoped<WriteAnalysisReportHandler>()
            .AddScoped<AuditAnalysisReportHandler>()
            .AddScoped<NotifyCustomerHandler>()
            .AddScoped<RecordCustomerConfirmationHandler>()
            .AddScoped<ComplaintTracking>()
            .AddScoped<UpdateTaskHandler>()
            .AddScoped<ResolveComplaintHandler>()
            .AddScoped<RecordCallbackHandler>()
            .AddScoped<ReopenComplaintHandler>()
            .AddScoped<CloseComplaintHandler>()
            .AddScoped<CreateUserHandler>()
            .AddScoped<UpdateLifecycleSettingsHandler>()
            .AddScoped<UpdateBusinessCalendarHandler>()
            .AddScoped<UpdateChannelStandardsHandler>();

    // SLA clocks (issue 5): clock operations the lifecycle calls, the board, and the due-clock processing jobs run.
    private static IServiceCollection AddSlaClocks(this IServiceCollection services) =>
        services
            .AddSingleton<ComplaintPolicyCalls>()
            .AddSingleton<SlaPolicyAnswers>()
            .AddScoped<ClockOperations>()
            .AddScoped<LifecycleClocks>()
            .AddScoped<LifecycleEscalation>()
            .AddScoped<SlaBoard>()
            .AddSingleton(new SlaProcessingOptions())
            .AddScoped<PenaltyAttributions>()
            .AddScoped<DueClockProcessor>()
            .AddScoped<IDueClockProcessor>(provider => provider.GetRequiredService<DueClockProcessor>());

    // Preventive measures against recurring problems (issue 8).
    private static IServiceCollection AddPreventiveMeasures(this IServiceCollection services) =>
        services
            .AddScoped<PreventiveMeasureWork>()
            .AddScoped<RecordPreventiveMeasureHandler>()
            .AddScoped<SignOffPreventiveMeasureHandler>()
            .AddScoped<FollowUpPreventiveMeasureHandler>()
            .AddScoped<PreventiveMeasureQueries>();
}
