using ComplaintCloud.Api.GraphQL.Lifecycle;
using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Api.Security;
using ComplaintCloud.Application.Complaints.Tracking;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>
/// The customers' tracking page (issue 13.9): no sign-in, the tenant named by X-Tenant or the sub-domain, the complaint
/// by its number and the contact given with it. Every try counts against RateLimits:PublicLookupsPerHour.
/// </summary>
public static class TrackingFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<TrackedComplaintType>("trackComplaint")
            .Description(
                "A customer's own complaint, by its number and the contact they gave (phone numbers compared in E.164, e-mail case-folded); null when either is wrong, "
                + "the same for both. At most RateLimits:PublicLookupsPerHour tries per client address and tenant, then RATE_LIMITED.")
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .Argument<NonNullGraphType<StringGraphType>>("contact")
            .ResolveAsync(async c =>
            {
                c.Service<PublicPageLimits>().TakeLookup(c.Service<IHttpContextAccessor>().HttpContext!);
                return await c.Service<ComplaintTracking>().FindAsync(new TrackingProof(c.GetArgument<string>("number"), c.GetArgument<string>("contact")), c.CancellationToken);
            });
    }

    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<TrackedComplaintType>>("answerPlanAsCustomer")
            .Description(
                "The customer accepts the plan they were told, or declines it and it is redone; audited as the customer's own answer. "
                + "NOT_FOUND when the number or contact is wrong; counts against RateLimits:PublicLookupsPerHour.")
            .Argument<NonNullGraphType<AnswerPlanAsCustomerInputType>>("input")
            .ResolveAsync(async c =>
            {
                c.Service<PublicPageLimits>().TakeLookup(c.Service<IHttpContextAccessor>().HttpContext!);
                var input = c.GetArgument<AnswerPlanAsCustomerInput>("input");
                return await c.Service<ComplaintTracking>().AnswerPlanAsync(new TrackingProof(input.Number, input.Contact), input.Accepted, input.Note, c.CancellationToken);
            });
    }
}

public sealed class TrackedComplaintType : ObjectGraphType<TrackedComplaint>
{
    public TrackedComplaintType()
    {
        Name = "TrackedComplaint";
        Description = "What a customer sees of their own complaint: never the staff's internal notes, names or grade.";
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Complaint.Number);
        Field<NonNullGraphType<FeedbackKindType>>("kind").Resolve(c => c.Source.Complaint.Kind);
        Field<NonNullGraphType<StringGraphType>>("category").Resolve(c => c.Source.Complaint.Category);
        Field<NonNullGraphType<ComplaintStatusType>>("status").Resolve(c => c.Source.Complaint.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("receivedAt").Resolve(c => c.Source.Complaint.ReceivedAt.ToDateTimeUtc());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CustomerNoteType>>>>("notes")
            .Description("The customer-visible notes, oldest first: the desk's messages and the customer's own replies.")
            .Resolve(c => c.Source.CustomerNotes);
        Field<PlanOfferType>("plan")
            .Description("The plan the customer was told, from then on; null before, and again once they declined it.")
            .Resolve(c => c.Source.PlanOffered ? c.Source.Complaint : null);
        Field<NonNullGraphType<BooleanGraphType>>("mayAnswerPlan")
            .Description("Whether answerPlanAsCustomer is open now: the plan was told and not yet answered.")
            .Resolve(c => c.Source.MayAnswerPlan);
    }
}

public sealed class CustomerNoteType : ObjectGraphType<ComplaintNote>
{
    public CustomerNoteType()
    {
        Name = "CustomerNote";
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
        Field<NonNullGraphType<BooleanGraphType>>("fromCustomer").Description("Written by the customer (a reply), not the desk.").Resolve(c => c.Source.AuthorId is null);
    }
}

public sealed class PlanOfferType : ObjectGraphType<Complaint>
{
    public PlanOfferType()
    {
        Name = "PlanOffer";
        Description = "How the company proposes to resolve the complaint, as the customer is told it.";
        Field<StringGraphType>("shortTermMeasures").Resolve(c => c.Source.ShortTermMeasures);
        Field<StringGraphType>("longTermMeasures").Resolve(c => c.Source.LongTermMeasures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemedyType>>>>("remedies").Resolve(c => c.Source.Remedies);
        Field<DecimalGraphType>("compensation").Description("In yuan.").Resolve(c => c.Source.Compensation);
    }
}

public sealed class AnswerPlanAsCustomerInput
{
    public string Number { get; init; } = "";
    public string Contact { get; init; } = "";
    public bool Accepted { get; init; }
    public string? Note { get; init; }
}

public sealed class AnswerPlanAsCustomerInputType : InputObjectGraphType<AnswerPlanAsCustomerInput>
{
    public AnswerPlanAsCustomerInputType()
    {
        Name = "AnswerPlanAsCustomerInput";
        Field<NonNullGraphType<StringGraphType>>("number");
        Field<NonNullGraphType<StringGraphType>>("contact").Description("As given with the complaint.");
        Field<NonNullGraphType<BooleanGraphType>>("accepted");
        Field<StringGraphType>("note").Description("Why, in the customer's words; optional.");
    }
}
