namespace ComplaintCloud.Domain;

/// <summary>
/// Enum values as the API spells them, for messages: graphql-dotnet's SCREAMING_CASE (ChatLog → CHAT_LOG,
/// CustomerNotified → CUSTOMER_NOTIFIED), never the C# name.
/// </summary>
public static class ApiNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) && !char.IsUpper(name[i - 1]) ? "_" + ch : ch.ToString())).ToUpperInvariant();
    }
}
