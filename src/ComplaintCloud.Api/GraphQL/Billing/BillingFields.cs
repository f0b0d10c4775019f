using ComplaintCloud.Application.Billing;
using ComplaintCloud.Domain.Billing;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Billing;

/// <summary>The billing query and mutations, added to the root types in one line each.</summary>
public static class BillingFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<BillingType>>("billing")
            .Description("The signed-in tenant's plan, subscription and usage against the plan's limits.")
            .ResolveAsync(async c => await c.Service<BillingOverviewQuery>().GetAsync(c.CancellationToken));
    }

    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<BillingRedirectType>>("startCheckout")
            .Description("Opens a Stripe Checkout for a plan; send the user to the url. Tenant admins only.")
            .Argument<NonNullGraphType<StartCheckoutInputType>>("input")
            .ResolveAsync(async c => await c.Service<StartCheckoutHandler>().HandleAsync(
                new StartCheckoutCommand(c.GetArgument<StartCheckoutInput>("input").Plan, IdempotencyKey(c)), c.CancellationToken));

        mutation.Field<NonNullGraphType<BillingRedirectType>>("openBillingPortal")
            .Description("Opens Stripe's customer portal (plan, payment method, invoices); send the user to the url. Tenant admins only.")
            .ResolveAsync(async c => await c.Service<OpenBillingPortalHandler>().HandleAsync(IdempotencyKey(c), c.CancellationToken));
    }

    private static string? IdempotencyKey(IResolveFieldContext context) =>
        context.Service<IHttpContextAccessor>().HttpContext?.Request.Headers[MutationType.IdempotencyKeyHeader].FirstOrDefault();
}

public sealed class StartCheckoutInput
{
    public string Plan { get; init; } = "";
}

public sealed class StartCheckoutInputType : InputObjectGraphType<StartCheckoutInput>
{
    public StartCheckoutInputType()
    {
        Name = "StartCheckoutInput";
        Field<NonNullGraphType<StringGraphType>>("plan").Description("A plan's code from billing.plans, e.g. TEAM or BUSINESS.");
    }
}

public sealed class BillingRedirectType : ObjectGraphType<Uri>
{
    public BillingRedirectType()
    {
        Name = "BillingRedirect";
        Field<NonNullGraphType<StringGraphType>>("url").Description("A Stripe page to send the user to.").Resolve(c => c.Source.ToString());
    }
}

public sealed class SubscriptionStatusType : EnumerationGraphType<SubscriptionStatus>
{
    public SubscriptionStatusType()
    {
        Name = "SubscriptionStatus";
        Description = "NONE: never subscribed (the free plan). Otherwise Stripe's subscription status.";
    }
}

public sealed class BillingType : ObjectGraphType<BillingOverview>
{
    public BillingType()
    {
        Name = "Billing";
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Description("False when this deployment has no Stripe key: every tenant is unlimited.").Resolve(c => c.Source.Enabled);
        Field<NonNullGraphType<BillingPlanType>>("plan").Resolve(c => c.Source.Plan);
        Field<NonNullGraphType<SubscriptionStatusType>>("status").Resolve(c => c.Source.Status);
        Field<DateTimeGraphType>("currentPeriodEnd").Resolve(c => c.Source.CurrentPeriodEnd?.ToDateTimeUtc());
        Field<DateTimeGraphType>("trialEnd").Resolve(c => c.Source.TrialEnd?.ToDateTimeUtc());
        Field<DateTimeGraphType>("graceEndsAt").Description("Past due: when the desk becomes read-only unless paid.").Resolve(c => c.Source.GraceEndsAt?.ToDateTimeUtc());
        Field<NonNullGraphType<BooleanGraphType>>("readOnly")
            .Description("Complaints can be read, exported and still received from customers, but not worked.")
            .Resolve(c => c.Source.ReadOnly);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("warnings").Resolve(c => c.Source.Warnings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanUsageType>>>>("usage").Resolve(c => c.Source.Usage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BillingPlanType>>>>("plans").Description("The plans on offer.").Resolve(c => c.Source.Plans);
    }
}

public sealed class BillingPlanType : ObjectGraphType<Plan>
{
    public BillingPlanType()
    {
        Name = "BillingPlan";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<IntGraphType>("complaintsPerMonth").Description("Null: unlimited.").Resolve(c => c.Source.Limits.ComplaintsPerMonth);
        Field<IntGraphType>("agentSeats").Description("Null: unlimited.").Resolve(c => c.Source.Limits.AgentSeats);
        Field<NonNullGraphType<BooleanGraphType>>("customPolicyAllowed").Resolve(c => c.Source.Limits.CustomPolicyAllowed);
        Field<NonNullGraphType<BooleanGraphType>>("apiKeysAllowed").Resolve(c => c.Source.Limits.ApiKeysAllowed);
    }
}

public sealed class PlanUsageType : ObjectGraphType<PlanUsage>
{
    public PlanUsageType()
    {
        Name = "PlanUsage";
        Field<NonNullGraphType<StringGraphType>>("limit").Resolve(c => c.Source.Limit);
        Field<NonNullGraphType<IntGraphType>>("used").Resolve(c => c.Source.Used);
        Field<IntGraphType>("max").Description("Null: unlimited.").Resolve(c => c.Source.Max);
    }
}
