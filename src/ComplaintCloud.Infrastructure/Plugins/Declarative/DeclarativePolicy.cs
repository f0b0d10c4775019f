using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Infrastructure.Plugins.Declarative;

/// <summary>
/// The built-in <c>custom</c> policy: everything it answers is read from a tenant's <see cref="CustomPolicyDocument"/>,
/// so a tenant gets its own grades, rules, clocks and approvers without any code of its own running in the service.
/// A complaint gets the most severe grade among the rules that hold for it, else the document's default grade.
/// </summary>
public class DeclarativePolicy : IComplaintPolicy
{
    public const string Id = "custom";

    private readonly CustomPolicyDocument _document;
    private readonly Dictionary<string, CustomGrade> _grades;
    private readonly Dictionary<string, CustomRole> _roles;

    /// <param name="document">A document as <see cref="CustomPolicyDocument.Parse"/> returns it: checked.</param>
    public DeclarativePolicy(CustomPolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _document = document;
        _grades = document.Grades.ToDictionary(g => g.Code, StringComparer.Ordinal);
        _roles = document.Roles.ToDictionary(r => r.Code, StringComparer.Ordinal);
        Descriptor = new(
            Id,
            document.Version,
            document.Name,
            [.. document.Grades.Select(g => new GradeDescriptor(g.Code, g.Name, g.Rank))],
            [.. document.Roles.Select(r => new RoleDescriptor(r.Code, r.Name))],
            document.Categories,
            []);
    }

    public PolicyDescriptor Descriptor { get; }

    public GradeDecision Grade(ComplaintFacts facts, PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        CustomGrade? chosen = null;
        var rule = -1;
        for (var i = 0; i < (_document.Rules?.Count ?? 0); i++)
        {
            var candidate = _grades[_document.Rules![i].Grade];
            if ((chosen is null || candidate.Rank > chosen.Rank) && _document.Rules[i].When.HoldsFor(facts))
            {
                chosen = candidate;
                rule = i;
            }
        }

        return chosen is null
            ? new(_document.DefaultGrade, "No rule applies: the default grade / 无规则适用：默认等级")
            : new(chosen.Code, $"Rule {rule + 1} applies / 适用规则 {rule + 1}");
    }

    public IReadOnlyList<ClockRule> Clocks(string gradeCode, ComplaintFacts facts, PolicySettings settings) =>
        [.. GradeOf(gradeCode).Clocks.Select(c => new ClockRule(c.Kind, c.Within, c.StartsOn, c.PausesWhileWaitingOnCustomer, c.WarningPercent) { MetByAutomaticAcknowledgement = c.MetByAutomaticAcknowledgement })];

    public ApprovalRule Approval(string gradeCode, ComplaintFacts facts, PolicySettings settings) => new(GradeOf(gradeCode).Approvers);

    public RoleAuthority Authority(string roleCode, PolicySettings settings)
    {
        var role = _roles.GetValueOrDefault(roleCode)
            ?? throw new ArgumentOutOfRangeException(nameof(roleCode), roleCode, "Not a role of this custom policy.");
        return new(role.Code, role.CompensationLimit, role.EscalatesTo, role.MustEscalateCategories ?? []);
    }

    public IReadOnlyList<EscalationStep> Escalation(string gradeCode, EscalationTrigger trigger, ComplaintFacts facts, PolicySettings settings)
    {
        var escalation = GradeOf(gradeCode).Escalation;
        var steps = trigger switch
        {
            EscalationTrigger.ClockWarning => escalation?.ClockWarning,
            EscalationTrigger.ClockBreached => escalation?.ClockBreached,
            EscalationTrigger.AuthorityExceeded => escalation?.AuthorityExceeded,
            _ => escalation?.Graded,
        };
        return [.. (steps ?? []).Select(s => new EscalationStep(s.Action, s.Role, s.Within))];
    }

    /// <summary>A custom policy keeps no points ledger.</summary>
    public IReadOnlyList<PenaltyRule> Penalties(string gradeCode, PenaltyOccasion occasion, PolicySettings settings) => [];

    public CallbackRule Callback(FeedbackKind kind, Channel channel, PolicySettings settings) =>
        new(_document.Callback.Within, _document.Callback.ByRole, _document.Callback.MustNotHaveHandled) { CustomerMayAnswerOnline = _document.Callback.CustomerMayAnswerOnline };

    private CustomGrade GradeOf(string gradeCode) =>
        _grades.GetValueOrDefault(gradeCode) ?? throw new ArgumentOutOfRangeException(nameof(gradeCode), gradeCode, "Not a grade of this custom policy.");
}
