using System.Text.RegularExpressions;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.UnitTests;

/// <summary>
/// Issue 16, point 10: a refusal's message reaches the client as it is, so it reads as a sentence and names enum values
/// as the API spells them (CHAT_LOG), never as C# does (ChatLog, or Warned in mid-sentence).
/// </summary>
internal static partial class ApiWording
{
    private static readonly HashSet<string> EnumMemberNames = typeof(Complaint).Assembly.GetTypes()
        .Concat(typeof(IComplaintPolicy).Assembly.GetTypes())
        .Where(t => t.IsEnum && t.IsPublic)
        .SelectMany(Enum.GetNames)
        .ToHashSet(StringComparer.Ordinal);

    public static void AssertReadsLikeTheApi(string message)
    {
        Assert.Matches(Sentence(), message);
        var identifiers = Words().Matches(message).Select(m => m.Value).Skip(1)
            .Where(word => CompoundIdentifier().IsMatch(word) || EnumMemberNames.Contains(word))
            .ToList();
        Assert.True(identifiers.Count == 0, $"\"{message}\" names {string.Join(", ", identifiers)} as C# spells it.");
    }

    [GeneratedRegex(@"^[A-Z0-9].*[.?!]$", RegexOptions.Singleline)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex CompoundIdentifier();
}
