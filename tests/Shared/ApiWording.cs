using System.Text.RegularExpressions;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Tests;

/// <summary>
/// Linked into the test projects that read refusals. Issue 16, point 10: a refusal's message reaches the client as it is, so it reads as a sentence and names enum values
/// as the API spells them (CHAT_LOG), never as C# does (ChatLog, or Warned in mid-sentence).
/// </summary>
internal static partial class ApiWording
{
    private static readonly HashSet<string> EnumMemberNames = typeof(Complaint).Assembly.GetTypes()
        .Concat(typeof(IComplaintPolicy).Assembly.GetTypes())
        .Where(t => t.IsEnum && t.IsPublic)
        .SelectMany(Enum.GetNames)
        .ToHashSet(StringComparer.Ordinal);

    public static void AssertReadsLikeTheApi(string message) => Assert.Empty(FaultsOf(message));

    /// <summary>What is wrong with a message: not a sentence, or naming C# identifiers.</summary>
    public static IReadOnlyList<string> FaultsOf(string message)
    {
        var faults = new List<string>();
        if (!Sentence().IsMatch(message))
        {
            faults.Add($"\"{message}\" is no sentence: one starts with a capital and ends with a full stop.");
        }

        if (Subjectless().IsMatch(message) || TwoObjects().Match(message) is { Success: true })
        {
            faults.Add($"\"{message}\" does not read as a sentence: say who cannot do what, and why.");
        }

        faults.AddRange(IdentifierFaultsOf(message));
        return faults;
    }

    /// <summary>What is wrong with part of a message a helper builds on: only C# identifiers.</summary>
    public static IReadOnlyList<string> IdentifierFaultsOf(string text)
    {
        var identifiers = Words().Matches(text).Select(m => m.Value).Skip(1)
            .Where(word => CompoundIdentifier().IsMatch(word) || EnumMemberNames.Contains(word))
            .ToList();
        return identifiers.Count == 0 ? [] : [$"\"{text}\" names {string.Join(", ", identifiers)} as C# spells it."];
    }

    // A sentence may open with the value at fault: "'zzz' is not one of the tenant's categories."
    [GeneratedRegex(@"^(?:'[^']*'|[A-Z0-9]).*[.?!]$", RegexOptions.Singleline)]
    private static partial Regex Sentence();

    // "Cannot record …", "Invalid token.": a fragment with no subject, the way a log line or a template is written.
    [GeneratedRegex(@"^(?:Cannot|Can't|Could not|Unable to|Failed to|Invalid)\b")]
    private static partial Regex Subjectless();

    // "record an investigation a complaint": a template that lost its preposition between two objects.
    [GeneratedRegex(@"\ban? [a-z]+ an? [a-z]+")]
    private static partial Regex TwoObjects();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex CompoundIdentifier();
}
