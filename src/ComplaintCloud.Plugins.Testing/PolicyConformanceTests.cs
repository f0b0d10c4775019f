using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ComplaintCloud.Plugins.Abstractions;
using Xunit;

namespace ComplaintCloud.Plugins.Testing;

/// <summary>
/// What every ComplaintCloud policy plugin must do before the host will run it. Inherit it in an xunit test
/// project, passing your policy: <c>public sealed class MyPluginShould() : PolicyConformanceTests(new MyPolicy());</c>
/// Each check lists every problem it finds, not just the first.
/// </summary>
public abstract partial class PolicyConformanceTests
{
    private readonly Lazy<IReadOnlyList<ComplaintFacts>> _facts;

    /// <summary>Checks <paramref name="policy"/>.</summary>
    protected PolicyConformanceTests(IComplaintPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        _facts = new(() => GeneratedFacts.For(policy.Descriptor));
    }

    /// <summary>The policy under test.</summary>
    protected IComplaintPolicy Policy { get; }

    private PolicyDescriptor Descriptor => Policy.Descriptor;

    private IReadOnlyList<ComplaintFacts> Facts => _facts.Value;

    [Fact]
    public void DescribeItselfCompletely()
    {
        var problems = new List<string>();
        Check(problems, LowerDashed().IsMatch(Descriptor.Id), $"id '{Descriptor.Id}' is not lower-case words joined by dashes");
        Check(problems, SemanticVersion().IsMatch(Descriptor.Version), $"version '{Descriptor.Version}' is not MAJOR.MINOR.PATCH");
        Check(problems, Descriptor.Grades.Count > 0, "it declares no grades");
        Check(problems, Descriptor.Roles.Count > 0, "it declares no roles");
        Check(problems, Descriptor.Categories.Count > 0, "it declares no categories");
        CheckDistinct(problems, "role code", Descriptor.Roles.Select(r => r.Code));
        CheckDistinct(problems, "category", Descriptor.Categories);
        CheckDistinct(problems, "setting key", Descriptor.Settings.Select(s => s.Key));
        foreach (var role in Descriptor.Roles)
        {
            Check(problems, ScreamingCase().IsMatch(role.Code), $"role code '{role.Code}' is not SCREAMING_CASE");
        }

        foreach (var category in Descriptor.Categories)
        {
            Check(problems, !string.IsNullOrWhiteSpace(category), "a category is blank");
        }

        foreach (var setting in Descriptor.Settings)
        {
            Check(problems, CamelCase().IsMatch(setting.Key), $"setting key '{setting.Key}' is not camelCase");
        }

        AssertNone(problems);
    }

    [Fact]
    public void NameEverythingInEnglishAndChinese()
    {
        var problems = new List<string>();
        CheckBilingual(problems, "the policy", Descriptor.Name);
        foreach (var grade in Descriptor.Grades)
        {
            CheckBilingual(problems, $"grade {grade.Code}", grade.Name);
        }

        foreach (var role in Descriptor.Roles)
        {
            CheckBilingual(problems, $"role {role.Code}", role.Name);
        }

        foreach (var setting in Descriptor.Settings)
        {
            CheckBilingual(problems, $"setting {setting.Key}", setting.Name);
        }

        AssertNone(problems);
    }

    [Fact]
    public void UseScreamingCaseGradeCodesWithDistinctRanks()
    {
        var problems = new List<string>();
        foreach (var grade in Descriptor.Grades)
        {
            Check(problems, ScreamingCase().IsMatch(grade.Code), $"grade code '{grade.Code}' is not SCREAMING_CASE");
        }

        CheckDistinct(problems, "grade code", Descriptor.Grades.Select(g => g.Code));
        CheckDistinct(problems, "grade rank", Descriptor.Grades.Select(g => g.Rank.ToString(CultureInfo.InvariantCulture)));
        var ranks = Descriptor.Grades.Select(g => g.Rank).ToList();
        Check(problems, ranks.SequenceEqual(ranks.Order()), "grades are not listed from least to most severe");
        AssertNone(problems);
    }

    [Fact]
    public void BeLoadableByTheHost()
    {
        // The host instantiates the one public, concrete, parameterless IComplaintPolicy of the entry assembly.
        var type = Policy.GetType();
        var candidates = type.Assembly.GetExportedTypes()
            .Where(t => typeof(IComplaintPolicy).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToList();
        Assert.True(candidates.Count == 1, $"the assembly must export exactly one policy class, found: {string.Join(", ", candidates)}");
        Assert.True(type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null, $"{type} has no public parameterless constructor");
        var fresh = (IComplaintPolicy)Activator.CreateInstance(type)!;
        Assert.Equal(Descriptor.Id, fresh.Descriptor.Id);
        Assert.Equal(Descriptor.Version, fresh.Descriptor.Version);
    }

    [Fact]
    public void DeclareSettingDefaultsValidForTheirKindAndRange()
    {
        var problems = new List<string>();
        foreach (var setting in Descriptor.Settings)
        {
            var isNumber = setting.Kind is SettingKind.Number or SettingKind.WholeNumber;
            var value = setting.Kind switch
            {
                SettingKind.Number => decimal.TryParse(setting.DefaultValue, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null,
                SettingKind.WholeNumber => int.TryParse(setting.DefaultValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
                _ => null,
            };
            switch (setting.Kind)
            {
                case SettingKind.Number or SettingKind.WholeNumber:
                    Check(problems, value is not null, $"{setting.Key}: default '{setting.DefaultValue}' is not a {setting.Kind}");
                    Check(problems, setting.Minimum is null || value is null || value >= setting.Minimum, $"{setting.Key}: default {value} is below its minimum {setting.Minimum}");
                    Check(problems, setting.Maximum is null || value is null || value <= setting.Maximum, $"{setting.Key}: default {value} is above its maximum {setting.Maximum}");
                    Check(problems, setting.Minimum is null || setting.Maximum is null || setting.Minimum <= setting.Maximum, $"{setting.Key}: minimum is above maximum");
                    break;
                case SettingKind.Boolean:
                    Check(problems, setting.DefaultValue is "true" or "false", $"{setting.Key}: default '{setting.DefaultValue}' is not true or false");
                    break;
                default:
                    Check(problems, setting.DefaultValue is not null, $"{setting.Key}: text default is null");
                    break;
            }

            Check(problems, isNumber || (setting.Minimum is null && setting.Maximum is null), $"{setting.Key}: only numbers have a minimum or maximum");
        }

        AssertNone(problems);
    }

    [Fact]
    public void GradeDeterministically()
    {
        var problems = new List<string>();
        foreach (var (name, settings) in SettingsVariants.For(Descriptor))
        {
            foreach (var facts in Facts)
            {
                // An equal copy, with its own attribute dictionary, must get the same decision.
                var copy = facts with { Attributes = new Dictionary<string, string>(facts.Attributes) };
                var first = Policy.Grade(facts, settings);
                var again = Policy.Grade(copy, settings);
                Check(problems, first == again, $"{name}: {facts} graded {first} then {again}");
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void AlwaysReturnADeclaredGrade()
    {
        var codes = Descriptor.Grades.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, settings) in SettingsVariants.For(Descriptor))
        {
            foreach (var facts in Facts)
            {
                var decision = Policy.Grade(facts, settings);
                Check(problems, codes.Contains(decision.GradeCode), $"{name}: {facts} got undeclared grade '{decision.GradeCode}'");
                Check(problems, !string.IsNullOrWhiteSpace(decision.Reason), $"{name}: {facts} got no reason");
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void GiveEveryGradeValidClocks()
    {
        var problems = new List<string>();
        foreach (var (name, settings) in SettingsVariants.For(Descriptor))
        {
            foreach (var grade in Descriptor.Grades)
            {
                foreach (var facts in Facts.Where((_, index) => index % 97 == 0))
                {
                    var clocks = Policy.Clocks(grade.Code, facts, settings);
                    Check(problems, clocks.Count > 0, $"{name}: grade {grade.Code} runs no clocks");
                    CheckDistinct(problems, $"{name}: {grade.Code} clock kind", clocks.Select(c => c.Kind));
                    foreach (var clock in clocks)
                    {
                        Check(problems, ScreamingCase().IsMatch(clock.Kind), $"{name}: clock kind '{clock.Kind}' is not SCREAMING_CASE");
                        Check(problems, clock.Target.Amount > 0, $"{name}: {grade.Code} {clock.Kind} runs for {clock.Target}");
                        Check(problems, clock.WarningPercent is >= 1 and <= 99, $"{name}: {grade.Code} {clock.Kind} warns at {clock.WarningPercent}%");
                    }
                }
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void GiveEveryGradeAnApprovalRuleNamingDeclaredRoles()
    {
        var problems = new List<string>();
        var settings = PolicySettings.Defaults(Descriptor);
        foreach (var grade in Descriptor.Grades)
        {
            foreach (var facts in Facts.Where((_, index) => index % 97 == 0))
            {
                var rule = Policy.Approval(grade.Code, facts, settings);
                var roles = rule.RequiredRoles;
                Check(problems, roles.Count > 0, $"grade {grade.Code} names no approver");
                CheckDistinct(problems, $"{grade.Code} approver or reviewer", roles.Concat(rule.ReviewingRoles));
                CheckRoles(problems, $"approver of {grade.Code}", roles);
                CheckRoles(problems, $"reviewer of {grade.Code}", rule.ReviewingRoles);
            }

            CheckRoles(problems, $"analysis report of {grade.Code}", Policy.AnalysisReport(grade.Code, settings) is { } report ? [report.ByRole] : []);
        }

        AssertNone(problems);
    }

    [Fact]
    public void NeverThrowAcrossGeneratedFacts()
    {
        // Every member, on every generated fact and settings variant; what it names must be declared.
        var problems = new List<string>();
        foreach (var (name, settings) in SettingsVariants.For(Descriptor))
        {
            foreach (var facts in Facts)
            {
                Attempt(problems, name, facts, () => CheckDecisions(problems, facts, settings));
            }

            foreach (var role in Descriptor.Roles)
            {
                Attempt(problems, name, role.Code, () =>
                {
                    var authority = Policy.Authority(role.Code, settings);
                    Check(problems, authority.RoleCode == role.Code, $"{name}: authority of {role.Code} is for {authority.RoleCode}");
                    Check(problems, authority.CompensationLimit >= 0, $"{name}: {role.Code} has a negative compensation limit");
                    Check(problems, authority.EscalatesTo != role.Code, $"{name}: {role.Code} escalates to itself");
                    CheckRoles(problems, $"escalation from {role.Code}", authority.EscalatesTo is null ? [] : [authority.EscalatesTo]);
                });
            }

            foreach (var kind in Enum.GetValues<FeedbackKind>())
            {
                foreach (var channel in Enum.GetValues<Channel>())
                {
                    Attempt(problems, name, $"{kind} via {channel}", () =>
                    {
                        var callback = Policy.Callback(kind, channel, settings);
                        Check(problems, callback.Within.Amount > 0, $"{name}: callback of {kind} via {channel} within {callback.Within}");
                        CheckRoles(problems, $"callback of {kind} via {channel}", [callback.ByRole]);
                    });
                }
            }
        }

        AssertNone(problems);
    }

    private void CheckDecisions(List<string> problems, ComplaintFacts facts, PolicySettings settings)
    {
        var grade = Policy.Grade(facts, settings).GradeCode;
        _ = Policy.Clocks(grade, facts, settings);
        _ = Policy.Approval(grade, facts, settings);
        foreach (var trigger in Enum.GetValues<EscalationTrigger>())
        {
            foreach (var step in Policy.Escalation(grade, trigger, facts, settings))
            {
                CheckRoles(problems, $"{grade} {trigger} escalation", [step.RoleCode]);
                Check(problems, step.Within is null || step.Within.Amount > 0, $"{grade} {trigger} escalation to {step.RoleCode} within {step.Within}");
            }
        }

        foreach (var occasion in Enum.GetValues<PenaltyOccasion>())
        {
            foreach (var penalty in Policy.Penalties(grade, occasion, settings))
            {
                Check(problems, penalty.Points > 0, $"{grade} {occasion}: penalty of {penalty.Points} points");
                Check(problems, !string.IsNullOrWhiteSpace(penalty.Rule), $"{grade} {occasion}: penalty without a rule");
            }
        }
    }

    private void CheckRoles(List<string> problems, string where, IEnumerable<string> roles)
    {
        foreach (var role in roles.Where(r => !Descriptor.Roles.Any(d => d.Code == r)))
        {
            problems.Add($"{where} names undeclared role '{role}'");
        }
    }

    private static void Attempt(List<string> problems, string settingsName, object subject, Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            problems.Add($"{settingsName}: {subject} threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static void CheckBilingual(List<string> problems, string what, LocalizedText? text)
    {
        if (text is null)
        {
            problems.Add($"{what} has no name");
            return;
        }

        Check(problems, !string.IsNullOrWhiteSpace(text.En), $"{what} has no English name");
        Check(problems, !string.IsNullOrWhiteSpace(text.Zh), $"{what} has no Chinese name");
        Check(problems, text.Zh is null || text.Zh.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{what}'s Chinese name '{text.Zh}' has no Chinese characters");
    }

    private static void CheckDistinct(List<string> problems, string what, IEnumerable<string> values)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{what} '{duplicate.Key}' appears {duplicate.Count()} times");
        }
    }

    private static void Check(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    // Cap the message: a broken policy can fail thousands of facts the same way.
    private static void AssertNone(List<string> problems) =>
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems.Distinct().Take(20))}");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex LowerDashed();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex ScreamingCase();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
