namespace ComplaintCloud.Domain;

/// <summary>A rule refused an operation; the code travels to the client as <c>extensions.code</c>.</summary>
public sealed class DomainException(
    ErrorCode code, string message, string? field = null, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(message)
{
    private const string RetryableKey = "retryable";

    public ErrorCode Code { get; } = code;

    /// <summary>The input field at fault, for <see cref="ErrorCode.BadUserInput"/>, as a path such as "input.description".</summary>
    public string? Field { get; } = field;

    /// <summary>More for the client's <c>extensions</c>, such as the plan limit that was reached.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    /// <summary>Whether the same request may succeed when sent again: <c>extensions.retryable</c>.</summary>
    public bool Retryable => Extensions.TryGetValue(RetryableKey, out var retryable) && retryable is true;

    /// <summary>CONFLICT for a save that lost a race with another transaction: nothing was written, and a retry can succeed.</summary>
    public static DomainException LostRace(string message) =>
        new(ErrorCode.Conflict, message, extensions: new Dictionary<string, object?> { [RetryableKey] = true });
}

/// <summary>The error codes of API.md.</summary>
public enum ErrorCode
{
    Unauthenticated,
    Forbidden,
    NotFound,
    BadUserInput,
    InvalidTransition,
    Conflict,
    PlanLimit,
    PolicyFailed,
    RateLimited,
    Internal,
}
