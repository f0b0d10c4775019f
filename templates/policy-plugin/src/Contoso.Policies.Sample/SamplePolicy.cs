using ComplaintCloud.Plugins.Abstractions;

namespace Contoso.Policies.Sample;

/// <summary>
/// A starting point that passes the conformance kit: two grades, a resolve clock, one approver each.
/// Replace the rules with your industry's, keeping every label in English and Chinese.
/// </summary>
public sealed class SamplePolicy : IComplaintPolicy
{
    private const string Standard = "STANDARD";
    private const string Priority = "PRIORITY";
    private const string Agent = "AGENT";
    private const string Supervisor = "SUPERVISOR";
    private const string ResolveHours = "resolveHours";

    public PolicyDescriptor Descriptor { get; } = new(
        "sample-policy",
        "1.0.0",
        new("Sample policy", "示例策略"),
        [new(Standard, new("Standard", "标准"), 1), new(Priority, new("Priority", "优先"), 2)],
        [new(Agent, new("Agent", "客服专员")), new(Supervisor, new("Supervisor", "主管"))],
        ["product/defect", "service/attitude", "other/other"],
        [new(ResolveHours, new("Resolve a standard complaint within (hours)", "标准投诉解决时限（小时）"), SettingKind.WholeNumber, "48", 1, 720)]);

    public GradeDecision Grade(ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.SafetyRisk || facts.CustomerTier == CustomerTier.Vip
            ? new(Priority, "Safety risk or VIP customer / 安全风险或VIP客户")
            : new(Standard, "Nothing calls for priority / 无需优先处理");
    }

    // A priority complaint gets half the time, never less than an hour, whatever the tenant sets.
    public IReadOnlyList<ClockRule> Clocks(string gradeCode, ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hours = settings.WholeNumber(ResolveHours);
        return [new("RESOLVE", Duration.Hours(IsPriority(gradeCode) ? Math.Max(1, hours / 2) : hours), ClockStart.Received)];
    }

    public ApprovalRule Approval(string gradeCode, ComplaintFacts facts, PolicySettings settings) =>
        new([IsPriority(gradeCode) ? Supervisor : Agent]);

    public RoleAuthority Authority(string roleCode, PolicySettings settings) => roleCode switch
    {
        Agent => new(Agent, 0m, Supervisor, ["product/defect"]),
        Supervisor => new(Supervisor, 1000m, null, []),
        _ => throw new ArgumentOutOfRangeException(nameof(roleCode), roleCode, "Not a role of this policy."),
    };

    public IReadOnlyList<EscalationStep> Escalation(string gradeCode, EscalationTrigger trigger, ComplaintFacts facts, PolicySettings settings) =>
        trigger == EscalationTrigger.ClockBreached || (IsPriority(gradeCode) && trigger == EscalationTrigger.Graded)
            ? [new(EscalationAction.Notify, Supervisor)]
            : [];

    public IReadOnlyList<PenaltyRule> Penalties(string gradeCode, PenaltyOccasion occasion, PolicySettings settings) => [];

    public CallbackRule Callback(FeedbackKind kind, Channel channel, PolicySettings settings) => new(Duration.Hours(24), Supervisor, MustNotHaveHandled: false);

    private static bool IsPriority(string gradeCode) => gradeCode switch
    {
        Priority => true,
        Standard => false,
        _ => throw new ArgumentOutOfRangeException(nameof(gradeCode), gradeCode, "Not a grade of this policy."),
    };
}
