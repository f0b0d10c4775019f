using System.Text.Json;
using ComplaintCloud.Domain.Complaints;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Domain.Clocks;

/// <summary>
/// What each clock kind is for (API.md's kinds), as lifecycle steps: the steps that meet it, and those that make every
/// clock still open moot. A moot clock is stopped — neither met nor breached — so a complaint that is resolved,
/// withdrawn, closed or reopened never breaches a clock of work it no longer needs.
/// </summary>
public static class ClockPurposes
{
    // Telling the customer, taking the complaint (the lifecycle lets a desk take it without acknowledging first) and
    // any recorded contact with the customer all answer a complaint that is waiting for someone to respond.
    private static readonly string[] FirstResponse = ["ACKNOWLEDGE", "CONTACT", "RESPONSE"];

    private static readonly Dictionary<string, string[]> MetBy = new(StringComparer.Ordinal)
    {
        ["ACKNOWLEDGED"] = [.. FirstResponse, "REPORT"],
        // Whoever takes it has it reported to them (the winery's ten-minute report to the department head).
        ["ASSIGNED"] = [.. FirstResponse, "REPORT"],
        ["ON_SITE_CHECKED"] = ["ON_SITE"],
        ["PLAN_PROPOSED"] = ["PLAN"],
        ["CUSTOMER_NOTIFIED"] = [.. FirstResponse, "NOTIFY"],
        ["RESOLVED"] = ["RESOLVE"],
        ["CALLBACK_RECORDED"] = ["CALLBACK"],
    };

    // Resolving ends the handling (the callback clock starts after); withdrawing and closing end everything; a reopen
    // ends the round, and the new grade's clocks start afresh.
    private static readonly HashSet<string> MakeMoot = new(StringComparer.Ordinal) { "RESOLVED", "WITHDRAWN", "CLOSED", "REOPENED" };

    /// <summary>The clock kinds a lifecycle step meets.</summary>
    public static IReadOnlyList<string> KindsMetBy(string stepType, string stepData)
    {
        ArgumentNullException.ThrowIfNull(stepType);
        return stepType == "NOTE_ADDED" && IsCustomerVisible(stepData) ? FirstResponse : MetBy.GetValueOrDefault(stepType, []);
    }

    /// <summary>
    /// When a step met its clocks: an on-site check when the head was on site (its checkedAt), which is recorded later;
    /// any other step when it was taken.
    /// </summary>
    public static Instant MetAt(ComplaintEvent step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Type == "ON_SITE_CHECKED" && After(step.Data, "checkedAt") is { ValueKind: JsonValueKind.String } checkedAt
            ? InstantPattern.ExtendedIso.Parse(checkedAt.GetString()!).Value
            : step.At;
    }

    /// <summary>
    /// Whether the customer confirmed what a step records: false only for an on-site check whose record the customer did
    /// not sign, which meets no clock whose rule needs the customer's confirmation.
    /// </summary>
    public static bool CustomerConfirmed(ComplaintEvent step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return After(step.Data, "customerConfirmed") is not { ValueKind: JsonValueKind.False };
    }

    /// <summary>Whether a lifecycle step stops every clock still open (after meeting those it meets).</summary>
    public static bool StopsOpenClocks(string stepType) => MakeMoot.Contains(stepType);

    // A note the customer can see is a contact with the customer; an internal one is not.
    private static bool IsCustomerVisible(string noteData) => After(noteData, "visibility")?.GetString() == "CUSTOMER_VISIBLE";

    // A value of the step's state after it: its data is {"before": …, "after": …}.
    private static JsonElement? After(string stepData, string property)
    {
        using var data = JsonDocument.Parse(stepData);
        return data.RootElement.TryGetProperty("after", out var after) && after.TryGetProperty(property, out var value) ? value.Clone() : null;
    }
}
