using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Policies.GasStation;

namespace ComplaintCloud.Policies.Tests;

/// <summary>SPEC §3c (seed 002, the gas station), one rule per test.</summary>
public sealed class GasStationPolicyShould
{
    private readonly GasStationPolicy _policy = new();
    private readonly PolicySettings _defaults;

    public GasStationPolicyShould() => _defaults = PolicySettings.Defaults(_policy.Descriptor);

    [Fact]
    public void ClimbFromStationStaffToTheOperationsDepartment()
    {
        string[] chain = ["STATION_STAFF", "STATION_MANAGER", "AREA_OFFICE", "OPERATIONS_DEPARTMENT"];

        Assert.Equal(
            [.. chain.Skip(1), null],
            chain.Select(role => _policy.Authority(role, _defaults).EscalatesTo));
    }

    // The station manager may promise up to 500 and the area office up to 5000 by default; beyond goes one rung up.
    [Theory]
    [InlineData("500", "ROUTINE", "STATION_MANAGER")]
    [InlineData("500.01", "ESCALATED", "AREA_OFFICE")]
    [InlineData("5000", "ESCALATED", "AREA_OFFICE")]
    [InlineData("5000.01", "CRITICAL", "OPERATIONS_DEPARTMENT")]
    public void SendAnAmountToTheFirstRungWithTheAuthorityToSettleIt(string amount, string grade, string approver)
    {
        var facts = Sample.Complaint with { Category = "payment/refund", AmountInvolved = decimal.Parse(amount, CultureInfo.InvariantCulture) };

        Assert.Equal(grade, _policy.Grade(facts, _defaults).GradeCode);
        Assert.Equal([approver], _policy.Approval(grade, facts, _defaults).RequiredRoles);
    }

    [Fact]
    public void TakeEachRolesAuthorityFromTheTenantsSettings()
    {
        var settings = Sample.Tuned(_policy, ("stationManagerCompensationLimit", "1000"));

        Assert.Equal(1000m, _policy.Authority("STATION_MANAGER", settings).CompensationLimit);
        Assert.Equal("ROUTINE", _policy.Grade(Sample.Complaint with { AmountInvolved = 800m }, settings).GradeCode);
    }

    [Fact]
    public void AlwaysSendASafetyIncidentToTheOperationsDepartment()
    {
        Assert.Equal("CRITICAL", _policy.Grade(Sample.Complaint with { SafetyRisk = true }, _defaults).GradeCode);
        Assert.Equal("CRITICAL", _policy.Grade(Sample.Complaint with { Category = "safety/incident" }, _defaults).GradeCode);
    }

    [Fact]
    public void AlwaysSendAFuelQualityDisputeAboveTheStation() =>
        Assert.Equal("ESCALATED", _policy.Grade(Sample.Complaint with { Category = "fuel/quality", AmountInvolved = 0m }, _defaults).GradeCode);

    [Theory]
    [InlineData("fuel/quality/octane", "ESCALATED")]
    [InlineData("safety/incident/fire", "CRITICAL")]
    [InlineData("product/fuel-quality", "ROUTINE")]
    [InlineData("fuel/quality-check", "ROUTINE")]
    public void HoldItsCategoryRulesForTheSubcategoriesATenantAddsBelowThem(string category, string grade) =>
        Assert.Equal(grade, _policy.Grade(Sample.Complaint with { Category = category, AmountInvolved = 0m }, _defaults).GradeCode);

    [Theory]
    [InlineData("STATION_STAFF")]
    [InlineData("STATION_MANAGER")]
    public void NeverLetTheStationSettleSafetyOrFuelQualityAlone(string role) =>
        Assert.Equal(["safety/incident", "fuel/quality"], _policy.Authority(role, _defaults).MustEscalateCategories);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void NotLetTheStationManagerSpeakForTheCompanyInALegalOrPublicMatter(bool legal, bool publicity) =>
        Assert.Equal("ESCALATED", _policy.Grade(Sample.Complaint with { LegalRisk = legal, PublicityRisk = publicity }, _defaults).GradeCode);

    [Fact]
    public void TimeTheHandOverToTheAreaOffice()
    {
        Assert.Equal(
            [new EscalationStep(EscalationAction.Reassign, "AREA_OFFICE", Duration.Minutes(30))],
            _policy.Escalation("ESCALATED", EscalationTrigger.Graded, Sample.Complaint, _defaults));
        Assert.Equal(Duration.Minutes(30), _policy.Clocks("ESCALATED", Sample.Complaint, _defaults).Clock("REPORT").Target);
    }

    [Fact]
    public void ReportACriticalComplaintThroughTheAreaOfficeToTheOperationsDepartmentWithinTenMinutes()
    {
        Assert.Equal(
            [
                new EscalationStep(EscalationAction.Notify, "AREA_OFFICE", Duration.Minutes(10)),
                new EscalationStep(EscalationAction.Reassign, "OPERATIONS_DEPARTMENT", Duration.Minutes(10)),
            ],
            _policy.Escalation("CRITICAL", EscalationTrigger.Graded, Sample.Complaint, _defaults));
        Assert.Equal(Duration.Minutes(10), _policy.Clocks("CRITICAL", Sample.Complaint, _defaults).Clock("REPORT").Target);
    }

    [Theory]
    [InlineData("ROUTINE", "AREA_OFFICE", 30)]
    [InlineData("ESCALATED", "OPERATIONS_DEPARTMENT", 30)]
    [InlineData("CRITICAL", "OPERATIONS_DEPARTMENT", 10)]
    public void EscalateABreachedComplaintOneRungUpOnTheClock(string grade, string escalatedTo, int minutes) =>
        Assert.Equal(
            [new EscalationStep(EscalationAction.Escalate, escalatedTo, Duration.Minutes(minutes))],
            _policy.Escalation(grade, EscalationTrigger.ClockBreached, Sample.Complaint, _defaults));

    [Fact]
    public void KeepARoutineComplaintAtTheStation() =>
        Assert.Empty(_policy.Escalation("ROUTINE", EscalationTrigger.Graded, Sample.Complaint, _defaults));

    [Fact]
    public void HandAComplaintBeyondTheDecidersAuthorityOneRungUpAtOnce() =>
        Assert.Equal(
            [
                new EscalationStep(EscalationAction.RaiseGrade, "AREA_OFFICE"),
                new EscalationStep(EscalationAction.Reassign, "AREA_OFFICE", Duration.Minutes(30)),
            ],
            _policy.Escalation("ROUTINE", EscalationTrigger.AuthorityExceeded, Sample.Complaint, _defaults));

    [Fact]
    public void HaveTheAreaOfficeCheckTheHandlingOfAComplaintOnCallback() =>
        Assert.Equal(new CallbackRule(Duration.Hours(48), "AREA_OFFICE", true), _policy.Callback(FeedbackKind.Complaint, Channel.Phone, _defaults));

    // Seed 002: the station's complaints come in on a supervision hotline, and someone above the station calls back.
    [Fact]
    public void NotLetTheCustomerAnswerTheCallbackSurveyOnline() =>
        Assert.False(_policy.Callback(FeedbackKind.Complaint, Channel.App, _defaults).CustomerMayAnswerOnline);

    [Theory]
    [InlineData(PenaltyOccasion.ComplaintConfirmed)]
    [InlineData(PenaltyOccasion.DeadlineMissed)]
    public void BookNoPenaltyPoints(PenaltyOccasion occasion) =>
        Assert.Empty(_policy.Penalties("CRITICAL", occasion, _defaults));
}
