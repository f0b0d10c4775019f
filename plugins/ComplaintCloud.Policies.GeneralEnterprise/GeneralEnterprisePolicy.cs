using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Policies.GeneralEnterprise;

/// <summary>
/// Seed 000's three grades (normal / urgent / major), graded on risk, reach and the customer's mood,
/// with approvers climbing from the CS supervisor to the vice-president, legal and PR together. No points ledger.
/// </summary>
public sealed class GeneralEnterprisePolicy : IComplaintPolicy
{
    private const string Normal = "NORMAL";
    private const string Urgent = "URGENT";
    private const string Major = "MAJOR";

    private const string CsAgent = "CS_AGENT";
    private const string CsSupervisor = "CS_SUPERVISOR";
    private const string DepartmentHead = "DEPARTMENT_HEAD";
    private const string AfterSalesManager = "AFTER_SALES_MANAGER";
    private const string Vp = "VP";
    private const string Legal = "LEGAL";
    private const string Pr = "PR";

    private const string CoreFunctionAffected = "coreFunctionAffected";

    private static class Keys
    {
        public const string UrgentAffectedCustomers = "urgentAffectedCustomers";
        public const string AcknowledgeMinutes = "acknowledgeMinutes";
        public const string AutomaticAcknowledgementCounts = "automaticAcknowledgementCounts";
        public const string UrgentContactMinutes = "urgentContactMinutes";
        public const string NormalResolveWorkingDays = "normalResolveWorkingDays";
        public const string UrgentPlanHours = "urgentPlanHours";
        public const string MajorResponseHours = "majorResponseHours";
        public const string MajorHeadAlertMinutes = "majorHeadAlertMinutes";
        public const string NotifyPlanWorkingDays = "notifyPlanWorkingDays";
        public const string ComplaintCallbackHours = "complaintCallbackHours";
        public const string InquiryCallbackHours = "inquiryCallbackHours";
        public const string SurveyCallbackWorkingDays = "surveyCallbackWorkingDays";
        public const string CsAgentLimit = "csAgentCompensationLimit";
        public const string CsSupervisorLimit = "csSupervisorCompensationLimit";
        public const string AfterSalesManagerLimit = "afterSalesManagerCompensationLimit";
        public const string VpLimit = "vpCompensationLimit";
    }

    // Who a role answers to, and which setting holds its compensation limit (null: it approves no compensation alone).
    // Department heads, legal and PR advise or are alerted; money goes up to the vice-president.
    private static readonly Dictionary<string, (string? LimitKey, string? EscalatesTo)> Chain = new()
    {
        [CsAgent] = (Keys.CsAgentLimit, CsSupervisor),
        [CsSupervisor] = (Keys.CsSupervisorLimit, AfterSalesManager),
        [AfterSalesManager] = (Keys.AfterSalesManagerLimit, Vp),
        [Vp] = (Keys.VpLimit, null),
        [DepartmentHead] = (null, Vp),
        [Legal] = (null, Vp),
        [Pr] = (null, Vp),
    };

    // Seed 000: the cross-department emergency team a major complaint forms, under the vice-president.
    private static readonly string[] EmergencyTeam = [Vp, Legal, Pr, AfterSalesManager, DepartmentHead];

    public PolicyDescriptor Descriptor { get; } = new(
        "general-enterprise",
        "1.0.0",
        new("General enterprise (three grades)", "通用企业（三级）"),
        [
            new(Normal, new("Normal", "普通"), 1),
            new(Urgent, new("Urgent", "紧急"), 2),
            new(Major, new("Major", "重大"), 3),
        ],
        [
            new(CsAgent, new("Customer-service agent", "客服专员")),
            new(CsSupervisor, new("Customer-service supervisor", "客服主管")),
            new(DepartmentHead, new("Department head", "部门负责人")),
            new(AfterSalesManager, new("After-sales manager", "售后部经理")),
            new(Vp, new("Vice-president in charge", "分管副总")),
            new(Legal, new("Legal department", "法务部")),
            new(Pr, new("Public relations department", "公关部")),
        ],
        [
            "product/appearance-defect", "product/malfunction", "product/below-spec", "product/packaging-damage",
            "service/slow-response", "service/attitude", "service/cumbersome-process", "service/broken-promise",
            "logistics/delay", "logistics/wrong-item", "logistics/damage", "logistics/wrong-information",
            "experience/usability", "experience/design", "experience/membership",
            "other/billing", "other/partnership", "other/suggestion",
        ],
        [
            new(Keys.UrgentAffectedCustomers, new("Customers affected that make a complaint urgent", "影响客户数达到即为紧急"), SettingKind.WholeNumber, "2", 2, 100_000),
            new(Keys.AcknowledgeMinutes, new("Acknowledge a non-urgent complaint within (minutes)", "非紧急反馈确认时限（分钟）"), SettingKind.WholeNumber, "60", 1, 1440),
            new(Keys.AutomaticAcknowledgementCounts, new("The automatic acknowledgement, once delivered, counts as acknowledging", "自动确认消息送达即视为已确认"), SettingKind.Boolean, "false"),
            new(Keys.UrgentContactMinutes, new("Contact the customer of an urgent or major complaint within (minutes)", "紧急/重大问题联系客户时限（分钟）"), SettingKind.WholeNumber, "30", 1, 1440),
            new(Keys.NormalResolveWorkingDays, new("Resolve a normal complaint within (working days)", "普通级解决时限（工作日）"), SettingKind.WholeNumber, "3", 1, 60),
            new(Keys.UrgentPlanHours, new("Resolution plan for an urgent complaint within (hours)", "紧急级给出处理方案时限（小时）"), SettingKind.WholeNumber, "24", 1, 336),
            new(Keys.MajorResponseHours, new("Respond to a major complaint within (hours)", "重大级响应时限（小时）"), SettingKind.WholeNumber, "4", 1, 72),
            new(Keys.MajorHeadAlertMinutes, new("A major complaint reaches the responsible head within (minutes)", "重大投诉送达责任负责人时限（分钟）"), SettingKind.WholeNumber, "5", 1, 120),
            new(Keys.NotifyPlanWorkingDays, new("Tell the customer the approved plan within (working days)", "审批后告知客户方案时限（工作日）"), SettingKind.WholeNumber, "1", 1, 10),
            new(Keys.ComplaintCallbackHours, new("Call back a resolved complaint within (hours)", "投诉类解决后回访时限（小时）"), SettingKind.WholeNumber, "24", 1, 336),
            new(Keys.InquiryCallbackHours, new("Call back a resolved inquiry, help request or suggestion within (hours)", "咨询、求助类解决后回访时限（小时）"), SettingKind.WholeNumber, "72", 1, 336),
            new(Keys.SurveyCallbackWorkingDays, new("Call back survey feedback within (working days)", "问卷反馈回访时限（工作日）"), SettingKind.WholeNumber, "3", 1, 30),
            new(Keys.CsAgentLimit, new("Compensation a CS agent may offer alone", "客服专员可自行承诺的补偿额度"), SettingKind.Number, "200", 0, 100_000_000),
            new(Keys.CsSupervisorLimit, new("Compensation a CS supervisor may approve", "客服主管可审批的补偿额度"), SettingKind.Number, "1000", 0, 100_000_000),
            new(Keys.AfterSalesManagerLimit, new("Compensation the after-sales manager may approve", "售后部经理可审批的补偿额度"), SettingKind.Number, "5000", 0, 100_000_000),
            new(Keys.VpLimit, new("Compensation the vice-president may approve", "分管副总可审批的补偿额度"), SettingKind.Number, "50000", 0, 100_000_000),
        ])
    {
        CategoryNames = new Dictionary<string, LocalizedText>
        {
            ["product"] = new("Product", "产品类"),
            ["product/appearance-defect"] = new("Appearance defect", "外观缺陷"),
            ["product/malfunction"] = new("Malfunction", "功能故障"),
            ["product/below-spec"] = new("Below specification", "功能不达标"),
            ["product/packaging-damage"] = new("Damaged packaging", "包装破损"),
            ["service"] = new("Service", "服务类"),
            ["service/slow-response"] = new("Slow response", "响应慢"),
            ["service/attitude"] = new("Staff attitude", "服务态度差"),
            ["service/cumbersome-process"] = new("Cumbersome process", "流程繁琐"),
            ["service/broken-promise"] = new("Broken promise", "承诺未兑现"),
            ["logistics"] = new("Logistics", "物流类"),
            ["logistics/delay"] = new("Delivery delay", "配送延迟"),
            ["logistics/wrong-item"] = new("Wrong item", "发错货"),
            ["logistics/damage"] = new("Damaged in transit", "运输损坏"),
            ["logistics/wrong-information"] = new("Wrong tracking information", "物流信息错误"),
            ["experience"] = new("Experience", "体验类"),
            ["experience/usability"] = new("Usability", "使用不便"),
            ["experience/design"] = new("Design", "设计不合理"),
            ["experience/membership"] = new("Membership", "会员权益"),
            ["other"] = new("Other", "其他"),
            ["other/billing"] = new("Billing", "账单费用"),
            ["other/partnership"] = new("Partnership", "合作洽谈"),
            ["other/suggestion"] = new("Suggestion", "意见建议"),
        },
    };

    public GradeDecision Grade(ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);

        // Seed 000: safety, legal or publicity risk is major whatever else is true.
        if (facts.SafetyRisk || facts.LegalRisk || facts.PublicityRisk)
        {
            return new(Major, "Safety, legal or publicity risk / 涉及安全风险、法律纠纷或负面舆情");
        }

        if (facts.AffectedCustomers >= settings.WholeNumber(Keys.UrgentAffectedCustomers))
        {
            return new(Urgent, "Several customers affected / 影响多个客户");
        }

        if (facts.Attributes.TryGetValue(CoreFunctionAffected, out var core) && bool.TryParse(core, out var isCore) && isCore)
        {
            return new(Urgent, "A core function is affected / 影响核心功能");
        }

        return facts.CustomerEmotion == CustomerEmotion.Calm
            ? new(Normal, "Single issue, small impact, calm customer / 问题单一，影响较小，客户情绪平稳")
            : new(Urgent, "The customer is upset / 客户有不满情绪");
    }

    public IReadOnlyList<ClockRule> Clocks(string gradeCode, ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);

        // Every grade tells the customer the approved plan and calls back after resolution.
        ClockRule notify = new("NOTIFY", Duration.WorkingDays(settings.WholeNumber(Keys.NotifyPlanWorkingDays)), ClockStart.PlanApproved);
        ClockRule callback = new("CALLBACK", Callback(facts.Kind, facts.Channel, settings).Within, ClockStart.Resolved);
        var contact = new ClockRule("CONTACT", Duration.Minutes(settings.WholeNumber(Keys.UrgentContactMinutes)), ClockStart.Received);

        return gradeCode switch
        {
            Normal =>
            [
                new("ACKNOWLEDGE", Duration.Minutes(settings.WholeNumber(Keys.AcknowledgeMinutes)), ClockStart.Received)
                {
                    // Settings saved before this one existed lack it: they keep its default, false.
                    MetByAutomaticAcknowledgement = settings.Values.TryGetValue(Keys.AutomaticAcknowledgementCounts, out var counts) && bool.Parse(counts),
                },
                // Three working days is a promise to the customer; time spent waiting on them does not count against it.
                new("RESOLVE", Duration.WorkingDays(settings.WholeNumber(Keys.NormalResolveWorkingDays)), ClockStart.Received, PausesWhileWaitingOnCustomer: true),
                notify,
                callback,
            ],
            Urgent => [contact, new("PLAN", Duration.Hours(settings.WholeNumber(Keys.UrgentPlanHours)), ClockStart.Received), notify, callback],
            Major =>
            [
                // Seed 001: a major complaint reaches the responsible head within 5 minutes (met when someone takes it).
                new("REPORT", Duration.Minutes(settings.WholeNumber(Keys.MajorHeadAlertMinutes)), ClockStart.Received),
                contact,
                new("RESPONSE", Duration.Hours(settings.WholeNumber(Keys.MajorResponseHours)), ClockStart.Received),
                notify,
                callback,
            ],
            _ => throw UnknownGrade(gradeCode),
        };
    }

    public ApprovalRule Approval(string gradeCode, ComplaintFacts facts, PolicySettings settings) => new(Approvers(gradeCode));

    public RoleAuthority Authority(string roleCode, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Chain.TryGetValue(roleCode, out var link))
        {
            throw new ArgumentOutOfRangeException(nameof(roleCode), roleCode, "Not a role of the general-enterprise policy.");
        }

        var limit = link.LimitKey is null ? 0m : settings.Number(link.LimitKey);
        return new(roleCode, limit, link.EscalatesTo, []);
    }

    public IReadOnlyList<EscalationStep> Escalation(string gradeCode, EscalationTrigger trigger, ComplaintFacts facts, PolicySettings settings)
    {
        var approvers = Approvers(gradeCode);
        return trigger switch
        {
            // Seed 000: a major complaint goes to management at once and forms a cross-department emergency team;
            // an urgent one alerts the department head to start the emergency process.
            EscalationTrigger.Graded => gradeCode switch
            {
                Major =>
                [
                    new(EscalationAction.Escalate, Vp),
                    .. EmergencyTeam.Select(role => new EscalationStep(EscalationAction.InvolveEmergencyTeam, role)),
                ],
                Urgent => [new(EscalationAction.Notify, DepartmentHead)],
                _ => [],
            },
            EscalationTrigger.ClockWarning => [.. approvers.Select(role => new EscalationStep(EscalationAction.Notify, role))],
            // A breach goes one step up the chain (the VP is the top); compensation beyond the approver's authority is
            // told there, and the approval rules send it up.
            EscalationTrigger.ClockBreached => [new(EscalationAction.Escalate, Chain[approvers[0]].EscalatesTo ?? approvers[0])],
            EscalationTrigger.AuthorityExceeded => [new(EscalationAction.Notify, Chain[approvers[0]].EscalatesTo ?? approvers[0])],
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }

    // Seed 000 keeps no points ledger.
    public IReadOnlyList<PenaltyRule> Penalties(string gradeCode, PenaltyOccasion occasion, PolicySettings settings) => [];

    // Without a channel, answer as for any channel but a survey. Seed 003 calls back "by phone or online" (电话或线上回访)
    // and lists an online questionnaire among its ways (线上问卷), so the customer may answer the survey online too.
    public CallbackRule Callback(FeedbackKind kind, Channel channel, PolicySettings settings) =>
        CallbackFor(kind, channel, settings) with { CustomerMayAnswerOnline = true };

    private static CallbackRule CallbackFor(FeedbackKind kind, Channel channel, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Seed 003: survey feedback is called back by someone who did not handle it, to avoid a biased check.
        if (channel == Channel.Survey)
        {
            return new(Duration.WorkingDays(settings.WholeNumber(Keys.SurveyCallbackWorkingDays)), CsAgent, MustNotHaveHandled: true);
        }

        // Seed 001: complaints by a supervisor within 24 h; inquiries and help requests by an agent within 72 h.
        // Suggestions are not named there; they get the lighter inquiry treatment.
        return kind == FeedbackKind.Complaint
            ? new(Duration.Hours(settings.WholeNumber(Keys.ComplaintCallbackHours)), CsSupervisor, MustNotHaveHandled: false)
            : new(Duration.Hours(settings.WholeNumber(Keys.InquiryCallbackHours)), CsAgent, MustNotHaveHandled: false);
    }

    private static string[] Approvers(string gradeCode) => gradeCode switch
    {
        Normal => [CsSupervisor],
        Urgent => [AfterSalesManager],
        Major => [Vp, Legal, Pr],
        _ => throw UnknownGrade(gradeCode),
    };

    private static ArgumentOutOfRangeException UnknownGrade(string gradeCode) =>
        new(nameof(gradeCode), gradeCode, "Not a grade of the general-enterprise policy.");
}
