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
/// by its number and the contact given with it, or by the token of the link in a message sent to the customer. Every
/// try counts against RateLimits:PublicLookupsPerHour.
/// </summary>
public static class TrackingFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<TrackedComplaintType>("trackComplaint")
            .Description(
                "A customer's own complaint, by its number and the contact they gave (phone numbers compared in E.164, e-mail case-folded), or by the token "
                + "of the link in a message sent to them; null when either is wrong, or the token is altered, expired or another tenant's: the same for all. "
                + "At most RateLimits:PublicLookupsPerHour tries per client address and tenant, then RATE_LIMITED.")
            .Argument<StringGraphType>("number")
            .Argument<StringGraphType>("contact")
            .Argument<StringGraphType>("token", "The t parameter of the tracking link; in place of number and contact.")
            .ResolveAsync(async c =>
            {
                c.Service<PublicPageLimits>().TakeLookup(c.Service<IHttpContextAccessor>().HttpContext!);
                var proof = new TrackingProof(c.GetArgument<string?>("number"), c.GetArgument<string?>("contact"), c.GetArgument<string?>("token"));
                return await c.Service<ComplaintTracking>().FindAsync(proof, c.CancellationToken);
            });
    }

    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<TrackedComplaintType>>("answerPlanAsCustomer")
            .Description(
                "The customer accepts the plan they were told, or declines it and it is redone; audited as the customer's own answer. "
                + "NOT_FOUND when the number, contact or token is wrong; counts against RateLimits:PublicLookupsPerHour.")
            .Argument<NonNullGraphType<AnswerPlanAsCustomerInputType>>("input")
            .ResolveAsync(async c =>
            {
                c.Service<PublicPageLimits>().TakeLookup(c.Service<IHttpContextAccessor>().HttpContext!);
                var input = c.GetArgument<AnswerPlanAsCustomerInput>("input");
                return await c.Service<ComplaintTracking>().AnswerPlanAsync(input.Proof, input.Accepted, input.Note, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<TrackedComplaintType>>("answerSurveyAsCustomer")
            .Description(
                "The customer answers the callback survey of their resolved complaint online: the callback itself, as recordCallback records it "
                + "(overall 2 or less reopens it one grade higher, with the policy's penalty), audited as the customer's own answer, once: "
                + "INVALID_TRANSITION when it is not awaiting its callback; FORBIDDEN when the complaint's policy calls the customer back instead "
                + "(CallbackRule.CustomerMayAnswerOnline). NOT_FOUND when the number, contact or token is wrong; counts against RateLimits:PublicLookupsPerHour.")
            .Argument<NonNullGraphType<AnswerSurveyAsCustomerInputType>>("input")
            .ResolveAsync(async c =>
            {
                c.Service<PublicPageLimits>().TakeLookup(c.Service<IHttpContextAccessor>().HttpContext!);
                var input = c.GetArgument<AnswerSurveyAsCustomerInput>("input");
                var satisfaction = new Satisfaction(input.Overall, input.Attitude, input.Speed, input.Professionalism, input.Outcome, input.Comment);
                return await c.Service<ComplaintTracking>().AnswerSurveyAsync(input.Proof, satisfaction, c.CancellationToken);
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
        Field<NonNullGraphType<BooleanGraphType>>("mayAnswerSurvey")
            .Description("Whether answerSurveyAsCustomer is open now: the complaint is resolved and awaits its callback, and its policy lets the customer answer online.")
            .Resolve(c => c.Source.MayAnswerSurvey);
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

/// <summary>How a public mutation names the customer's complaint: number and contact, or the link's token.</summary>
public abstract class CustomerProofInput
{
    public string? Number { get; init; }
    public string? Contact { get; init; }
    public string? Token { get; init; }

    public TrackingProof Proof => new(Number, Contact, Token);

    internal static void AddFields<T>(InputObjectGraphType<T> type)
        where T : CustomerProofInput
    {
        type.Field<StringGraphType>("number");
        type.Field<StringGraphType>("contact").Description("As given with the complaint.");
        type.Field<StringGraphType>("token").Description("The t parameter of the tracking link; in place of number and contact.");
    }
}

public sealed class AnswerPlanAsCustomerInput : CustomerProofInput
{
    public bool Accepted { get; init; }
    public string? Note { get; init; }
}

public sealed class AnswerPlanAsCustomerInputType : InputObjectGraphType<AnswerPlanAsCustomerInput>
{
    public AnswerPlanAsCustomerInputType()
    {
        Name = "AnswerPlanAsCustomerInput";
        CustomerProofInput.AddFields(this);
        Field<NonNullGraphType<BooleanGraphType>>("accepted");
        Field<StringGraphType>("note").Description("Why, in the customer's words; optional.");
    }
}

public sealed class AnswerSurveyAsCustomerInput : CustomerProofInput
{
    public int Overall { get; init; }
    public int Outcome { get; init; }
    public int Attitude { get; init; }
    public int Speed { get; init; }
    public int Professionalism { get; init; }
    public string? Comment { get; init; }
}

public sealed class AnswerSurveyAsCustomerInputType : InputObjectGraphType<AnswerSurveyAsCustomerInput>
{
    public AnswerSurveyAsCustomerInputType()
    {
        Name = "AnswerSurveyAsCustomerInput";
        Description = "The callback survey's scores, 1 to 5 (seed 003), and the customer's own words.";
        CustomerProofInput.AddFields(this);
        Field<NonNullGraphType<IntGraphType>>("overall");
        Field<NonNullGraphType<IntGraphType>>("outcome");
        Field<NonNullGraphType<IntGraphType>>("attitude");
        Field<NonNullGraphType<IntGraphType>>("speed");
        Field<NonNullGraphType<IntGraphType>>("professionalism");
        Field<StringGraphType>("comment").Description("Optional.");
    }
}
