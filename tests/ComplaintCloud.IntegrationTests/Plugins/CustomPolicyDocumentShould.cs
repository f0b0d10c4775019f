using System.Text.Json.Nodes;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Plugins.Declarative;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.IntegrationTests.Plugins;

public sealed class CustomPolicyDocumentShould
{
    private const string Field = "input.document";

    private static readonly ComplaintFacts Calm = new(
        FeedbackKind.Complaint, Channel.Phone, "service/repair", null, 1, false, false, false,
        CustomerTier.Normal, CustomerEmotion.Calm, new Dictionary<string, string>());

    [Fact]
    public void NameTheFieldTheSchemaRefuses()
    {
        var failure = Refuse(CustomPolicySample.With("routine", "grades", 1, "code"));

        Assert.Equal("input.document.grades[1].code", failure.Field);
    }

    [Fact]
    public void NameAMissingRequiredFieldAtItsParent()
    {
        var root = JsonNode.Parse(CustomPolicySample.Json)!.AsObject();
        root.Remove("callback");

        var failure = Refuse(root.ToJsonString());

        Assert.Equal("input.document", failure.Field);
        Assert.Contains("callback", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefuseAGradeCodeDeclaredTwice()
    {
        var failure = Refuse(CustomPolicySample.With("ROUTINE", "grades", 1, "code"));

        Assert.Equal("input.document.grades[1].code", failure.Field);
    }

    [Fact]
    public void RefuseARuleGivingAnUndeclaredGrade()
    {
        var failure = Refuse(CustomPolicySample.With("URGENT", "rules", 2, "grade"));

        Assert.Equal("input.document.rules[2].grade", failure.Field);
    }

    [Fact]
    public void RefuseAnApproverThatIsNotADeclaredRole()
    {
        var failure = Refuse(CustomPolicySample.With(new JsonArray("CEO"), "grades", 0, "approvers"));

        Assert.Equal("input.document.grades[0].approvers[0]", failure.Field);
    }

    [Fact]
    public void RefuseAnAuthorityLadderThatLoops()
    {
        var failure = Refuse(CustomPolicySample.With("ADVISOR", "roles", 2, "escalatesTo"));

        Assert.Equal("input.document.roles[0].escalatesTo", failure.Field);
    }

    [Fact]
    public void NameANumberTooLargeToHold()
    {
        var failure = Refuse(CustomPolicySample.With(JsonValue.Create(1e30), "rules", 0, "when", "amountAtLeast"));

        Assert.Equal("input.document.rules[0].when.amountAtLeast", failure.Field);
    }

    [Fact]
    public void RefuseTextThatIsNotJson()
    {
        var failure = Refuse("{ \"version\": ");

        Assert.Equal(Field, failure.Field);
    }

    [Fact]
    public void GradeByTheMostSevereRuleThatHolds()
    {
        var policy = new DeclarativePolicy(CustomPolicySample.Document);
        var settings = PolicySettings.Defaults(policy.Descriptor);

        var routine = policy.Grade(Calm, settings).GradeCode;
        var angryAboutMoney = policy.Grade(Calm with { AmountInvolved = 2000m, CustomerEmotion = CustomerEmotion.Angry }, settings).GradeCode;
        var angryAboutSafety = policy.Grade(Calm with { Category = "safety/vehicle", CustomerEmotion = CustomerEmotion.Angry }, settings).GradeCode;

        Assert.Equal(("ROUTINE", "PRIORITY", "CRITICAL"), (routine, angryAboutMoney, angryAboutSafety));
    }

    [Fact]
    public void RunTheClocksTheDocumentGivesTheGrade()
    {
        var policy = new DeclarativePolicy(CustomPolicySample.Document);

        var plan = Assert.Single(policy.Clocks("PRIORITY", Calm, PolicySettings.Defaults(policy.Descriptor)), c => c.Kind == "PLAN");

        Assert.Equal(new ClockRule("PLAN", Duration.BusinessHours(8), ClockStart.Received, false, 75), plan);
    }

    [Fact]
    public void LetTheAutomaticAcknowledgementMeetOnlyTheClocksThatSaySo()
    {
        var policy = new DeclarativePolicy(CustomPolicySample.Document);
        var settings = PolicySettings.Defaults(policy.Descriptor);

        Assert.True(policy.Clocks("ROUTINE", Calm, settings).Single(c => c.Kind == "ACKNOWLEDGE").MetByAutomaticAcknowledgement);
        Assert.DoesNotContain(policy.Clocks("ROUTINE", Calm, settings), c => c.Kind != "ACKNOWLEDGE" && c.MetByAutomaticAcknowledgement);
    }

    [Fact]
    public void LetTheCustomerAnswerTheSurveyOnlineOnlyWhenTheDocumentSaysSo()
    {
        var allowing = new DeclarativePolicy(CustomPolicySample.Document);
        var root = JsonNode.Parse(CustomPolicySample.Json)!.AsObject();
        root["callback"]!.AsObject().Remove("customerMayAnswerOnline");
        var silent = new DeclarativePolicy(CustomPolicyDocument.Parse(root.ToJsonString(), Field));

        Assert.True(allowing.Callback(FeedbackKind.Complaint, Channel.Phone, PolicySettings.Defaults(allowing.Descriptor)).CustomerMayAnswerOnline);
        Assert.False(silent.Callback(FeedbackKind.Complaint, Channel.Phone, PolicySettings.Defaults(silent.Descriptor)).CustomerMayAnswerOnline);
    }

    private static DomainException Refuse(string json)
    {
        var failure = Assert.Throws<DomainException>(() => CustomPolicyDocument.Parse(json, Field));
        Assert.Equal(ErrorCode.BadUserInput, failure.Code);
        return failure;
    }
}
