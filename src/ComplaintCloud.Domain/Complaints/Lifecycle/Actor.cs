namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>The signed-in user acting on a complaint, with the roles their token carries.</summary>
public sealed record Actor(Guid UserId, IReadOnlyList<string> Roles)
{
    /// <summary>
    /// The customer acting on their own complaint from its tracking page (proven by its number and the contact they
    /// gave): recorded with no user, as everything the customer sent is.
    /// </summary>
    public static Actor Customer { get; } = new(Guid.Empty, []);

    /// <summary>The user the audit trail names; null for the customer.</summary>
    public Guid? RecordedUserId => ReferenceEquals(this, Customer) ? null : UserId;

    public bool Holds(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
