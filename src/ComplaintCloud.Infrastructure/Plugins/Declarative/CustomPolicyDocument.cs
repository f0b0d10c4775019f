using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintCloud.Domain;
using ComplaintCloud.Plugins.Abstractions;
using Json.Schema;
using Duration = ComplaintCloud.Plugins.Abstractions.Duration;

namespace ComplaintCloud.Infrastructure.Plugins.Declarative;

/// <summary>
/// A tenant's own policy as data, in the shape of the published custom-policy.schema.json: grades with their clocks,
/// approvers and escalation; grading rules; roles with their authority; the callback rule. Read only through
/// <see cref="Parse"/>, which refuses anything the schema or the cross-references do not allow, naming the field.
/// </summary>
public sealed record CustomPolicyDocument(
    string Version,
    LocalizedText Name,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CustomRole> Roles,
    IReadOnlyList<CustomGrade> Grades,
    IReadOnlyList<CustomRule>? Rules,
    string DefaultGrade,
    CustomCallback Callback)
{
    public const string SchemaResource = "custom-policy.schema.json";

    /// <summary>Largest document accepted, in UTF-16 characters.</summary>
    public const int MaxLength = 200_000;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText));

    /// <summary>The published JSON Schema documents are checked against (the embedded custom-policy.schema.json).</summary>
    public static string SchemaText
    {
        get
        {
            using var stream = typeof(CustomPolicyDocument).Assembly.GetManifestResourceStream(SchemaResource)
                ?? throw new InvalidOperationException($"The embedded {SchemaResource} is missing.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Reads and checks a document; BAD_USER_INPUT with the field under <paramref name="field"/> when it is not a valid policy.</summary>
    public static CustomPolicyDocument Parse(string json, string field)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"A custom policy must be at most {MaxLength} characters of JSON.", field);
        }

        using var parsed = ParseJson(json, field);
        var results = Schema.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var failure = results.Details?.FirstOrDefault(d => d.Errors is { Count: > 0 }) ?? results;
            var message = failure.Errors?.Values.FirstOrDefault() ?? "does not match the custom-policy schema";
            throw new DomainException(ErrorCode.BadUserInput, $"The custom policy is not valid: {message}.", field + PathOf(failure.InstanceLocation.ToString()));
        }

        var document = Read(parsed, field);
        new CustomPolicyReferences(document, field).Check();
        return document;
    }

    // The schema has passed it, but a value can still not fit its .NET type (e.g. a number beyond decimal's range).
    private static CustomPolicyDocument Read(JsonDocument parsed, string field)
    {
        try
        {
            return parsed.RootElement.Deserialize<CustomPolicyDocument>(Options)
                ?? throw new DomainException(ErrorCode.BadUserInput, "The custom policy is empty.", field);
        }
        catch (JsonException e)
        {
            throw new DomainException(ErrorCode.BadUserInput, "The custom policy is not valid: a value is out of range.", field + (e.Path ?? "$")[1..]);
        }
    }

    private static JsonDocument ParseJson(string json, string field)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"The custom policy is not JSON: it breaks off or goes wrong on line {(e.LineNumber ?? 0) + 1}, at byte {(e.BytePositionInLine ?? 0) + 1}.", field);
        }
    }

    // "/grades/1/code" → ".grades[1].code": the GraphQL error path style of extensions.field.
    private static string PathOf(string pointer) =>
        string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => int.TryParse(segment, out _) ? $"[{segment}]" : "." + segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
}

/// <summary>A role with what it may decide alone (compensation up to a limit, not the listed categories) and who is above it.</summary>
public sealed record CustomRole(string Code, LocalizedText Name, decimal CompensationLimit = 0, string? EscalatesTo = null, IReadOnlyList<string>? MustEscalateCategories = null);

public sealed record CustomGrade(string Code, LocalizedText Name, int Rank, IReadOnlyList<CustomClock> Clocks, IReadOnlyList<string> Approvers, CustomEscalation? Escalation);

public sealed record CustomClock(
    string Kind, Duration Within, ClockStart StartsOn = ClockStart.Received, bool PausesWhileWaitingOnCustomer = false, int WarningPercent = 80, bool MetByAutomaticAcknowledgement = false);

/// <summary>Escalation steps per trigger; a trigger left out escalates to no one.</summary>
public sealed record CustomEscalation(
    IReadOnlyList<CustomStep>? ClockWarning,
    IReadOnlyList<CustomStep>? ClockBreached,
    IReadOnlyList<CustomStep>? AuthorityExceeded,
    IReadOnlyList<CustomStep>? Graded);

public sealed record CustomStep(EscalationAction Action, string Role, Duration? Within);

/// <summary>Gives <paramref name="Grade"/> when every condition of <paramref name="When"/> holds.</summary>
public sealed record CustomRule(string Grade, CustomCondition When);

/// <summary>Conditions on a complaint's facts; those left out hold for any complaint.</summary>
public sealed record CustomCondition(
    decimal? AmountAtLeast,
    bool? SafetyRisk,
    bool? LegalRisk,
    bool? PublicityRisk,
    CustomerEmotion? EmotionAtLeast,
    int? AffectedCustomersAtLeast,
    string? CategoryPrefix,
    IReadOnlyList<FeedbackKind>? Kinds,
    CustomerTier? CustomerTier)
{
    public bool HoldsFor(ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return (AmountAtLeast is null || (facts.AmountInvolved ?? 0m) >= AmountAtLeast)
            && (SafetyRisk is null || facts.SafetyRisk == SafetyRisk)
            && (LegalRisk is null || facts.LegalRisk == LegalRisk)
            && (PublicityRisk is null || facts.PublicityRisk == PublicityRisk)
            && (EmotionAtLeast is null || facts.CustomerEmotion >= EmotionAtLeast)
            && (AffectedCustomersAtLeast is null || facts.AffectedCustomers >= AffectedCustomersAtLeast)
            && (CategoryPrefix is null || CategoryPath.IsWithin(facts.Category, CategoryPrefix))
            && (Kinds is null || Kinds.Contains(facts.Kind))
            && (CustomerTier is null || facts.CustomerTier == CustomerTier);
    }
}

public sealed record CustomCallback(Duration Within, string ByRole, bool MustNotHaveHandled = false, bool CustomerMayAnswerOnline = false);
