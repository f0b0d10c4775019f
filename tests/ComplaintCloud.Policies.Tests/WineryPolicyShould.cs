using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Policies.Winery;

namespace ComplaintCloud.Policies.Tests;

/// <summary>SPEC §3b (seed 002, the winery), one rule per test.</summary>
public sealed class WineryPolicyShould
{
    private readonly WineryPolicy _policy = new();
    private readonly PolicySettings _defaults;

    public WineryPolicyShould() => _defaults = PolicySettings.Defaults(_policy.Descriptor);

    [Fact]
    public void DeclareTheFourTiersOfSeedTwo()
    {
        Assert.Equal(
            [("MINOR", "轻微", 1), ("GENERAL", "一般", 2), ("SERIOUS", "特大", 3), ("MAJOR", "重大", 4)],
            _policy.Descriptor.Grades.Select(g => (g.Code, g.Name.Zh, g.Rank)));
    }

    [Theory]
    [InlineData(null, "MINOR")]
    [InlineData("499.99", "MINOR")]
    [InlineData("500", "GENERAL")]
    [InlineData("5000", "SERIOUS")]
    [InlineData("20000", "MAJOR")]
    public void TierByTheAmountInvolved(string? amount, string tier)
    {
        var facts = Sample.Complaint with { AmountInvolved = amount is null ? null : decimal.Parse(amount, CultureInfo.InvariantCulture) };

        Assert.Equal(tier, _policy.Grade(facts, _defaults).GradeCode);
    }

    [Fact]
    public void TierByTheTenantsAmountThresholds()
    {
        var settings = Sample.Tuned(_policy, ("generalAmountThreshold", "100"), ("seriousAmountThreshold", "1000"), ("majorAmountThreshold", "3000"));

        Assert.Equal("GENERAL", _policy.Grade(Sample.Complaint with { AmountInvolved = 100m }, settings).GradeCode);
        Assert.Equal("MAJOR", _policy.Grade(Sample.Complaint with { AmountInvolved = 3000m }, settings).GradeCode);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void RaiseASafetyLegalOrPublicityComplaintToAtLeastSerious(bool safety, bool legal, bool publicity)
    {
        var facts = Sample.Complaint with { AmountInvolved = 50m, SafetyRisk = safety, LegalRisk = legal, PublicityRisk = publicity };

        Assert.Equal("SERIOUS", _policy.Grade(facts, _defaults).GradeCode);
    }

    [Theory]
    [InlineData("safety/incident", "SERIOUS")]
    [InlineData("safety/incident/broken-glass", "SERIOUS")]
    [InlineData("product/safety-incident", "MINOR")]
    public void TreatTheSafetyCategoryAndTheSubcategoriesBelowItAsASafetyRisk(string category, string grade) =>
        Assert.Equal(grade, _policy.Grade(Sample.Complaint with { Category = category, AmountInvolved = 50m }, _defaults).GradeCode);

    [Fact]
    public void RaiseTheTierByOneWhenManyCustomersAreAffected()
    {
        Assert.Equal("GENERAL", _policy.Grade(Sample.Complaint with { AffectedCustomers = 5 }, _defaults).GradeCode);
        Assert.Equal("MAJOR", _policy.Grade(Sample.Complaint with { AffectedCustomers = 5, AmountInvolved = 5000m }, _defaults).GradeCode);
    }

    [Theory]
    [InlineData("MINOR")]
    [InlineData("GENERAL")]
    [InlineData("SERIOUS")]
    [InlineData("MAJOR")]
    public void ReportToTheDepartmentHeadWithinTenMinutes(string tier)
    {
        Assert.Equal(Duration.Minutes(10), _policy.Clocks(tier, Sample.Complaint, _defaults).Clock("REPORT").Target);
        Assert.Contains(
            new EscalationStep(EscalationAction.Notify, "DEPARTMENT_HEAD", Duration.Minutes(10)),
            _policy.Escalation(tier, EscalationTrigger.Graded, Sample.Complaint, _defaults));
    }

    [Theory]
    [InlineData("SERIOUS")]
    [InlineData("MAJOR")]
    public void EscalateSeriousAndMajorComplaintsToTheCustomerServiceCentreWithinTenMinutesAtIntake(string tier) =>
        Assert.Contains(
            new EscalationStep(EscalationAction.Escalate, "CS_CENTRE", Duration.Minutes(10)),
            _policy.Escalation(tier, EscalationTrigger.Graded, Sample.Complaint, _defaults));

    [Theory]
    [InlineData("MINOR")]
    [InlineData("GENERAL")]
    public void ReportMinorAndGeneralComplaintsToTheDepartmentHeadOnly(string tier) =>
        Assert.Equal(
            [new EscalationStep(EscalationAction.Notify, "DEPARTMENT_HEAD", Duration.Minutes(10))],
            _policy.Escalation(tier, EscalationTrigger.Graded, Sample.Complaint, _defaults));

    [Theory]
    [InlineData("MINOR")]
    [InlineData("GENERAL")]
    [InlineData("SERIOUS")]
    [InlineData("MAJOR")]
    public void BeOnSiteWithinTenMinutes(string tier) =>
        Assert.Equal(Duration.Minutes(10), _policy.Clocks(tier, Sample.Complaint, _defaults).Clock("ON_SITE").Target);

    // Seed 000: the customer signs the on-site check record (由客户签字确认《现场核查记录》).
    [Theory]
    [InlineData("MINOR")]
    [InlineData("MAJOR")]
    public void CountBeingOnSiteOnceTheCustomerHasSignedTheOnSiteCheckRecord(string tier) =>
        Assert.True(_policy.Clocks(tier, Sample.Complaint, _defaults).Clock("ON_SITE").NeedsCustomerConfirmation);

    [Fact]
    public void CountBeingOnSiteWithoutTheCustomersSignatureWhenTheTenantSaysSo() =>
        Assert.False(_policy.Clocks("SERIOUS", Sample.Complaint, Sample.Tuned(_policy, ("onSiteConfirmedByCustomer", "false"))).Clock("ON_SITE").NeedsCustomerConfirmation);

    [Theory]
    [InlineData("MINOR")]
    [InlineData("GENERAL")]
    public void AskNoWrittenPlanForMinorOrGeneralComplaints(string tier) =>
        Assert.DoesNotContain(_policy.Clocks(tier, Sample.Complaint, _defaults), c => c.Kind == "PLAN");

    [Fact]
    public void PlanASeriousComplaintWithinTwentyFourHours() =>
        Assert.Equal(Duration.Hours(24), _policy.Clocks("SERIOUS", Sample.Complaint, _defaults).Clock("PLAN").Target);

    [Fact]
    public void PlanAMajorComplaintWithinFortyEightHours() =>
        Assert.Equal(Duration.Hours(48), _policy.Clocks("MAJOR", Sample.Complaint, _defaults).Clock("PLAN").Target);

    [Fact]
    public void ResolveAMinorComplaintWithinTwoHours() =>
        Assert.Equal(Duration.Hours(2), _policy.Clocks("MINOR", Sample.Complaint, _defaults).Clock("RESOLVE").Target);

    [Fact]
    public void ResolveAGeneralComplaintWithinTwelveHours() =>
        Assert.Equal(Duration.Hours(12), _policy.Clocks("GENERAL", Sample.Complaint, _defaults).Clock("RESOLVE").Target);

    [Fact]
    public void ResolveASeriousComplaintWithinTwoWorkingDays() =>
        Assert.Equal(Duration.WorkingDays(2), _policy.Clocks("SERIOUS", Sample.Complaint, _defaults).Clock("RESOLVE").Target);

    [Fact]
    public void ResolveAMajorComplaintWithinSevenWorkingDays() =>
        Assert.Equal(Duration.WorkingDays(7), _policy.Clocks("MAJOR", Sample.Complaint, _defaults).Clock("RESOLVE").Target);

    [Fact]
    public void LetTheDepartmentDecideAMinorComplaint() =>
        Assert.Equal(["DEPARTMENT_HEAD"], _policy.Approval("MINOR", Sample.Complaint, _defaults).RequiredRoles);

    [Fact]
    public void HaveTheUnitLeaderApproveAGeneralComplaint() =>
        Assert.Equal(["UNIT_LEADER"], _policy.Approval("GENERAL", Sample.Complaint, _defaults).RequiredRoles);

    // Seed 002: a serious plan goes to the unit leader to review (审核) and to winery leadership to approve (审批); a
    // major one to the unit leader and leadership, leadership deciding.
    [Theory]
    [InlineData("SERIOUS")]
    [InlineData("MAJOR")]
    public void HaveWineryLeadershipApproveASeriousOrMajorPlanTheUnitLeaderReviewed(string tier)
    {
        var rule = _policy.Approval(tier, Sample.Complaint, _defaults);

        Assert.Equal(["WINERY_LEADERSHIP"], rule.RequiredRoles);
        Assert.Equal(["UNIT_LEADER"], rule.ReviewingRoles);
    }

    [Theory]
    [InlineData("MINOR")]
    [InlineData("GENERAL")]
    public void HaveNoReviewOfAMinorOrGeneralPlan(string tier) =>
        Assert.Empty(_policy.Approval(tier, Sample.Complaint, _defaults).ReviewingRoles);

    // Seed 002: "事後客服中心製作分析報告並督查整改情況" for serious and major complaints.
    [Theory]
    [InlineData("MINOR", null)]
    [InlineData("GENERAL", null)]
    [InlineData("SERIOUS", "CS_CENTRE")]
    [InlineData("MAJOR", "CS_CENTRE")]
    public void HaveTheCsCentreWriteAnAnalysisReportAfterASeriousOrMajorComplaint(string tier, string? byRole) =>
        Assert.Equal(byRole, _policy.AnalysisReport(tier, _defaults)?.ByRole);

    [Theory]
    [InlineData("MINOR", new[] { PenaltyTarget.Department, PenaltyTarget.ResponsiblePerson })]
    [InlineData("GENERAL", new[] { PenaltyTarget.Department })]
    [InlineData("SERIOUS", new[] { PenaltyTarget.Department, PenaltyTarget.DepartmentHead, PenaltyTarget.ResponsiblePerson })]
    [InlineData("MAJOR", new[] { PenaltyTarget.Department, PenaltyTarget.DepartmentHead, PenaltyTarget.UnitLeader, PenaltyTarget.ResponsiblePerson })]
    public void DeductFromNobodyElsePerComplaint(string tier, PenaltyTarget[] targets) =>
        Assert.Equal(targets, _policy.Penalties(tier, PenaltyOccasion.ComplaintConfirmed, _defaults).Select(p => p.Target));

    [Fact]
    public void GiveTheDepartmentMinusFiveForAMinorComplaint() =>
        Assert.Equal(5, Deduction("MINOR", PenaltyTarget.Department).Points);

    [Fact]
    public void LetTheDepartmentDeductUpToFiveFromTheResponsiblePersonForAMinorComplaint()
    {
        var rule = Deduction("MINOR", PenaltyTarget.ResponsiblePerson);

        Assert.Equal((5, true, false), (rule.Points, rule.DecidedByDepartment, rule.UpToDismissal));
    }

    [Fact]
    public void GiveTheDepartmentMinusTenForAGeneralComplaint() =>
        Assert.Equal(10, Deduction("GENERAL", PenaltyTarget.Department).Points);

    [Fact]
    public void GiveTheDepartmentMinusTenForASeriousComplaint() =>
        Assert.Equal(10, Deduction("SERIOUS", PenaltyTarget.Department).Points);

    [Fact]
    public void GiveTheDepartmentHeadMinusTenForASeriousComplaint() =>
        Assert.Equal(10, Deduction("SERIOUS", PenaltyTarget.DepartmentHead).Points);

    [Fact]
    public void GiveTheResponsiblePersonMinusFiftyUpToDismissalForASeriousComplaint()
    {
        var rule = Deduction("SERIOUS", PenaltyTarget.ResponsiblePerson);

        Assert.Equal((50, false, true), (rule.Points, rule.DecidedByDepartment, rule.UpToDismissal));
    }

    [Fact]
    public void GiveTheDepartmentMinusTwentyForAMajorComplaint() =>
        Assert.Equal(20, Deduction("MAJOR", PenaltyTarget.Department).Points);

    [Fact]
    public void GiveTheDepartmentHeadMinusFifteenForAMajorComplaint() =>
        Assert.Equal(15, Deduction("MAJOR", PenaltyTarget.DepartmentHead).Points);

    [Fact]
    public void GiveTheUnitLeaderMinusTwentyForAMajorComplaint() =>
        Assert.Equal(20, Deduction("MAJOR", PenaltyTarget.UnitLeader).Points);

    [Fact]
    public void GiveTheResponsiblePersonMinusOneHundredUpToDismissalForAMajorComplaint()
    {
        var rule = Deduction("MAJOR", PenaltyTarget.ResponsiblePerson);

        Assert.Equal((100, false, true), (rule.Points, rule.DecidedByDepartment, rule.UpToDismissal));
    }

    [Theory]
    [InlineData("MINOR")]
    [InlineData("MAJOR")]
    public void GiveTheDepartmentMinusTenForEachMissedTimeLimit(string tier) =>
        Assert.Equal(
            [(PenaltyTarget.Department, 10)],
            _policy.Penalties(tier, PenaltyOccasion.DeadlineMissed, _defaults).Select(p => (p.Target, p.Points)));

    [Theory]
    [InlineData("GENERAL")]
    [InlineData("SERIOUS")]
    public void GiveTheDepartmentMinusTenForEachCallbackTheCustomerIsUnhappyWith(string tier) =>
        Assert.Equal(
            [(PenaltyTarget.Department, 10)],
            _policy.Penalties(tier, PenaltyOccasion.CallbackUnsatisfied, _defaults).Select(p => (p.Target, p.Points)));

    [Fact]
    public void PriceAPointAtTenYuanUnlessTheTenantSaysOtherwise()
    {
        Assert.Contains("(200 yuan)", Deduction("MAJOR", PenaltyTarget.Department).Rule, StringComparison.Ordinal);

        var tuned = _policy.Penalties("MAJOR", PenaltyOccasion.ComplaintConfirmed, Sample.Tuned(_policy, ("yuanPerPoint", "20")));
        Assert.Contains("(400 yuan)", tuned[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void HaveTheCustomerServiceCentreCallTheCustomerBack() =>
        Assert.Equal("CS_CENTRE", _policy.Callback(FeedbackKind.Complaint, Channel.Phone, _defaults).ByRole);

    // Seed 002: the customer-service centre calls back (客服中心负责每月进行客户回访) and scores the departments by it.
    [Fact]
    public void NotLetTheCustomerAnswerTheCallbackSurveyOnline() =>
        Assert.False(_policy.Callback(FeedbackKind.Complaint, Channel.App, _defaults).CustomerMayAnswerOnline);

    private PenaltyRule Deduction(string tier, PenaltyTarget target) =>
        Assert.Single(_policy.Penalties(tier, PenaltyOccasion.ComplaintConfirmed, _defaults), p => p.Target == target);
}
