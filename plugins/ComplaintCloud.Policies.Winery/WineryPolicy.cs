using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Policies.Winery;

/// <summary>
/// Seed 002's winery rules: four tiers set by the amount involved and the scope of impact, ten-minute reporting
/// and on-site duties, plans and deadlines per tier, and a points ledger kept by the customer-service centre.
/// </summary>
public sealed class WineryPolicy : IComplaintPolicy
{
    private const string DepartmentHead = "DEPARTMENT_HEAD";
    private const string UnitLeader = "UNIT_LEADER";
    private const string CsCentre = "CS_CENTRE";
    private const string Leadership = "WINERY_LEADERSHIP";

    private const string SafetyCategory = "safety/incident";

    // Points the customer-service centre deducts from a department per missed time limit or unhappy callback.
    private const int PerOccurrencePoints = 10;

    private static class Keys
    {
        public const string GeneralAmount = "generalAmountThreshold";
        public const string SeriousAmount = "seriousAmountThreshold";
        public const string MajorAmount = "majorAmountThreshold";
        public const string ManyCustomers = "manyCustomersThreshold";
        public const string ReportMinutes = "reportMinutes";
        public const string OnSiteMinutes = "onSiteMinutes";
        public const string OnSiteConfirmedByCustomer = "onSiteConfirmedByCustomer";
        public const string SeriousPlanHours = "seriousPlanHours";
        public const string MajorPlanHours = "majorPlanHours";
        public const string MinorResolveHours = "minorResolveHours";
        public const string GeneralResolveHours = "generalResolveHours";
        public const string SeriousResolveWorkingDays = "seriousResolveWorkingDays";
        public const string MajorResolveWorkingDays = "majorResolveWorkingDays";
        public const string CallbackWorkingDays = "callbackWorkingDays";
        public const string YuanPerPoint = "yuanPerPoint";
    }

    /// <summary>A per-complaint deduction of seed 002 §5.5 and §5.2–5.4.</summary>
    private sealed record Deduction(PenaltyTarget Target, int Points, bool DecidedByDepartment = false, bool UpToDismissal = false);

    /// <summary>One row of seed 002's table: what a tier's complaint must go through.</summary>
    private sealed record Tier(
        string Code,
        LocalizedText Name,
        string? PlanHoursKey,
        Func<PolicySettings, Duration> Resolve,
        string[] Reviewers,
        string[] Deciders,
        string[] ReportedTo,
        Deduction[] PerComplaint,
        bool AnalysedAfterwards = false);

    private static readonly Tier[] Tiers =
    [
        new("MINOR", new("Minor", "轻微"), null,
            s => Duration.Hours(s.WholeNumber(Keys.MinorResolveHours)),
            [],
            [DepartmentHead],
            [DepartmentHead],
            [new(PenaltyTarget.Department, 5), new(PenaltyTarget.ResponsiblePerson, 5, DecidedByDepartment: true)]),
        new("GENERAL", new("General", "一般"), null,
            s => Duration.Hours(s.WholeNumber(Keys.GeneralResolveHours)),
            [],
            [UnitLeader],
            [DepartmentHead],
            [new(PenaltyTarget.Department, 10)]),
        // The unit leader reviews the plan (审核), winery leadership approves it (审批); the CS centre co-handles and audits the fix.
        new("SERIOUS", new("Serious", "特大"), Keys.SeriousPlanHours,
            s => Duration.WorkingDays(s.WholeNumber(Keys.SeriousResolveWorkingDays)),
            [UnitLeader],
            [Leadership],
            [DepartmentHead, CsCentre, UnitLeader],
            [
                new(PenaltyTarget.Department, 10),
                new(PenaltyTarget.DepartmentHead, 10),
                new(PenaltyTarget.ResponsiblePerson, 50, UpToDismissal: true),
            ],
            AnalysedAfterwards: true),
        // The plan goes to the unit leader and winery leadership; leadership alone decides.
        new("MAJOR", new("Major", "重大"), Keys.MajorPlanHours,
            s => Duration.WorkingDays(s.WholeNumber(Keys.MajorResolveWorkingDays)),
            [UnitLeader],
            [Leadership],
            [DepartmentHead, CsCentre, UnitLeader, Leadership],
            [
                new(PenaltyTarget.Department, 20),
                new(PenaltyTarget.DepartmentHead, 15),
                new(PenaltyTarget.UnitLeader, 20),
                new(PenaltyTarget.ResponsiblePerson, 100, UpToDismissal: true),
            ],
            AnalysedAfterwards: true),
    ];

    private static readonly Dictionary<PenaltyTarget, LocalizedText> TargetNames = new()
    {
        [PenaltyTarget.Department] = new("department", "部门"),
        [PenaltyTarget.DepartmentHead] = new("department head", "部门负责人"),
        [PenaltyTarget.UnitLeader] = new("unit leader", "单位分管领导"),
        [PenaltyTarget.ResponsiblePerson] = new("responsible person", "直接责任人"),
    };

    public PolicyDescriptor Descriptor { get; } = new(
        "winery",
        "1.0.0",
        new("Winery (four tiers, points ledger)", "酒厂（四级，扣分制）"),
        [.. Tiers.Select((tier, index) => new GradeDescriptor(tier.Code, tier.Name, index + 1))],
        [
            new(DepartmentHead, new("Department head", "部门负责人")),
            new(UnitLeader, new("Unit leader in charge", "单位分管领导")),
            new(CsCentre, new("Customer-service centre", "客服中心")),
            new(Leadership, new("Winery leadership", "酒庄领导")),
        ],
        [
            "product/quality", "product/packaging", "service/attitude", "service/reception",
            "finance/billing", "sales/follow-up", SafetyCategory,
        ],
        [
            new(Keys.GeneralAmount, new("Amount from which a complaint is general (yuan)", "一般投诉起点金额（元）"), SettingKind.Number, "500", 0, 100_000_000),
            new(Keys.SeriousAmount, new("Amount from which a complaint is serious (yuan)", "特大投诉起点金额（元）"), SettingKind.Number, "5000", 0, 100_000_000),
            new(Keys.MajorAmount, new("Amount from which a complaint is major (yuan)", "重大投诉起点金额（元）"), SettingKind.Number, "20000", 0, 100_000_000),
            new(Keys.ManyCustomers, new("Customers affected that raise the tier by one", "影响客户数达到即升一级"), SettingKind.WholeNumber, "5", 2, 100_000),
            new(Keys.ReportMinutes, new("Report to the department head (and CS centre) within (minutes)", "上报部门负责人（及客服中心）时限（分钟）"), SettingKind.WholeNumber, "10", 1, 120),
            new(Keys.OnSiteMinutes, new("Be on site with the customer within (minutes)", "赶至事发地点时限（分钟）"), SettingKind.WholeNumber, "10", 1, 120),
            // Seed 000: the customer signs the on-site check record (由客户签字确认《现场核查记录》).
            new(Keys.OnSiteConfirmedByCustomer, new("Being on site counts once the customer has signed the on-site check record", "现场核查记录经客户签字确认后方算到场"), SettingKind.Boolean, "true"),
            new(Keys.SeriousPlanHours, new("Plan for a serious complaint within (hours)", "特大投诉制定方案时限（小时）"), SettingKind.WholeNumber, "24", 1, 336),
            new(Keys.MajorPlanHours, new("Plan for a major complaint within (hours)", "重大投诉制定方案时限（小时）"), SettingKind.WholeNumber, "48", 1, 336),
            new(Keys.MinorResolveHours, new("Resolve a minor complaint within (hours)", "轻微投诉处理时限（小时）"), SettingKind.WholeNumber, "2", 1, 168),
            new(Keys.GeneralResolveHours, new("Resolve a general complaint within (hours)", "一般投诉处理时限（小时）"), SettingKind.WholeNumber, "12", 1, 168),
            new(Keys.SeriousResolveWorkingDays, new("Resolve a serious complaint within (working days)", "特大投诉处理时限（工作日）"), SettingKind.WholeNumber, "2", 1, 60),
            new(Keys.MajorResolveWorkingDays, new("Resolve a major complaint within (working days)", "重大投诉处理时限（工作日）"), SettingKind.WholeNumber, "7", 1, 60),
            // Seed 002 has the CS centre call customers back monthly: about 22 working days.
            new(Keys.CallbackWorkingDays, new("CS centre calls the customer back within (working days)", "客服中心回访时限（工作日）"), SettingKind.WholeNumber, "22", 1, 60),
            new(Keys.YuanPerPoint, new("Yuan per penalty point", "每分对应金额（元）"), SettingKind.Number, "10", 0, 100_000),
        ])
    {
        CategoryNames = new Dictionary<string, LocalizedText>
        {
            ["product"] = new("Product", "产品"),
            ["product/quality"] = new("Wine quality", "产品质量"),
            ["product/packaging"] = new("Packaging", "包装"),
            ["service"] = new("Service", "服务"),
            ["service/attitude"] = new("Staff attitude", "服务态度"),
            ["service/reception"] = new("Reception and tours", "接待参观"),
            ["finance"] = new("Finance", "财务"),
            ["finance/billing"] = new("Billing", "结算开票"),
            ["sales"] = new("Sales", "销售"),
            ["sales/follow-up"] = new("Sales follow-up", "销售跟进"),
            ["safety"] = new("Safety", "安全"),
            ["safety/incident"] = new("Safety incident", "安全事故"),
        },
    };

    public GradeDecision Grade(ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);

        // Highest threshold first, so a tenant's thresholds never have to be in order for grading to be defined.
        var amount = facts.AmountInvolved ?? 0m;
        var tier = amount >= settings.Number(Keys.MajorAmount) ? 3
            : amount >= settings.Number(Keys.SeriousAmount) ? 2
            : amount >= settings.Number(Keys.GeneralAmount) ? 1
            : 0;
        // Reasons joined as they come, without a list: grading runs for every complaint taken in.
        var amountText = amount.ToString(CultureInfo.InvariantCulture);
        var reasons = $"Amount {amountText} / 涉及金额 {amountText}";

        // Safety, legal or publicity exposure needs the CS centre and winery leadership: at least serious.
        var isSafety = facts.SafetyRisk || CategoryPath.IsWithin(facts.Category, SafetyCategory);
        if ((isSafety || facts.LegalRisk || facts.PublicityRisk) && tier < 2)
        {
            tier = 2;
            reasons += "; safety, legal or publicity impact / 涉及安全、法律或舆情影响";
        }

        // A wide scope of impact raises the tier by one.
        if (facts.AffectedCustomers >= settings.WholeNumber(Keys.ManyCustomers) && tier < Tiers.Length - 1)
        {
            tier++;
            reasons += "; many customers affected / 影响客户众多";
        }

        return new(Tiers[tier].Code, reasons);
    }

    public IReadOnlyList<ClockRule> Clocks(string gradeCode, ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var tier = Find(gradeCode);

        // The seed's limits are firm (a missed one costs points), so no clock pauses for the customer.
        var clocks = new List<ClockRule>(capacity: 5)
        {
            new("REPORT", Duration.Minutes(settings.WholeNumber(Keys.ReportMinutes)), ClockStart.Received),
            new("ON_SITE", Duration.Minutes(settings.WholeNumber(Keys.OnSiteMinutes)), ClockStart.Received)
            {
                NeedsCustomerConfirmation = settings.Flag(Keys.OnSiteConfirmedByCustomer),
            },
        };
        if (tier.PlanHoursKey is not null)
        {
            clocks.Add(new("PLAN", Duration.Hours(settings.WholeNumber(tier.PlanHoursKey)), ClockStart.Received));
        }

        clocks.Add(new("RESOLVE", tier.Resolve(settings), ClockStart.Received));
        clocks.Add(new("CALLBACK", Callback(facts.Kind, facts.Channel, settings).Within, ClockStart.Resolved));
        return clocks;
    }

    public ApprovalRule Approval(string gradeCode, ComplaintFacts facts, PolicySettings settings)
    {
        var tier = Find(gradeCode);
        return new(tier.Deciders) { ReviewingRoles = tier.Reviewers };
    }

    // Seed 002: after a serious or major complaint the CS centre writes an analysis report and audits the fix.
    public AnalysisReportRule? AnalysisReport(string gradeCode, PolicySettings settings) =>
        Find(gradeCode).AnalysedAfterwards ? new(CsCentre) : null;

    public RoleAuthority Authority(string roleCode, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // A role may settle what stays below the tier it may not decide: the department head minor amounts,
        // the unit leader general ones. Safety incidents are never settled below winery leadership.
        return roleCode switch
        {
            DepartmentHead => new(roleCode, settings.Number(Keys.GeneralAmount), UnitLeader, [SafetyCategory]),
            UnitLeader => new(roleCode, settings.Number(Keys.SeriousAmount), Leadership, [SafetyCategory]),
            CsCentre => new(roleCode, 0m, Leadership, [SafetyCategory]),
            Leadership => new(roleCode, decimal.MaxValue, null, []),
            _ => throw new ArgumentOutOfRangeException(nameof(roleCode), roleCode, "Not a role of the winery policy."),
        };
    }

    public IReadOnlyList<EscalationStep> Escalation(string gradeCode, EscalationTrigger trigger, ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tier = Find(gradeCode);
        var index = Array.IndexOf(Tiers, tier);
        var topDecider = tier.Deciders[^1];

        return trigger switch
        {
            // The ten-minute report is itself clocked; the leaders above only need to know. A serious or major
            // complaint is escalated to the customer-service centre, which co-handles it and audits the fix.
            EscalationTrigger.Graded =>
            [
                .. tier.ReportedTo.Select(role => new EscalationStep(
                    role == CsCentre ? EscalationAction.Escalate : EscalationAction.Notify,
                    role,
                    IsFrontLine(role) ? Duration.Minutes(settings.WholeNumber(Keys.ReportMinutes)) : null)),
            ],
            EscalationTrigger.ClockWarning => [.. tier.ReportedTo.Where(IsFrontLine).Select(role => new EscalationStep(EscalationAction.Notify, role))],
            // The CS centre books the deduction and the complaint goes up to the decider's superior.
            EscalationTrigger.ClockBreached =>
            [
                new(EscalationAction.Notify, CsCentre),
                new(EscalationAction.Escalate, Authority(topDecider, settings).EscalatesTo ?? topDecider),
            ],
            // Tiers are set by the amount, so compensation beyond the deciders' authority is the next tier's business.
            EscalationTrigger.AuthorityExceeded => index < Tiers.Length - 1
                ? [new(EscalationAction.RaiseGrade, Tiers[index + 1].Deciders[^1])]
                : [new(EscalationAction.Notify, Leadership)],
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }

    public IReadOnlyList<PenaltyRule> Penalties(string gradeCode, PenaltyOccasion occasion, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tier = Find(gradeCode);
        var yuanPerPoint = settings.Number(Keys.YuanPerPoint);

        // The ledger line in both languages, with the points' worth in yuan at the tenant's rate.
        string Describe(Deduction d, LocalizedText what)
        {
            var target = TargetNames[d.Target];
            var yuan = (d.Points * yuanPerPoint).ToString("0.##", CultureInfo.InvariantCulture);
            var en = $"{what.En}: {target.En} −{d.Points} points ({yuan} yuan)"
                + (d.DecidedByDepartment ? " at most, as the department decides" : "")
                + (d.UpToDismissal ? ", up to dismissal" : "");
            var zh = $"{what.Zh}：{target.Zh}扣{d.Points}分" + (d.DecidedByDepartment ? "以下（部门决定）" : "") + (d.UpToDismissal ? "，直至解聘" : "");
            return $"{en} / {zh}";
        }

        return occasion switch
        {
            PenaltyOccasion.ComplaintConfirmed =>
            [
                .. tier.PerComplaint.Select(d => new PenaltyRule(
                    d.Target, d.Points, Describe(d, new($"{tier.Name.En} complaint", $"{tier.Name.Zh}投诉")), d.DecidedByDepartment, d.UpToDismissal)),
            ],
            PenaltyOccasion.DeadlineMissed =>
            [
                new(PenaltyTarget.Department, PerOccurrencePoints,
                    Describe(new(PenaltyTarget.Department, PerOccurrencePoints), new("Time limit missed", "未在规定时间内完成"))),
            ],
            PenaltyOccasion.CallbackUnsatisfied =>
            [
                new(PenaltyTarget.Department, PerOccurrencePoints,
                    Describe(new(PenaltyTarget.Department, PerOccurrencePoints), new("Customer unhappy on callback", "回访处理不满意"))),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(occasion), occasion, null),
        };
    }

    // The CS centre calls every kind of feedback back in its monthly round (客服中心负责每月进行客户回访, helped by the sales
    // managers); it may have co-handled serious ones. Its findings score the departments, so the customer does not
    // answer it online on their own: CustomerMayAnswerOnline stays false.
    public CallbackRule Callback(FeedbackKind kind, Channel channel, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(Duration.WorkingDays(settings.WholeNumber(Keys.CallbackWorkingDays)), CsCentre, MustNotHaveHandled: false);
    }

    // The roles who must be with the customer within minutes; the leaders above them decide.
    private static bool IsFrontLine(string role) => role is DepartmentHead or CsCentre;

    // A loop rather than Array.Find with a lambda, which would allocate a closure on every complaint.
    private static Tier Find(string gradeCode)
    {
        foreach (var tier in Tiers)
        {
            if (tier.Code == gradeCode)
            {
                return tier;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(gradeCode), gradeCode, "Not a tier of the winery policy.");
    }
}
