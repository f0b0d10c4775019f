using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Plugins.Abstractions;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

public sealed class UploadCustomPolicyInput
{
    public object? Document { get; init; }
}

public sealed class UploadCustomPolicyInputType : InputObjectGraphType<UploadCustomPolicyInput>
{
    public UploadCustomPolicyInputType()
    {
        Name = "UploadCustomPolicyInput";
        Field<NonNullGraphType<JsonGraphType>>("document").Description("The policy, as described by custom-policy.schema.json.");
    }
}

public sealed class PreviewPolicyInput
{
    public string PolicyId { get; init; } = "";
    public object? Settings { get; init; }
    public PolicySampleInput Sample { get; init; } = new();
}

public sealed class PreviewPolicyInputType : InputObjectGraphType<PreviewPolicyInput>
{
    public PreviewPolicyInputType()
    {
        Name = "PreviewPolicyInput";
        Field<NonNullGraphType<StringGraphType>>("policyId");
        Field<JsonGraphType>("settings").Description("As in selectPolicy: omitted settings take their defaults.");
        Field<NonNullGraphType<PolicySampleInputType>>("sample");
    }
}

public sealed class PolicySampleInput
{
    public Channel Channel { get; init; }
    public FeedbackKind Kind { get; init; }
    public string Category { get; init; } = "";
    public CustomerTier CustomerTier { get; init; }
    public decimal? AmountInvolved { get; init; }
    public ComplaintFactsInput? Facts { get; init; }
    public DateTime? ReceivedAt { get; init; }
}

public sealed class PolicySampleInputType : InputObjectGraphType<PolicySampleInput>
{
    public PolicySampleInputType()
    {
        Name = "PolicySampleInput";
        Description = "The facts of a complaint, as submitComplaint takes them, that a policy grades on.";
        Field<ChannelType>("channel").DefaultValue(Channel.Phone);
        Field<FeedbackKindType>("kind").DefaultValue(FeedbackKind.Complaint);
        Field<NonNullGraphType<StringGraphType>>("category");
        Field<CustomerTierType>("customerTier").DefaultValue(CustomerTier.Normal);
        Field<DecimalGraphType>("amountInvolved");
        Field<ComplaintFactsInputType>("facts");
        Field<DateTimeGraphType>("receivedAt").Description("When it would arrive; now when omitted.");
    }
}

public sealed class PolicyPreviewType : ObjectGraphType<PolicyPreview>
{
    public PolicyPreviewType()
    {
        Name = "PolicyPreview";
        Description = "How a policy would treat a sample complaint. Nothing is saved.";
        Field<NonNullGraphType<StringGraphType>>("policyId").Resolve(c => c.Source.Verdict.PolicyId);
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(c => c.Source.Verdict.PolicyVersion);
        Field<NonNullGraphType<GradeType>>("grade")
            .Resolve(c => new GradeView(c.Source.Grade.Code, c.Source.Grade.Name, c.Source.Grade.Rank, c.Source.Verdict.Grade.Reason));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedClockType>>>>("clocks")
            .Description("The clocks that start at receipt, soonest due first.")
            .Resolve(c => c.Source.Verdict.ClocksFromReceipt.OrderBy(k => k.DueAt).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("approvers")
            .Description("The roles that must all approve the resolution plan.")
            .Resolve(c => c.Source.Approval.RequiredRoles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reviewers")
            .Description("The roles that must each review the plan before it is approved (seed 002: the winery's unit leader).")
            .Resolve(c => c.Source.Approval.ReviewingRoles);
    }
}

public sealed class PlannedClockType : ObjectGraphType<PlannedClock>
{
    public PlannedClockType()
    {
        Name = "PlannedClock";
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeGraphType>>("warnAt").Resolve(c => c.Source.WarnAt.ToDateTimeUtc());
        Field<NonNullGraphType<DateTimeGraphType>>("dueAt").Resolve(c => c.Source.DueAt.ToDateTimeUtc());
        Field<NonNullGraphType<BooleanGraphType>>("pausesWhileWaitingOnCustomer").Resolve(c => c.Source.PausesWhileWaitingOnCustomer);
    }
}

public sealed class SettingKindType : EnumerationGraphType<SettingKind>;

public sealed class PolicySettingType : ObjectGraphType<SettingDescriptor>
{
    public PolicySettingType()
    {
        Name = "PolicySetting";
        Description = "A setting a tenant may tune in selectPolicy, as the plugin declares it.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The key in selectPolicy's settings, e.g. seriousAmountThreshold.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<StringGraphType>("locale", "\"zh\" for Chinese; English otherwise.")
            .Resolve(c => c.Source.Name.For(c.GetArgument<string?>("locale")));
        Field<NonNullGraphType<SettingKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("defaultValue").Description("Written invariantly: \"5000\", \"true\", \"CS_SUPERVISOR\".").Resolve(c => c.Source.DefaultValue);
        Field<DecimalGraphType>("minimum").Description("Smallest allowed number, for numbers.").Resolve(c => c.Source.Minimum);
        Field<DecimalGraphType>("maximum").Description("Largest allowed number, for numbers.").Resolve(c => c.Source.Maximum);
    }
}

public sealed class GradeTermsType : ObjectGraphType<GradeTerms>
{
    public GradeTermsType()
    {
        Name = "GradeTerms";
        Description = "What a grade runs under the default settings, for an ordinary complaint.";
        Field<NonNullGraphType<GradeType>>("grade").Resolve(c => new GradeView(c.Source.Grade.Code, c.Source.Grade.Name, c.Source.Grade.Rank, null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClockTermType>>>>("clocks").WithComplexityImpact(1, 4).Resolve(c => c.Source.Clocks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("approvers")
            .Description("The roles that must all approve the resolution plan.")
            .Resolve(c => c.Source.Approval.RequiredRoles);
    }
}

public sealed class ClockStartType : EnumerationGraphType<ClockStart>;

public sealed class TimeUnitType : EnumerationGraphType<TimeUnit>;

public sealed class ClockTermType : ObjectGraphType<ClockRule>
{
    public ClockTermType()
    {
        Name = "ClockTerm";
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("amount").Description("How long it runs, in unit.").Resolve(c => c.Source.Target.Amount);
        Field<NonNullGraphType<TimeUnitType>>("unit").Resolve(c => c.Source.Target.Unit);
        Field<NonNullGraphType<ClockStartType>>("startsOn").Resolve(c => c.Source.StartsOn);
        Field<NonNullGraphType<IntGraphType>>("warningPercent").Description("The share of its time after which it warns.").Resolve(c => c.Source.WarningPercent);
    }
}
