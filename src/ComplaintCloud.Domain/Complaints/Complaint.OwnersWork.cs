using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Tenants;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>Seed 004: the first responder owns the complaint to the end, and the work on it is theirs.</summary>
public sealed partial class Complaint
{
    // The owner's work, by the words a refusal uses for it.
    private static readonly Dictionary<ComplaintAction, string> OwnersWork = new()
    {
        [ComplaintAction.RecordInvestigation] = "record the investigation",
        [ComplaintAction.DecideResponsibility] = "decide responsibility",
        [ComplaintAction.ProposePlan] = "propose the plan",
    };

    /// <summary>
    /// Whether <paramref name="actor"/> may do the owner's work on this complaint — record the investigation, decide
    /// responsibility, propose the plan: its owner, a tenant admin, or a holder of one of <paramref name="gradeRoles"/>,
    /// the roles its policy names for its grade (<see cref="GradeRoles.Of"/>). The one rule for every handler and for
    /// what a console offers the user.
    /// </summary>
    public bool MayDoOwnersWork(Actor actor, IReadOnlyCollection<string> gradeRoles)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(gradeRoles);
        return (OwnerId is { } owner && owner == actor.UserId)
            || actor.Holds(PlatformRoles.TenantAdmin)
            || gradeRoles.Any(actor.Holds);
    }

    /// <summary>Refuses the owner's work to anyone else (<see cref="MayDoOwnersWork"/>), saying who owns the complaint.</summary>
    public void RequireOwnersWork(Actor actor, IReadOnlyCollection<string> gradeRoles, ComplaintAction action)
    {
        // The state is checked first: a complaint in the wrong state is refused as such, whoever asks.
        if ((StepRefusal(action, actor, PolicyAnswers.None) ?? OwnersWorkRefusal(actor, gradeRoles, action)) is { } refusal)
        {
            throw refusal;
        }
    }

    private DomainException? OwnersWorkRefusal(Actor actor, IReadOnlyCollection<string>? gradeRoles, ComplaintAction action)
    {
        if (!OwnersWork.TryGetValue(action, out var operation))
        {
            return null;
        }

        ArgumentNullException.ThrowIfNull(gradeRoles);
        if (OwnerId is not { } owner)
        {
            return new DomainException(ErrorCode.InvalidTransition, $"Nobody owns the complaint yet; assign it before you {operation}.");
        }

        if (MayDoOwnersWork(actor, gradeRoles))
        {
            return null;
        }

        var deputies = gradeRoles.Count == 0 ? "" : $", {string.Join(", ", gradeRoles)}";
        return new DomainException(
            ErrorCode.Forbidden,
            $"The complaint is owned by user {owner}: only the owner, a tenant admin{deputies} may {operation}. Ask the owner to hand it over (handOverComplaint).",
            extensions: new Dictionary<string, object?> { ["ownerId"] = owner });
    }
}
