using ComplaintCloud.Api.GraphQL.Billing;
using ComplaintCloud.Api.GraphQL.Lifecycle;
using ComplaintCloud.Api.GraphQL.Notifications;
using ComplaintCloud.Api.GraphQL.PreventiveMeasures;
using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain.Complaints;
using GraphQL;
using GraphQL.Types;
using NodaTime;

namespace ComplaintCloud.Api.GraphQL;

public sealed class MutationType : ObjectGraphType
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public MutationType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<AuthPayloadType>>("signUp")
            .Description("A company signs up: a new tenant and its admin, signed in.")
            .Argument<NonNullGraphType<SignUpInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SignUpInput>("input");
                return await c.Service<SignUpHandler>().HandleAsync(
                    new SignUpCommand(input.CompanyName, input.Slug, input.AdminEmail, input.AdminPassword, input.PolicyId, null, input.TimeZone),
                    c.CancellationToken);
            });

        Field<NonNullGraphType<AuthPayloadType>>("logIn")
            .Argument<NonNullGraphType<LogInInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<LogInInput>("input");
                return await c.Service<LogInHandler>().HandleAsync(
                    new LogInCommand(input.TenantSlug, input.Email, input.Password), c.CancellationToken);
            });

        Field<NonNullGraphType<TenantType>>("selectPolicy")
            .Description("Switches the tenant to a policy's newest version, or retunes its settings. Tenant admins only.")
            .Argument<NonNullGraphType<SelectPolicyInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SelectPolicyInput>("input");
                return await c.Service<SelectPolicyHandler>().HandleAsync(
                    new SelectPolicyCommand(input.PolicyId, JsonGraphType.ToStringMap(input.Settings, "input.settings")), c.CancellationToken);
            });

        PolicyFields.AddMutations(this);

        Field<NonNullGraphType<ComplaintType>>("submitComplaint")
            .Description($"Takes in a complaint, graded by the tenant's policy. Send an {IdempotencyKeyHeader} header to make retries safe.")
            .Argument<NonNullGraphType<SubmitComplaintInputType>>("input")
            .ResolveAsync(async c =>
            {
                var key = c.Service<IHttpContextAccessor>().HttpContext?.Request.Headers[IdempotencyKeyHeader].FirstOrDefault();
                return await c.Service<SubmitComplaintHandler>().HandleAsync(
                    new SubmitComplaintCommand(ToIntake(c.GetArgument<SubmitComplaintInput>("input")), key), c.CancellationToken);
            });

        BillingFields.AddTo(this);
        LifecycleMutations.AddTo(this);
        PublicIntakeFields.AddTo(this);
        TrackingFields.AddTo(this);
        SecurityFields.AddTo(this);
        UserFields.AddTo(this);
        PlatformFields.AddTo(this);
        CalendarFields.AddTo(this);
        PreventiveMeasureFields.AddTo(this);
        ChannelStandardFields.AddTo(this);
        CategoryFields.AddTo(this);
        NotificationFields.AddTo(this);
    }

    private static ComplaintIntake ToIntake(SubmitComplaintInput input)
    {
        return new ComplaintIntake(
            input.Channel,
            input.Kind,
            input.Category,
            input.Description,
            new Customer(input.Customer.Name, input.Customer.Contact, input.Customer.CustomerNumber, input.Customer.Tier),
            input.Request,
            input.AmountInvolved,
            (input.Facts ?? new ComplaintFactsInput()).ToIntakeFacts("input.facts"))
        {
            FirstResponseSeconds = ComplaintIntake.MeasuredFirstResponse(
                input.FirstResponseSeconds, Utc(input.ContactedAt), Utc(input.AnsweredAt)),
        };
    }

    private static Instant? Utc(DateTime? time) => time is { } t ? Instant.FromDateTimeUtc(t.ToUniversalTime()) : null;
}
