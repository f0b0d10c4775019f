using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Policies.GeneralEnterprise;

namespace ComplaintCloud.Policies.Tests;

/// <summary>SPEC §3a (seed 000, with 001 and 003), one rule per test.</summary>
public sealed class GeneralEnterprisePolicyShould
{
    private readonly GeneralEnterprisePolicy _policy = new();
    private readonly PolicySettings _defaults;

    public GeneralEnterprisePolicyShould() => _defaults = PolicySettings.Defaults(_policy.Descriptor);

    [Fact]
    public void DeclareTheThreeGradesOfSeedZero()
    {
        Assert.Equal(
            [("NORMAL", "普通", 1), ("URGENT", "紧急", 2), ("MAJOR", "重大", 3)],
            _policy.Descriptor.Grades.Select(g => (g.Code, g.Name.Zh, g.Rank)));
    }

    [Fact]
    public void GradeASingleIssueWithACalmCustomerNormal() =>
        Assert.Equal("NORMAL", _policy.Grade(Sample.Complaint, _defaults).GradeCode);

    [Fact]
    public void GradeAComplaintAffectingSeveralCustomersUrgent() =>
        Assert.Equal("URGENT", _policy.Grade(Sample.Complaint with { AffectedCustomers = 2 }, _defaults).GradeCode);

    [Fact]
    public void LetTheTenantSetHowManyCustomersMakeAComplaintUrgent()
    {
        var settings = Sample.Tuned(_policy, ("urgentAffectedCustomers", "5"));

        Assert.Equal("NORMAL", _policy.Grade(Sample.Complaint with { AffectedCustomers = 4 }, settings).GradeCode);
        Assert.Equal("URGENT", _policy.Grade(Sample.Complaint with { AffectedCustomers = 5 }, settings).GradeCode);
    }

    [Fact]
    public void GradeAComplaintAffectingACoreFunctionUrgent()
    {
        var facts = Sample.Complaint with { Attributes = new Dictionary<string, string> { ["coreFunctionAffected"] = "true" } };

        Assert.Equal("URGENT", _policy.Grade(facts, _defaults).GradeCode);
    }

    [Theory]
    [InlineData(CustomerEmotion.Upset)]
    [InlineData(CustomerEmotion.Angry)]
    public void GradeAComplaintFromAnUnhappyCustomerUrgent(CustomerEmotion emotion) =>
        Assert.Equal("URGENT", _policy.Grade(Sample.Complaint with { CustomerEmotion = emotion }, _defaults).GradeCode);

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void GradeASafetyLegalOrPublicityRiskMajor(bool safety, bool legal, bool publicity)
    {
        var facts = Sample.Complaint with { SafetyRisk = safety, LegalRisk = legal, PublicityRisk = publicity };

        Assert.Equal("MAJOR", _policy.Grade(facts, _defaults).GradeCode);
    }

    [Fact]
    public void AcknowledgeANormalComplaintWithinOneHour()
    {
        var clock = _policy.Clocks("NORMAL", Sample.Complaint, _defaults).Clock("ACKNOWLEDGE");

        Assert.Equal((Duration.Minutes(60), ClockStart.Received), (clock.Target, clock.StartsOn));
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void LetTheAutomaticAcknowledgementMeetTheClockOnlyWhenTheTenantSaysItCounts(string setting, bool counts)
    {
        var settings = new PolicySettings(new Dictionary<string, string>(_defaults.Values) { ["automaticAcknowledgementCounts"] = setting });

        var savedBeforeTheSettingExisted = new PolicySettings(_defaults.Values.Where(v => v.Key != "automaticAcknowledgementCounts").ToDictionary());

        Assert.False(_policy.Clocks("NORMAL", Sample.Complaint, _defaults).Clock("ACKNOWLEDGE").MetByAutomaticAcknowledgement);
        Assert.False(_policy.Clocks("NORMAL", Sample.Complaint, savedBeforeTheSettingExisted).Clock("ACKNOWLEDGE").MetByAutomaticAcknowledgement);
        Assert.Equal(counts, _policy.Clocks("NORMAL", Sample.Complaint, settings).Clock("ACKNOWLEDGE").MetByAutomaticAcknowledgement);
    }

    [Fact]
    public void ResolveANormalComplaintWithinThreeWorkingDays()
    {
        var clock = _policy.Clocks("NORMAL", Sample.Complaint, _defaults).Clock("RESOLVE");

        Assert.Equal((Duration.WorkingDays(3), ClockStart.Received), (clock.Target, clock.StartsOn));
    }

    [Theory]
    [InlineData("URGENT")]
    [InlineData("MAJOR")]
    public void ContactTheCustomerWithinThirtyMinutesWhenUrgentOrMajor(string grade)
    {
        var clocks = _policy.Clocks(grade, Sample.Complaint, _defaults);

        Assert.Equal(Duration.Minutes(30), clocks.Clock("CONTACT").Target);
        Assert.DoesNotContain(clocks, c => c.Kind == "ACKNOWLEDGE");
    }

    [Fact]
    public void GiveTheResolutionPlanOfAnUrgentComplaintWithinTwentyFourHours() =>
        Assert.Equal(Duration.Hours(24), _policy.Clocks("URGENT", Sample.Complaint, _defaults).Clock("PLAN").Target);

    [Fact]
    public void RespondToAMajorComplaintWithinFourHours() =>
        Assert.Equal(Duration.Hours(4), _policy.Clocks("MAJOR", Sample.Complaint, _defaults).Clock("RESPONSE").Target);

    [Theory]
    [InlineData("NORMAL")]
    [InlineData("URGENT")]
    [InlineData("MAJOR")]
    public void TellTheCustomerTheApprovedPlanWithinOneWorkingDay(string grade)
    {
        var clock = _policy.Clocks(grade, Sample.Complaint, _defaults).Clock("NOTIFY");

        Assert.Equal((Duration.WorkingDays(1), ClockStart.PlanApproved), (clock.Target, clock.StartsOn));
    }

    [Fact]
    public void CallBackAComplaintWithinTwentyFourHoursOfResolutionByASupervisor()
    {
        var clock = _policy.Clocks("NORMAL", Sample.Complaint, _defaults).Clock("CALLBACK");

        Assert.Equal((Duration.Hours(24), ClockStart.Resolved), (clock.Target, clock.StartsOn));
        Assert.Equal(new CallbackRule(Duration.Hours(24), "CS_SUPERVISOR", false) { CustomerMayAnswerOnline = true }, _policy.Callback(FeedbackKind.Complaint, Channel.Phone, _defaults));
    }

    // Seed 003: the callback is "by phone or online" (电话或线上回访).
    [Theory]
    [InlineData(FeedbackKind.Complaint, Channel.Phone)]
    [InlineData(FeedbackKind.Inquiry, Channel.Email)]
    [InlineData(FeedbackKind.Complaint, Channel.Survey)]
    public void LetTheCustomerAnswerTheCallbackSurveyOnline(FeedbackKind kind, Channel channel) =>
        Assert.True(_policy.Callback(kind, channel, _defaults).CustomerMayAnswerOnline);

    [Theory]
    [InlineData(FeedbackKind.Inquiry)]
    [InlineData(FeedbackKind.HelpRequest)]
    public void CallBackAnInquiryOrHelpRequestWithinSeventyTwoHours(FeedbackKind kind)
    {
        Assert.Equal(Duration.Hours(72), _policy.Clocks("NORMAL", Sample.Complaint with { Kind = kind }, _defaults).Clock("CALLBACK").Target);
        Assert.Equal(Duration.Hours(72), _policy.Callback(kind, Channel.Email, _defaults).Within);
    }

    [Fact]
    public void CallBackSurveyFeedbackWithinThreeWorkingDaysBySomeoneWhoDidNotHandleIt()
    {
        var callback = _policy.Callback(FeedbackKind.Complaint, Channel.Survey, _defaults);

        Assert.Equal(Duration.WorkingDays(3), callback.Within);
        Assert.True(callback.MustNotHaveHandled);
        Assert.Equal(Duration.WorkingDays(3), _policy.Clocks("NORMAL", Sample.Complaint with { Channel = Channel.Survey }, _defaults).Clock("CALLBACK").Target);
    }

    [Fact]
    public void HaveTheCustomerServiceSupervisorApproveANormalPlan() =>
        Assert.Equal(["CS_SUPERVISOR"], _policy.Approval("NORMAL", Sample.Complaint, _defaults).RequiredRoles);

    [Fact]
    public void HaveTheAfterSalesManagerApproveAnUrgentPlan() =>
        Assert.Equal(["AFTER_SALES_MANAGER"], _policy.Approval("URGENT", Sample.Complaint, _defaults).RequiredRoles);

    [Fact]
    public void HaveTheVicePresidentLegalAndPrApproveAMajorPlanJointly() =>
        Assert.Equal(["VP", "LEGAL", "PR"], _policy.Approval("MAJOR", Sample.Complaint, _defaults).RequiredRoles);

    // Seeds 000/004: a major complaint is reported to management at once and a cross-department emergency team formed.
    [Fact]
    public void EscalateAMajorComplaintToTheVicePresidentAtIntakeWithACrossDepartmentEmergencyTeam()
    {
        var steps = _policy.Escalation("MAJOR", EscalationTrigger.Graded, Sample.Complaint, _defaults);

        Assert.Equal(new EscalationStep(EscalationAction.Escalate, "VP"), steps[0]);
        Assert.Equal(
            ["VP", "LEGAL", "PR", "AFTER_SALES_MANAGER", "DEPARTMENT_HEAD"],
            steps.Where(s => s.Action == EscalationAction.InvolveEmergencyTeam).Select(s => s.RoleCode));
    }

    // Seed 001: a major complaint reaches the responsible head within 5 minutes.
    [Fact]
    public void GiveAMajorComplaintAFiveMinuteHeadAlertClockFromReceipt()
    {
        var report = _policy.Clocks("MAJOR", Sample.Complaint, _defaults).Clock("REPORT");

        Assert.Equal((Duration.Minutes(5), ClockStart.Received), (report.Target, report.StartsOn));
    }

    [Fact]
    public void AlertTheDepartmentHeadOfAnUrgentComplaint() =>
        Assert.Equal(
            [new EscalationStep(EscalationAction.Notify, "DEPARTMENT_HEAD")],
            _policy.Escalation("URGENT", EscalationTrigger.Graded, Sample.Complaint, _defaults));

    [Theory]
    [InlineData("NORMAL", "AFTER_SALES_MANAGER")]
    [InlineData("URGENT", "VP")]
    [InlineData("MAJOR", "VP")]
    public void EscalateABreachUpTheChain(string grade, string escalatedTo) =>
        Assert.Equal(
            [new EscalationStep(EscalationAction.Escalate, escalatedTo)],
            _policy.Escalation(grade, EscalationTrigger.ClockBreached, Sample.Complaint, _defaults));

    [Fact]
    public void LimitTheSupervisorsCompensationToTheTenantsSetting()
    {
        var authority = _policy.Authority("CS_SUPERVISOR", Sample.Tuned(_policy, ("csSupervisorCompensationLimit", "800")));

        Assert.Equal((800m, "AFTER_SALES_MANAGER"), (authority.CompensationLimit, authority.EscalatesTo));
    }

    [Theory]
    [InlineData(PenaltyOccasion.ComplaintConfirmed)]
    [InlineData(PenaltyOccasion.DeadlineMissed)]
    [InlineData(PenaltyOccasion.CallbackUnsatisfied)]
    public void BookNoPenaltyPoints(PenaltyOccasion occasion) =>
        Assert.Empty(_policy.Penalties("MAJOR", occasion, _defaults));
}
