using System.Collections.Concurrent;
using System.Text.Json;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Application.Clocks;

/// <summary>
/// What a complaint's policy does when one of its clocks warns or breaches: the escalation steps and the penalties.
/// Policies are pure functions of their arguments (the contract says so) and under load thousands of clocks ask the
/// same few questions, so answers are remembered across batches; a failed answer is not, so the next alert asks again.
/// </summary>
public sealed class SlaPolicyAnswers(ComplaintPolicyCalls policy)
{
    // Distinct questions remembered before starting afresh: tenants × grades × the facts policies tell apart.
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Task<SlaPolicyAnswer>> _answers = new(StringComparer.Ordinal);

    public async Task<SlaPolicyAnswer> ForAsync(Tenant tenant, Complaint complaint, string gradeCode, bool breached)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(complaint);
        var question = string.Join(
            '|',
            tenant.Id,
            JsonSerializer.Serialize(tenant.Policy.Settings),
            complaint.PolicyId,
            complaint.PolicyVersion,
            gradeCode,
            breached,
            JsonSerializer.Serialize(complaint.PolicyFacts()));
        if (_answers.Count >= Capacity)
        {
            _answers.Clear();
        }

        var answer = await _answers.GetOrAdd(question, _ => AskAsync(tenant, complaint, gradeCode, breached));
        if (answer.Error is not null)
        {
            _answers.TryRemove(question, out _);
        }

        return answer;
    }

    // A policy that fails or times out must not hold the clock back: the alert is still recorded, with the error.
    private async Task<SlaPolicyAnswer> AskAsync(Tenant tenant, Complaint complaint, string gradeCode, bool breached)
    {
        try
        {
            var trigger = breached ? EscalationTrigger.ClockBreached : EscalationTrigger.ClockWarning;
            var steps = await policy.RunAsync(tenant, complaint, (p, settings, facts) => p.Escalation(gradeCode, trigger, facts, settings));
            var rules = breached
                ? await policy.RunAsync(tenant, complaint, (p, settings, _) => p.Penalties(gradeCode, PenaltyOccasion.DeadlineMissed, settings))
                : [];
            if (rules.Any(r => r.Points <= 0))
            {
                throw new DomainException(ErrorCode.PolicyFailed, "The policy booked a penalty of no points.");
            }

            return new SlaPolicyAnswer(steps, rules, null);
        }
        catch (DomainException e) when (e.Code == ErrorCode.PolicyFailed)
        {
            return new SlaPolicyAnswer([], [], e.Message);
        }
    }
}

/// <summary>The policy's escalation steps and penalty rules for one alert, or the error it failed with.</summary>
public sealed record SlaPolicyAnswer(IReadOnlyList<EscalationStep> Steps, IReadOnlyList<PenaltyRule> Rules, string? Error);
