using System.Text.Json;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>
/// Escalation as the complaint's policy asks for it — at intake for its grade, or when a clock warns or breaches — with
/// one notion of "escalated to" shared with a person's escalateComplaint: the complaint shows the role, and the role is
/// told (the caller writes the notices for <see cref="TellsRole"/> steps).
/// </summary>
public sealed partial class Complaint
{
    /// <summary>Whether a step puts the complaint in the role's hands (escalated to it) rather than only telling it.</summary>
    public static bool EscalatesTo(EscalationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Action is EscalationAction.Escalate or EscalationAction.Reassign;
    }

    /// <summary>Whether a step tells its role something: every step but a raised grade, which the lifecycle applies.</summary>
    public static bool TellsRole(EscalationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Action is not EscalationAction.RaiseGrade;
    }

    /// <summary>
    /// The roles of the cross-department emergency team the policy formed for the complaint (seeds 000/004), from the data
    /// of its ESCALATED events in order: each role an InvolveEmergencyTeam step named, once.
    /// </summary>
    public static IReadOnlyList<string> EmergencyTeam(IEnumerable<string> escalatedEventData)
    {
        ArgumentNullException.ThrowIfNull(escalatedEventData);
        var team = new List<string>();
        foreach (var data in escalatedEventData)
        {
            using var escalation = JsonDocument.Parse(data);
            if (escalation.RootElement.TryGetProperty("action", out var action) && action.GetString() == nameof(EscalationAction.InvolveEmergencyTeam)
                && escalation.RootElement.GetProperty("role").GetString() is { } role && !team.Contains(role))
            {
                team.Add(role);
            }
        }

        return team;
    }

    /// <summary>
    /// Applies the policy's steps: each is an ESCALATED event by the system saying what caused it, and the last step
    /// that escalates makes the complaint escalated to its role. Nothing happens to a complaint that is over.
    /// </summary>
    public void EscalateByPolicy(IReadOnlyList<EscalationStep> steps, EscalationCause cause, Instant at)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(cause);
        if (Status is ComplaintStatus.Closed or ComplaintStatus.Withdrawn)
        {
            return;
        }

        foreach (var step in steps)
        {
            _newEvents.Add(ComplaintEvent.Record(this, "ESCALATED", null, at, JsonSerializer.Serialize(new
            {
                clockId = cause.ClockId,
                kind = cause.ClockKind,
                trigger = cause.Trigger,
                action = step.Action.ToString(),
                role = step.RoleCode,
            })));
            if (EscalatesTo(step))
            {
                EscalatedToRole = step.RoleCode;
            }
        }
    }
}

/// <summary>What asked for an escalation: grading at intake, or a clock's warning or breach.</summary>
public sealed record EscalationCause(string Trigger, Guid? ClockId = null, string? ClockKind = null)
{
    public static EscalationCause Graded { get; } = new("Graded");
}
