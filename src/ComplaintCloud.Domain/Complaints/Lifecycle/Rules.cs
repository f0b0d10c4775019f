namespace ComplaintCloud.Domain.Complaints.Lifecycle;

internal static class Rules
{
    /// <summary>Refuses bad input with BAD_USER_INPUT naming the input field.</summary>
    public static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainException(ErrorCode.BadUserInput, message, field);
        }
    }

    public static string RequireText(string? text, int maxLength, string field, string what)
    {
        Require(!string.IsNullOrWhiteSpace(text) && text.Length <= maxLength, field, $"{what} must have 1 to {maxLength} characters.");
        return text!.Trim();
    }
}
