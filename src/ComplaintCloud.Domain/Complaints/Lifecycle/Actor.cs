namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>The signed-in user acting on a complaint, with the roles their token carries.</summary>
public sealed record Actor(Guid UserId, IReadOnlyList<string> Roles)
{
    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
