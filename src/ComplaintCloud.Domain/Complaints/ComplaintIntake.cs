using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>What a channel tells us about a new complaint (SPEC §2.1).</summary>
public sealed record ComplaintIntake(
    Channel Channel,
    FeedbackKind Kind,
    string Category,
    string Description,
    Customer Customer,
    string? Request,
    decimal? AmountInvolved,
    IntakeFacts Facts)
{
    public const int MaxDescriptionLength = 20_000;
    public const int MaxCategoryLength = 200;
    public const int MaxShortTextLength = 500;
    public const int MaxAttributes = 50;

    /// <summary>Seconds the channel took to first answer the customer, as its telephony or chat system measured them.</summary>
    public int? FirstResponseSeconds { get; init; }

    /// <summary>The first response a channel reports: its seconds, or when it answered after the customer reached it.</summary>
    public static int? MeasuredFirstResponse(int? seconds, Instant? contactedAt, Instant? answeredAt)
    {
        if (answeredAt is not { } answered)
        {
            Require(contactedAt is null, "input.answeredAt", "Give answeredAt, when the channel answered, with contactedAt.");
            return seconds;
        }

        Require(seconds is null, "input.answeredAt", "Give firstResponseSeconds or answeredAt, not both.");
        var contacted = contactedAt ?? throw new DomainException(ErrorCode.BadUserInput, "Give contactedAt, when the customer reached the channel, with answeredAt.", "input.contactedAt");
        Require(answered >= contacted, "input.answeredAt", "The channel cannot answer before the customer reached it.");
        Require(answered - contacted <= NodaTime.Duration.FromSeconds(ChannelStandard.MaxSeconds), "input.answeredAt", $"A first response is at most {ChannelStandard.MaxSeconds} seconds.");
        return (int)Math.Ceiling((answered - contacted).TotalSeconds);
    }

    /// <summary>Refuses intake that cannot be a complaint; the field names the input path.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Description), "input.description", "The description must not be empty.");
        Require(Description.Length <= MaxDescriptionLength, "input.description", $"The description must be at most {MaxDescriptionLength} characters.");
        Require(!string.IsNullOrWhiteSpace(Category), "input.category", "The category must not be empty.");
        Require(Category.Length <= MaxCategoryLength, "input.category", $"The category must be at most {MaxCategoryLength} characters.");
        Require(!string.IsNullOrWhiteSpace(Customer.Name), "input.customer.name", "The customer's name must not be empty.");
        Require(Customer.Name.Length <= MaxShortTextLength, "input.customer.name", $"The customer's name must be at most {MaxShortTextLength} characters.");
        Require((Customer.Contact?.Length ?? 0) <= MaxShortTextLength, "input.customer.contact", $"The contact must be at most {MaxShortTextLength} characters.");
        Require((Customer.CustomerNumber?.Length ?? 0) <= MaxShortTextLength, "input.customer.customerNumber", $"The customer number must be at most {MaxShortTextLength} characters.");
        Require((Request?.Length ?? 0) <= MaxDescriptionLength, "input.request", $"The request must be at most {MaxDescriptionLength} characters.");
        Require(AmountInvolved is null or >= 0, "input.amountInvolved", "The amount involved must not be negative.");
        Require(Facts.AffectedCustomers >= 1, "input.facts.affectedCustomers", "At least one customer is affected.");
        Require(Facts.Attributes.Count <= MaxAttributes, "input.facts.attributes", $"At most {MaxAttributes} attributes.");
        Require(FirstResponseSeconds is null or (>= 0 and <= ChannelStandard.MaxSeconds), "input.firstResponseSeconds", $"A first response is 0 to {ChannelStandard.MaxSeconds} seconds.");
    }

    public ComplaintFacts ToPolicyFacts() => new(
        Kind, Channel, Category, AmountInvolved, Facts.AffectedCustomers,
        Facts.SafetyRisk, Facts.LegalRisk, Facts.PublicityRisk, Customer.Tier, Facts.CustomerEmotion, Facts.Attributes);

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainException(ErrorCode.BadUserInput, message, field);
        }
    }
}

/// <summary>Facts the policy grades on, beyond amount and kind.</summary>
public sealed record IntakeFacts(
    bool SafetyRisk,
    bool LegalRisk,
    bool PublicityRisk,
    int AffectedCustomers,
    CustomerEmotion CustomerEmotion,
    IReadOnlyDictionary<string, string> Attributes)
{
    public static IntakeFacts None { get; } = new(false, false, false, 1, CustomerEmotion.Calm, new Dictionary<string, string>());
}
