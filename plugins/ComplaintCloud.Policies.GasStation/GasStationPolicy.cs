using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Policies.GasStation;

/// <summary>
/// Seed 002's gas-station rules: staff → station manager → area office → operations department, each rung
/// settling only what is within its authority and escalating the rest at once, on a clock.
/// </summary>
/// <remarks>
/// The seed grades nothing; it only says who may settle what. So the grade is the rung that must decide:
/// ROUTINE the station manager settles it on the forecourt, ESCALATED the area office must (beyond the manager's
/// authority, or legal or publicity exposure the manager may not speak to), CRITICAL the operations department must
/// (safety incidents, or beyond the area office's authority).
/// </remarks>
public sealed class GasStationPolicy : IComplaintPolicy
{
    private const string Staff = "STATION_STAFF";
    private const string Manager = "STATION_MANAGER";
    private const string AreaOffice = "AREA_OFFICE";
    private const string Operations = "OPERATIONS_DEPARTMENT";

    private const string SafetyIncident = "safety/incident";
    private const string FuelQuality = "fuel/quality";

    private static class Keys
    {
        public const string StaffLimit = "staffCompensationLimit";
        public const string ManagerLimit = "stationManagerCompensationLimit";
        public const string AreaOfficeLimit = "areaOfficeCompensationLimit";
        public const string OperationsLimit = "operationsCompensationLimit";
        public const string EscalationMinutes = "escalationMinutes";
        public const string CriticalReportMinutes = "criticalReportMinutes";
        public const string CriticalOnSiteHours = "criticalOnSiteHours";
        public const string RoutineResolveHours = "routineResolveHours";
        public const string EscalatedPlanHours = "escalatedPlanHours";
        public const string EscalatedResolveWorkingDays = "escalatedResolveWorkingDays";
        public const string CriticalResolveWorkingDays = "criticalResolveWorkingDays";
        public const string CallbackHours = "callbackHours";
    }

    /// <summary>A rung of the chain: its compensation limit and what it may never settle alone.</summary>
    private sealed record Rung(string Role, LocalizedText Name, string LimitKey, string[] MustEscalate);

    // Bottom to top. Nobody at the station touches fuel quality or safety; the area office still hands safety up.
    private static readonly Rung[] Chain =
    [
        new(Staff, new("Station staff", "加油站员工"), Keys.StaffLimit, [SafetyIncident, FuelQuality]),
        new(Manager, new("Station manager", "站长"), Keys.ManagerLimit, [SafetyIncident, FuelQuality]),
        new(AreaOffice, new("Area office", "片区"), Keys.AreaOfficeLimit, [SafetyIncident]),
        new(Operations, new("Operations department", "经营部"), Keys.OperationsLimit, []),
    ];

    // The grade each deciding rung stands for; staff never decide alone.
    private static readonly (string Code, LocalizedText Name, string Decider)[] Grades =
    [
        ("ROUTINE", new("Routine (station settles)", "一般（站内处理）"), Manager),
        ("ESCALATED", new("Escalated (area office)", "上报（片区处理）"), AreaOffice),
        ("CRITICAL", new("Critical (operations department)", "重大（经营部处理）"), Operations),
    ];

    public PolicyDescriptor Descriptor { get; } = new(
        "gas-station",
        "1.0.0",
        new("Gas station (manager escalation)", "加油站（站长逐级上报）"),
        [.. Grades.Select((grade, index) => new GradeDescriptor(grade.Code, grade.Name, index + 1))],
        [.. Chain.Select(rung => new RoleDescriptor(rung.Role, rung.Name))],
        [
            FuelQuality, "fuel/quantity", "service/attitude", "service/waiting", "payment/refund",
            "payment/invoice", "payment/card", "facility/equipment", "store/goods", SafetyIncident,
        ],
        [
            new(Keys.StaffLimit, new("Compensation station staff may promise", "加油站员工可承诺的补偿额度"), SettingKind.Number, "0", 0, 100_000_000),
            new(Keys.ManagerLimit, new("Compensation a station manager may promise", "站长可承诺的补偿额度"), SettingKind.Number, "500", 0, 100_000_000),
            new(Keys.AreaOfficeLimit, new("Compensation the area office may approve", "片区可审批的补偿额度"), SettingKind.Number, "5000", 0, 100_000_000),
            new(Keys.OperationsLimit, new("Compensation the operations department may approve", "经营部可审批的补偿额度"), SettingKind.Number, "50000", 0, 100_000_000),
            new(Keys.EscalationMinutes, new("Hand a complaint beyond the station's authority up within (minutes)", "超出权限的投诉上报时限（分钟）"), SettingKind.WholeNumber, "30", 1, 240),
            new(Keys.CriticalReportMinutes, new("Report a critical complaint to the operations department within (minutes)", "重大投诉上报经营部时限（分钟）"), SettingKind.WholeNumber, "10", 1, 120),
            new(Keys.CriticalOnSiteHours, new("Area office on site for a critical complaint within (hours)", "重大投诉片区到场时限（小时）"), SettingKind.WholeNumber, "2", 1, 48),
            new(Keys.RoutineResolveHours, new("Station resolves a routine complaint within (hours)", "站内投诉处理时限（小时）"), SettingKind.WholeNumber, "24", 1, 168),
            new(Keys.EscalatedPlanHours, new("Area office plan for an escalated complaint within (hours)", "片区制定处理方案时限（小时）"), SettingKind.WholeNumber, "24", 1, 336),
            new(Keys.EscalatedResolveWorkingDays, new("Resolve an escalated complaint within (working days)", "上报投诉处理时限（工作日）"), SettingKind.WholeNumber, "3", 1, 60),
            new(Keys.CriticalResolveWorkingDays, new("Resolve a critical complaint within (working days)", "重大投诉处理时限（工作日）"), SettingKind.WholeNumber, "5", 1, 60),
            new(Keys.CallbackHours, new("Call the customer back within (hours)", "回访时限（小时）"), SettingKind.WholeNumber, "48", 1, 336),
        ])
    {
        CategoryNames = new Dictionary<string, LocalizedText>
        {
            ["fuel"] = new("Fuel", "油品"),
            ["fuel/quality"] = new("Fuel quality", "油品质量"),
            ["fuel/quantity"] = new("Short measure", "加油数量不足"),
            ["service"] = new("Service", "服务"),
            ["service/attitude"] = new("Staff attitude", "服务态度"),
            ["service/waiting"] = new("Waiting time", "排队等候"),
            ["payment"] = new("Payment", "支付"),
            ["payment/refund"] = new("Refund", "退款"),
            ["payment/invoice"] = new("Invoice", "发票"),
            ["payment/card"] = new("Fuel card", "加油卡"),
            ["facility"] = new("Facilities", "设施"),
            ["facility/equipment"] = new("Equipment", "设备故障"),
            ["store"] = new("Convenience store", "便利店"),
            ["store/goods"] = new("Goods", "商品"),
            ["safety"] = new("Safety", "安全"),
            ["safety/incident"] = new("Safety incident", "安全事故"),
        },
    };

    public GradeDecision Grade(ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);

        // Climb from the station manager to the first rung that may settle the complaint alone;
        // the operations department, at the top, settles whatever reaches it.
        // Reasons joined as they come, without a list: grading runs for every complaint taken in.
        string? reasons = null;
        for (var grade = 0; grade < Grades.Length - 1; grade++)
        {
            var why = WhyBeyond(Chain[RungIndex(Grades[grade].Decider)], facts, settings);
            if (why is null)
            {
                return new(Grades[grade].Code, reasons ?? "Within the station manager's authority / 站长权限范围内");
            }

            reasons = reasons is null ? why : reasons + "; " + why;
        }

        return new(Grades[^1].Code, reasons!);
    }

    public IReadOnlyList<ClockRule> Clocks(string gradeCode, ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var callback = new ClockRule("CALLBACK", Duration.Hours(settings.WholeNumber(Keys.CallbackHours)), ClockStart.Resolved);
        return GradeIndex(gradeCode) switch
        {
            0 => [new("RESOLVE", Duration.Hours(settings.WholeNumber(Keys.RoutineResolveHours)), ClockStart.Received), callback],
            // The hand-over itself is timed: the station may not sit on what it cannot settle.
            1 =>
            [
                new("REPORT", Duration.Minutes(settings.WholeNumber(Keys.EscalationMinutes)), ClockStart.Received),
                new("PLAN", Duration.Hours(settings.WholeNumber(Keys.EscalatedPlanHours)), ClockStart.Received),
                // Fuel samples and third parties take time the customer may hold up.
                new("RESOLVE", Duration.WorkingDays(settings.WholeNumber(Keys.EscalatedResolveWorkingDays)), ClockStart.Received, PausesWhileWaitingOnCustomer: true),
                callback,
            ],
            _ =>
            [
                new("REPORT", Duration.Minutes(settings.WholeNumber(Keys.CriticalReportMinutes)), ClockStart.Received),
                new("ON_SITE", Duration.Hours(settings.WholeNumber(Keys.CriticalOnSiteHours)), ClockStart.Received),
                new("RESOLVE", Duration.WorkingDays(settings.WholeNumber(Keys.CriticalResolveWorkingDays)), ClockStart.Received, PausesWhileWaitingOnCustomer: true),
                callback,
            ],
        };
    }

    public ApprovalRule Approval(string gradeCode, ComplaintFacts facts, PolicySettings settings) =>
        new([Grades[GradeIndex(gradeCode)].Decider]);

    public RoleAuthority Authority(string roleCode, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var index = RungIndex(roleCode);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(roleCode), roleCode, "Not a role of the gas-station policy.");
        }

        var rung = Chain[index];
        return new(rung.Role, settings.Number(rung.LimitKey), index + 1 < Chain.Length ? Chain[index + 1].Role : null, rung.MustEscalate);
    }

    public IReadOnlyList<EscalationStep> Escalation(string gradeCode, EscalationTrigger trigger, ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var grade = GradeIndex(gradeCode);
        var decider = Grades[grade].Decider;
        var above = Authority(decider, settings).EscalatesTo;
        var within = Duration.Minutes(settings.WholeNumber(grade == Grades.Length - 1 ? Keys.CriticalReportMinutes : Keys.EscalationMinutes));

        return trigger switch
        {
            // At grading the complaint leaves the station at once: rungs passed over are told, the decider takes it.
            EscalationTrigger.Graded when grade == 0 => [],
            EscalationTrigger.Graded =>
            [
                .. Grades.Take(grade).Skip(1).Select(g => new EscalationStep(EscalationAction.Notify, g.Decider, within)),
                new(EscalationAction.Reassign, decider, within),
            ],
            EscalationTrigger.ClockWarning => [new(EscalationAction.Notify, decider)],
            // A missed time limit takes the complaint one rung up, itself on the clock.
            EscalationTrigger.ClockBreached => [new(EscalationAction.Escalate, above ?? decider, within)],
            // Beyond the decider's authority: hand it one rung up, which is one grade up.
            EscalationTrigger.AuthorityExceeded => above is null
                ? [new(EscalationAction.Notify, decider)]
                : [new(EscalationAction.RaiseGrade, above), new(EscalationAction.Reassign, above, within)],
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }

    // The seed keeps no points ledger for stations.
    public IReadOnlyList<PenaltyRule> Penalties(string gradeCode, PenaltyOccasion occasion, PolicySettings settings) => [];

    // Complaints come in on a public supervision hotline: someone above the station checks how it was handled, by
    // phone, so the customer does not answer the survey online (CustomerMayAnswerOnline stays false).
    public CallbackRule Callback(FeedbackKind kind, Channel channel, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var within = Duration.Hours(settings.WholeNumber(Keys.CallbackHours));
        return kind == FeedbackKind.Complaint
            ? new(within, AreaOffice, MustNotHaveHandled: true)
            : new(within, Manager, MustNotHaveHandled: false);
    }

    // Null when the rung may settle the complaint alone, else why not.
    private static string? WhyBeyond(Rung rung, ComplaintFacts facts, PolicySettings settings)
    {
        if (facts.SafetyRisk && rung.MustEscalate.Contains(SafetyIncident))
        {
            return $"safety incident, beyond {rung.Name.En} / 安全事件，超出{rung.Name.Zh}权限";
        }

        if (AlwaysEscalates(rung, facts.Category))
        {
            return $"{facts.Category} always goes above {rung.Name.En} / {facts.Category}须上报，超出{rung.Name.Zh}权限";
        }

        if ((facts.AmountInvolved ?? 0m) > settings.Number(rung.LimitKey))
        {
            return $"amount beyond {rung.Name.En}'s authority / 金额超出{rung.Name.Zh}权限";
        }

        // A station manager must not speak for the company in a legal or public matter.
        return (facts.LegalRisk || facts.PublicityRisk) && rung.Role == Manager
            ? "legal or publicity exposure / 涉及法律或舆情"
            : null;
    }

    // Loops rather than Array.FindIndex with a lambda, which would allocate a closure on every complaint.
    private static int GradeIndex(string gradeCode)
    {
        for (var i = 0; i < Grades.Length; i++)
        {
            if (Grades[i].Code == gradeCode)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(gradeCode), gradeCode, "Not a grade of the gas-station policy.");
    }

    private static bool AlwaysEscalates(Rung rung, string category)
    {
        foreach (var always in rung.MustEscalate)
        {
            if (CategoryPath.IsWithin(category, always))
            {
                return true;
            }
        }

        return false;
    }

    private static int RungIndex(string roleCode)
    {
        for (var i = 0; i < Chain.Length; i++)
        {
            if (Chain[i].Role == roleCode)
            {
                return i;
            }
        }

        return -1;
    }
}
