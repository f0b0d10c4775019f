using ComplaintCloud.Domain;

namespace ComplaintCloud.Infrastructure.Plugins.Declarative;

/// <summary>
/// What a JSON Schema cannot say about a custom policy: codes are unique, ranks rise, and every grade or role named
/// is declared; the authority ladder has no loop. The first problem is refused, naming its field.
/// </summary>
internal sealed class CustomPolicyReferences(CustomPolicyDocument document, string field)
{
    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _grades = new(StringComparer.Ordinal);

    public void Check()
    {
        for (var i = 0; i < document.Roles.Count; i++)
        {
            Require(_roles.Add(document.Roles[i].Code), $"roles[{i}].code", $"The role {document.Roles[i].Code} is declared twice.");
        }

        for (var i = 0; i < document.Roles.Count; i++)
        {
            if (document.Roles[i].EscalatesTo is { } next)
            {
                RequireRole(next, $"roles[{i}].escalatesTo");
                Require(!ClimbsInALoop(document.Roles[i].Code), $"roles[{i}].escalatesTo", $"Escalating from {document.Roles[i].Code} runs in a loop.");
            }
        }

        for (var i = 0; i < document.Grades.Count; i++)
        {
            CheckGrade(i, document.Grades[i]);
        }

        for (var i = 0; i < (document.Rules?.Count ?? 0); i++)
        {
            RequireGrade(document.Rules![i].Grade, $"rules[{i}].grade");
        }

        RequireGrade(document.DefaultGrade, "defaultGrade");
        RequireRole(document.Callback.ByRole, "callback.byRole");
    }

    private void CheckGrade(int index, CustomGrade grade)
    {
        var at = $"grades[{index}]";
        Require(_grades.Add(grade.Code), at + ".code", $"The grade {grade.Code} is declared twice.");
        Require(index == 0 || grade.Rank > document.Grades[index - 1].Rank, at + ".rank", "Grades go from least to most severe: each rank must be above the one before.");
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < grade.Clocks.Count; i++)
        {
            Require(kinds.Add(grade.Clocks[i].Kind), $"{at}.clocks[{i}].kind", $"The grade {grade.Code} runs the clock {grade.Clocks[i].Kind} twice.");
        }

        var approvers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < grade.Approvers.Count; i++)
        {
            RequireRole(grade.Approvers[i], $"{at}.approvers[{i}]");
            Require(approvers.Add(grade.Approvers[i]), $"{at}.approvers[{i}]", $"{grade.Approvers[i]} is named twice.");
        }

        foreach (var (trigger, steps) in new[]
        {
            ("clockWarning", grade.Escalation?.ClockWarning),
            ("clockBreached", grade.Escalation?.ClockBreached),
            ("authorityExceeded", grade.Escalation?.AuthorityExceeded),
            ("graded", grade.Escalation?.Graded),
        })
        {
            for (var i = 0; i < (steps?.Count ?? 0); i++)
            {
                RequireRole(steps![i].Role, $"{at}.escalation.{trigger}[{i}].role");
            }
        }
    }

    private bool ClimbsInALoop(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        for (var role = document.Roles.First(r => r.Code == start).EscalatesTo; role is not null; role = document.Roles.FirstOrDefault(r => r.Code == role)?.EscalatesTo)
        {
            if (!seen.Add(role))
            {
                return true;
            }
        }

        return false;
    }

    private void RequireRole(string role, string at) => Require(_roles.Contains(role), at, $"The role {role} is not declared in roles.");

    private void RequireGrade(string grade, string at) => Require(_grades.Contains(grade), at, $"The grade {grade} is not declared in grades.");

    private void Require(bool condition, string at, string message)
    {
        if (!condition)
        {
            throw new DomainException(ErrorCode.BadUserInput, message, $"{field}.{at}");
        }
    }
}
