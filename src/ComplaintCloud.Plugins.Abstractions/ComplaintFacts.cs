namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>What is known of a complaint when it is graded.</summary>
/// <param name="Kind">Complaint, inquiry, suggestion or help request.</param>
/// <param name="Channel">Where it came in.</param>
/// <param name="Category">Category path, e.g. "product/malfunction".</param>
/// <param name="AmountInvolved">Money at stake, in the tenant's currency.</param>
/// <param name="AffectedCustomers">How many customers are affected (1 when unknown).</param>
/// <param name="SafetyRisk">A safety hazard is involved.</param>
/// <param name="LegalRisk">A legal dispute is involved or threatened.</param>
/// <param name="PublicityRisk">Large-scale negative publicity is involved or threatened.</param>
/// <param name="CustomerTier">Normal or VIP.</param>
/// <param name="CustomerEmotion">Calm, upset or angry.</param>
/// <param name="Attributes">Further facts a policy may read, e.g. "coreFunctionAffected" = "true".</param>
public sealed record ComplaintFacts(
    FeedbackKind Kind,
    Channel Channel,
    string Category,
    decimal? AmountInvolved,
    int AffectedCustomers,
    bool SafetyRisk,
    bool LegalRisk,
    bool PublicityRisk,
    CustomerTier CustomerTier,
    CustomerEmotion CustomerEmotion,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>The kind of feedback (seed 001).</summary>
public enum FeedbackKind
{
    /// <summary>A complaint.</summary>
    Complaint,
    /// <summary>An inquiry.</summary>
    Inquiry,
    /// <summary>A suggestion.</summary>
    Suggestion,
    /// <summary>A request for help.</summary>
    HelpRequest,
}

/// <summary>The channel a complaint came in through.</summary>
public enum Channel
{
    /// <summary>Phone hotline.</summary>
    Phone,
    /// <summary>Online chat.</summary>
    OnlineChat,
    /// <summary>App or mini-program.</summary>
    App,
    /// <summary>Email.</summary>
    Email,
    /// <summary>Social media.</summary>
    SocialMedia,
    /// <summary>In store or on site.</summary>
    InStore,
    /// <summary>Survey.</summary>
    Survey,
    /// <summary>Ticket or integration API.</summary>
    Api,
}

/// <summary>The customer's tier.</summary>
public enum CustomerTier
{
    /// <summary>A normal customer.</summary>
    Normal,
    /// <summary>A VIP customer.</summary>
    Vip,
}

/// <summary>How the customer feels.</summary>
public enum CustomerEmotion
{
    /// <summary>Calm.</summary>
    Calm,
    /// <summary>Upset.</summary>
    Upset,
    /// <summary>Angry.</summary>
    Angry,
}
