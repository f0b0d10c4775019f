using System.Text.Json;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Infrastructure.Data;

namespace ComplaintCloud.Application.Notifications;

/// <summary>
/// Tells people what a lifecycle step means for them, in the step's own transaction (the outbox): the customer of the
/// plan offered (SPEC §2.8), of news the desk writes them (a customer-visible note, §2.9), of the resolution and,
/// with it, the callback survey (§2.10); the approvers of a plan waiting for them (§2.7).
/// </summary>
public sealed class LifecycleNotifications(ComplaintCloudDbContext db)
{
    /// <summary>Adds the messages the steps call for to the unit of work; <paramref name="approvalsAsync"/> asks the
    /// policy who approves the plan, only when one was proposed.</summary>
    public async Task FollowAsync(
        Complaint complaint, IReadOnlyList<ComplaintEvent> steps, Func<Task<ApprovalRequirement>> approvalsAsync)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(approvalsAsync);
        foreach (var step in steps)
        {
            var cause = step.At.ToUnixTimeTicks().ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var data = JsonDocument.Parse(step.Data);
            var after = data.RootElement.GetProperty("after");
            switch (step.Type)
            {
                case "CUSTOMER_NOTIFIED":
                    ToCustomer(Notify.Customer(complaint, MessageKind.PlanOffered, cause, step.At, ("plan", after.GetProperty("details").GetProperty("message").GetString()!)));
                    break;
                case "NOTE_ADDED" when after.GetProperty("visibility").GetString() == "CUSTOMER_VISIBLE":
                    ToCustomer(Notify.Customer(complaint, MessageKind.ProgressUpdate, after.GetProperty("noteId").GetString()!, step.At, ("progress", after.GetProperty("text").GetString()!)));
                    break;
                case "RESOLVED":
                    ToCustomer(Notify.Customer(complaint, MessageKind.Resolved, cause, step.At));
                    // Resolving opens the policy's callback (SPEC §2.10); seed 003 calls back "by phone or online":
                    // the survey is the written half, asking for the scores the desk records with the callback.
                    ToCustomer(Notify.Customer(complaint, MessageKind.CallbackSurvey, cause, step.At));
                    break;
                case "PLAN_PROPOSED":
                    var approvals = await approvalsAsync();
                    foreach (var role in approvals.Slots.SelectMany(s => s.AcceptedRoles).Distinct(StringComparer.Ordinal))
                    {
                        db.OutboxMessages.Add(Notify.Role(complaint, MessageKind.ApprovalWaiting, role, cause, step.At));
                    }

                    break;
            }
        }
    }

    private void ToCustomer(Infrastructure.Notifications.OutboxMessage? message)
    {
        if (message is not null)
        {
            db.OutboxMessages.Add(message);
        }
    }
}
