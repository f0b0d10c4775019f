using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Domain.Penalties;

/// <summary>
/// Whom a complaint's penalties fall on, taken as the complaint stands when they are booked: a later handover or a new
/// plan does not move points already booked. A complaint is with a department only through its plan's tasks, and users
/// belong to no department and answer to no head, so only the responsible person can be named; a head's or unit
/// leader's penalty names the department alone.
/// </summary>
/// <param name="Department">The department the complaint is with; null when its current plan does not settle one.</param>
/// <param name="PersonId">The complaint's owner; null before it is taken or after a reopen.</param>
/// <param name="PersonEmail">The owner's e-mail, as the ledger shows the person.</param>
public sealed record PenaltyAttribution(string? Department, Guid? PersonId, string? PersonEmail)
{
    /// <summary>
    /// The department is the one of the owner's own tasks in the current plan or, when the owner has none, the one all
    /// the plan's tasks share; a plan spread over several departments with none of them the owner's settles none.
    /// </summary>
    /// <param name="ownerId">The complaint's owner now.</param>
    /// <param name="ownerEmail">That owner's e-mail.</param>
    /// <param name="currentTasks">Department and owner of each task of the complaint's current plan.</param>
    public static PenaltyAttribution Of(Guid? ownerId, string? ownerEmail, IReadOnlyList<(string Department, Guid? OwnerId)> currentTasks)
    {
        ArgumentNullException.ThrowIfNull(currentTasks);
        var department = OnlyOne(currentTasks.Where(t => ownerId is not null && t.OwnerId == ownerId))
            ?? OnlyOne(currentTasks);
        return new PenaltyAttribution(department, ownerId, ownerId is null ? null : ownerEmail);
    }

    /// <summary>What a penalty on <paramref name="target"/> names: the person only when the target is a person.</summary>
    public PenaltyAttribution For(PenaltyTarget target) =>
        target == PenaltyTarget.ResponsiblePerson ? this : this with { PersonId = null, PersonEmail = null };

    private static string? OnlyOne(IEnumerable<(string Department, Guid? OwnerId)> tasks)
    {
        var departments = tasks.Select(t => t.Department).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return departments.Count == 1 ? departments[0] : null;
    }
}
