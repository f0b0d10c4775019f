using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

public sealed class SignUpInput
{
    public string CompanyName { get; init; } = "";
    public string Slug { get; init; } = "";
    public string AdminEmail { get; init; } = "";
    public string AdminPassword { get; init; } = "";
    public string? PolicyId { get; init; }
    public string? TimeZone { get; init; }
}

public sealed class SignUpInputType : InputObjectGraphType<SignUpInput>
{
    public SignUpInputType()
    {
        Name = "SignUpInput";
        Field<NonNullGraphType<StringGraphType>>("companyName");
        Field<NonNullGraphType<StringGraphType>>("slug").Description("3–40 lower-case letters, digits or dashes; names the tenant in X-Tenant and sub-domains.");
        Field<NonNullGraphType<StringGraphType>>("adminEmail");
        Field<NonNullGraphType<StringGraphType>>("adminPassword");
        Field<StringGraphType>("policyId").Description("general-enterprise when omitted.");
        Field<StringGraphType>("timeZone").Description("IANA time zone of the business calendar; Asia/Shanghai when omitted.");
    }
}

public sealed class LogInInput
{
    public string TenantSlug { get; init; } = "";
    public string Email { get; init; } = "";
    public string Password { get; init; } = "";
}

public sealed class LogInInputType : InputObjectGraphType<LogInInput>
{
    public LogInInputType()
    {
        Name = "LogInInput";
        Field<NonNullGraphType<StringGraphType>>("tenantSlug");
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("password");
    }
}

public sealed class SelectPolicyInput
{
    public string PolicyId { get; init; } = "";
    public object? Settings { get; init; }
}

public sealed class SelectPolicyInputType : InputObjectGraphType<SelectPolicyInput>
{
    public SelectPolicyInputType()
    {
        Name = "SelectPolicyInput";
        Field<NonNullGraphType<StringGraphType>>("policyId");
        Field<JsonGraphType>("settings").Description("An object of the policy's settings; omitted ones take their defaults.");
    }
}

public sealed class SubmitComplaintInput
{
    public Channel Channel { get; init; }
    public FeedbackKind Kind { get; init; }
    public string Category { get; init; } = "";
    public string Description { get; init; } = "";
    public CustomerInput Customer { get; init; } = new();
    public string? Request { get; init; }
    public decimal? AmountInvolved { get; init; }
    public ComplaintFactsInput? Facts { get; init; }
    public int? FirstResponseSeconds { get; init; }
    public DateTime? ContactedAt { get; init; }
    public DateTime? AnsweredAt { get; init; }
}

public sealed class SubmitComplaintInputType : InputObjectGraphType<SubmitComplaintInput>
{
    public SubmitComplaintInputType()
    {
        Name = "SubmitComplaintInput";
        Field<NonNullGraphType<ChannelType>>("channel");
        Field<NonNullGraphType<FeedbackKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("category").Description("e.g. \"product/malfunction\", \"logistics/delay\".");
        Field<NonNullGraphType<StringGraphType>>("description").Description("The customer's words, stored verbatim.");
        Field<NonNullGraphType<CustomerInputType>>("customer");
        Field<StringGraphType>("request").Description("What the customer asks for: refund, repair, apology…");
        Field<DecimalGraphType>("amountInvolved");
        Field<ComplaintFactsInputType>("facts");
        Field<IntGraphType>("firstResponseSeconds").Description("Seconds the channel took to first answer, as the telephony or chat system measured them (seed 001: phone 15 s, VIP 10 s; chat 30 s; ticket 1 h).");
        Field<DateTimeGraphType>("contactedAt").Description("When the customer reached the channel; with answeredAt instead of firstResponseSeconds.");
        Field<DateTimeGraphType>("answeredAt").Description("When the channel first answered; needs contactedAt.");
    }
}

public sealed class CustomerInput
{
    public string Name { get; init; } = "";
    public string? Contact { get; init; }
    public string? CustomerNumber { get; init; }
    public CustomerTier Tier { get; init; }
}

public sealed class CustomerInputType : InputObjectGraphType<CustomerInput>
{
    public CustomerInputType()
    {
        Name = "CustomerInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name or nickname.");
        Field<StringGraphType>("contact").Description("Used only for callbacks; masked for those without the right.");
        Field<StringGraphType>("customerNumber");
        Field<CustomerTierType>("tier").DefaultValue(CustomerTier.Normal);
    }
}

public sealed class ComplaintFactsInput
{
    public bool SafetyRisk { get; init; }
    public bool LegalRisk { get; init; }
    public bool PublicityRisk { get; init; }
    public int AffectedCustomers { get; init; } = 1;
    public CustomerEmotion CustomerEmotion { get; init; }
    public object? Attributes { get; init; }

    /// <param name="field">Where these facts sit in the input, e.g. "input.facts", for errors in the attributes.</param>
    public IntakeFacts ToIntakeFacts(string field)
    {
        var attributes = JsonGraphType.ToStringMap(Attributes, field + ".attributes").ToDictionary(pair => pair.Key, pair => pair.Value ?? "");
        return new IntakeFacts(SafetyRisk, LegalRisk, PublicityRisk, AffectedCustomers, CustomerEmotion, attributes);
    }
}

public sealed class ComplaintFactsInputType : InputObjectGraphType<ComplaintFactsInput>
{
    public ComplaintFactsInputType()
    {
        Name = "ComplaintFactsInput";
        Field<BooleanGraphType>("safetyRisk").DefaultValue(false);
        Field<BooleanGraphType>("legalRisk").DefaultValue(false);
        Field<BooleanGraphType>("publicityRisk").DefaultValue(false);
        Field<IntGraphType>("affectedCustomers").DefaultValue(1);
        Field<CustomerEmotionType>("customerEmotion").DefaultValue(CustomerEmotion.Calm);
        Field<JsonGraphType>("attributes").Description("Further facts the policy reads, e.g. {\"coreFunctionAffected\": true}.");
    }
}

public sealed class ComplaintFilterInput
{
    public IReadOnlyList<ComplaintStatus>? Status { get; init; }
    public IReadOnlyList<string>? Grade { get; init; }
    public IReadOnlyList<Channel>? Channel { get; init; }
    public DateTime? ReceivedFrom { get; init; }
    public DateTime? ReceivedBefore { get; init; }
    public bool? Escalated { get; init; }
    public IReadOnlyList<string>? EscalatedTo { get; init; }
    public IReadOnlyList<FeedbackKind>? Kind { get; init; }
    public OwnerFilter? Owner { get; init; }
    public string? Search { get; init; }
}

public sealed class ComplaintFilterInputType : InputObjectGraphType<ComplaintFilterInput>
{
    public ComplaintFilterInputType()
    {
        Name = "ComplaintFilter";
        Field<ListGraphType<NonNullGraphType<ComplaintStatusType>>>("status");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("grade").Description("Grade codes, e.g. [\"URGENT\", \"MAJOR\"].");
        Field<ListGraphType<NonNullGraphType<ChannelType>>>("channel");
        Field<DateTimeGraphType>("receivedFrom").Description("Inclusive.");
        Field<DateTimeGraphType>("receivedBefore").Description("Exclusive.");
        Field<BooleanGraphType>("escalated").Description("Escalated to a role (by a person, at intake or by a clock), or not.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("escalatedTo").Description("Escalated to one of these roles, e.g. [\"VP\"].");
        Field<ListGraphType<NonNullGraphType<FeedbackKindType>>>("kind");
        Field<OwnerFilterType>("owner").Description("MINE: owned by the signed-in user; UNASSIGNED: owned by nobody; omitted: anyone's.");
        Field<StringGraphType>("search").Description("Words found, case aside, in the number, the customer's words, the customer's name or the category.");
    }
}
