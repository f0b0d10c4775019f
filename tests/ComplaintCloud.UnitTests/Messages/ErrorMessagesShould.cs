using ComplaintCloud.Tests;

namespace ComplaintCloud.UnitTests.Messages;

/// <summary>
/// Issue 16, point 10: every message that can reach a client as a GraphQL error uses the API's spelling of enum values
/// and reads as a sentence. The messages are read from the source, wherever an error is made.
/// </summary>
public sealed class ErrorMessagesShould
{
    private static readonly Lazy<ErrorMessageSources> Sources = new(ErrorMessageSources.Read);

    [Theory]
    [InlineData("Choose remedies among ExplanationAndGuidance.")]
    [InlineData("A ChatLog needs the customer's consent.")]
    [InlineData("Cannot record an investigation a complaint that is RECEIVED.")]
    [InlineData("The plan is Warned.")]
    [InlineData("the complaint is closed.")]
    [InlineData("The complaint is closed")]
    public void Be_refused_by_the_wording_check_when_they_name_internals_or_are_no_sentence(string message)
    {
        Assert.NotEmpty(ApiWording.FaultsOf(message));
    }

    [Theory]
    [InlineData("Choose remedies among EXPLANATION_AND_GUIDANCE.")]
    [InlineData("Evidence of kind CHAT_LOG needs the customer's consent.")]
    [InlineData("The complaint is RECEIVED, so you cannot record an investigation on it.")]
    public void Pass_the_wording_check_when_they_read_like_the_api(string message)
    {
        Assert.Empty(ApiWording.FaultsOf(message));
    }

    [Fact]
    public void Be_read_through_helpers_and_interpolations_with_enum_values_shown_raw_reported()
    {
        var sources = ErrorMessageSources.Parse([("Evidence.cs", """
            public enum EvidenceKind { ChatLog }
            public sealed record Draft(EvidenceKind Kind);
            internal static class Rules
            {
                public static void Require(bool condition, string field, string message)
                {
                    if (!condition) throw new DomainException(ErrorCode.BadUserInput, message, field);
                }
            }
            internal static class Consent
            {
                public static void Check(Draft draft) => Rules.Require(false, "input.kind", $"A {draft.Kind} needs the customer's consent.");
            }
            """)]);

        Assert.Equal("A X needs the customer's consent.", Assert.Single(sources.Messages).Text);
        Assert.Equal("{draft.Kind}", Assert.Single(sources.RawEnumHoles).Text);
    }

    [Fact]
    public void Be_found_wherever_the_service_makes_an_error()
    {
        // Rules.Require, the lifecycle's refusals, the transport's own errors: a scan finding few has lost its way.
        Assert.True(Sources.Value.Messages.Count > 200, $"Only {Sources.Value.Messages.Count} messages found.");
        Assert.Contains(Sources.Value.Messages, m => m.Text == "Only an ON_SITE_CHECK has on-site details.");
        Assert.Contains(Sources.Value.Messages, m => m.Text == "Text must not contain the NUL character (U+0000).");
    }

    [Fact]
    public void Read_as_sentences_naming_enum_values_as_the_api_spells_them_everywhere_in_the_source()
    {
        var faults = Sources.Value.Messages.SelectMany(m => ApiWording.FaultsOf(m.Text).Select(fault => $"{m.File}:{m.Line}: {fault}"))
            .Concat(Sources.Value.Fragments.SelectMany(m => ApiWording.IdentifierFaultsOf(m.Text).Select(fault => $"{m.File}:{m.Line}: {fault}")))
            .Distinct()
            .ToList();

        Assert.True(faults.Count == 0, string.Join(Environment.NewLine, faults));
    }

    [Fact]
    public void Show_enum_values_through_ApiNames_everywhere_in_the_source()
    {
        var holes = Sources.Value.RawEnumHoles.Select(h => h.ToString()).Distinct().ToList();

        Assert.True(holes.Count == 0, "Holes showing an enum value as C# spells it:" + Environment.NewLine + string.Join(Environment.NewLine, holes));
    }
}
