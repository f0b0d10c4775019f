using ComplaintCloud.Api.GraphQL.DataLoaders;
using ComplaintCloud.Api.GraphQL.Lifecycle;
using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Plugins.Declarative;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

public sealed class ComplaintType : ObjectGraphType<Complaint>
{
    public ComplaintType()
    {
        Name = "Complaint";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("number").Description("Date + channel + per-tenant sequence.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<ComplaintStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<FeedbackKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ChannelType>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<StringGraphType>>("category").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("description").Description("The customer's words, verbatim.").Resolve(c => c.Source.Description);
        Field<StringGraphType>("request").Resolve(c => c.Source.Request);
        Field<DecimalGraphType>("amountInvolved").Resolve(c => c.Source.AmountInvolved);
        Field<NonNullGraphType<DateTimeGraphType>>("receivedAt").Resolve(c => c.Source.ReceivedAt.ToDateTimeUtc());
        Field<IntGraphType>("firstResponseSeconds").Description("Seconds the channel took to first answer, when its system measured them.").Resolve(c => c.Source.FirstResponseSeconds);
        Field<GradeType>("grade").Description("Chosen by the tenant's policy.")
            .Resolve(c => GradeOf(c.Source, c.Service<TenantPolicies>(), ComplaintLoaders.Of(c)));
        Field<NonNullGraphType<StringGraphType>>("policyId").Resolve(c => c.Source.PolicyId);
        Field<NonNullGraphType<StringGraphType>>("policyVersion").Description("The policy version that graded it.").Resolve(c => c.Source.PolicyVersion);
        Field<NonNullGraphType<CustomerType>>("customer")
            .Description("The contact is masked without the right to see it.")
            .ResolveAsync(async c => CustomerView.For(c.Source, await c.Service<ContactAccess>().ShowsContactAsync(c.Source, c.CancellationToken)));
        Field<NonNullGraphType<ComplaintFactsType>>("facts").Resolve(c => c.Source.Facts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlaClockType>>>>("clocks").Resolve(c => c.Source.Clocks.OrderBy(k => k.DueAt).ToList());
        Field<SlaClockType>("nearestClock")
            .Description("The running, warned or breached clock whose deadline comes first; null when none is.")
            .Resolve(c => c.Source.NearestDeadline());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplaintEventType>>>>("history")
            .Description("The append-only audit trail.")
            .ResolveAsync(async c => await c.Service<ComplaintQueries>().HistoryAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("emergencyTeam")
            .Description("Roles of the cross-department emergency team the policy formed for it (seeds 000/004: a major complaint); empty when none.")
            .ResolveAsync(async c => await c.Service<ComplaintQueries>().EmergencyTeamAsync(c.Source.Id, c.CancellationToken));
        LifecycleFields.AddTo(this);
    }

    // A built-in policy names its grades by itself; a tenant's custom policy needs the tenant's documents, which the
    // page's complaints load once between them.
    private static object? GradeOf(Complaint complaint, TenantPolicies policies, ComplaintLoaders loaders)
    {
        if (complaint.Grade is not { } grade)
        {
            return null;
        }

        GradeView Named(Tenant? tenant) =>
            new(grade.Code, policies.Find(tenant, complaint.PolicyId, complaint.PolicyVersion)?.Policy?.Descriptor.Grades.FirstOrDefault(g => g.Code == grade.Code)?.Name, grade.Rank, grade.Reason);

        return complaint.PolicyId == DeclarativePolicy.Id
            ? loaders.Tenants.Load([complaint.TenantId], (tenants, _) => Named(tenants.GetValueOrDefault(complaint.TenantId)))
            : Named(null);
    }
}

public sealed class ComplaintFactsType : ObjectGraphType<IntakeFacts>
{
    public ComplaintFactsType()
    {
        Name = "ComplaintFacts";
        Field<NonNullGraphType<BooleanGraphType>>("safetyRisk").Resolve(c => c.Source.SafetyRisk);
        Field<NonNullGraphType<BooleanGraphType>>("legalRisk").Resolve(c => c.Source.LegalRisk);
        Field<NonNullGraphType<BooleanGraphType>>("publicityRisk").Resolve(c => c.Source.PublicityRisk);
        Field<NonNullGraphType<IntGraphType>>("affectedCustomers").Resolve(c => c.Source.AffectedCustomers);
        Field<NonNullGraphType<CustomerEmotionType>>("customerEmotion").Resolve(c => c.Source.CustomerEmotion);
        Field<NonNullGraphType<JsonGraphType>>("attributes").Resolve(c => c.Source.Attributes);
    }
}

public sealed class SlaClockType : ObjectGraphType<SlaClock>
{
    public SlaClockType()
    {
        Name = "SlaClock";
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeGraphType>>("startedAt").Resolve(c => c.Source.StartedAt.ToDateTimeUtc());
        Field<NonNullGraphType<DateTimeGraphType>>("warnAt").Resolve(c => c.Source.WarnAt.ToDateTimeUtc());
        Field<NonNullGraphType<DateTimeGraphType>>("dueAt").Resolve(c => c.Source.DueAt.ToDateTimeUtc());
        Field<NonNullGraphType<ClockStateType>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<BooleanGraphType>>("pausesWhileWaitingOnCustomer").Resolve(c => c.Source.PausesWhileWaitingOnCustomer);
        SlaClockFields.AddTo(this);
    }
}

public sealed class ComplaintEventType : ObjectGraphType<ComplaintEvent>
{
    public ComplaintEventType()
    {
        Name = "ComplaintEvent";
        AuditEventFields.AddTo(this, t => t.Field<IdGraphType>("actorId").Description("Null for the customer or the system.").Resolve(c => c.Source.ActorId));
    }
}

/// <summary>What every audit trail's entries show: id, type, when, who (each trail says how), and the before/after data.</summary>
public static class AuditEventFields
{
    public static void AddTo<T>(ObjectGraphType<T> type, Action<ObjectGraphType<T>> addActor)
        where T : AuditEvent
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(addActor);
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        type.Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
        type.Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
        addActor(type);
        type.Field<NonNullGraphType<JsonGraphType>>("data").Resolve(c => System.Text.Json.JsonDocument.Parse(c.Source.Data).RootElement.Clone());
    }
}

/// <summary>
/// A customer as the caller may see them. <see cref="ShownContactOf"/> is the complaint whose contact is shown
/// unmasked, which reading the contact then audits; null when it is masked.
/// </summary>
public sealed record CustomerView(string Name, string? Contact, string? CustomerNumber, Plugins.Abstractions.CustomerTier Tier, Complaint? ShownContactOf)
{
    /// <summary>The customer, with the contact unmasked when <paramref name="contactShown"/> (<see cref="ContactAccess"/>).</summary>
    public static CustomerView For(Complaint complaint, bool contactShown)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var customer = complaint.Customer;
        var shown = contactShown && customer.Contact is not null;
        return new(customer.Name, shown ? customer.Contact : Mask(customer.Contact), customer.CustomerNumber, customer.Tier, shown ? complaint : null);
    }

    private static string? Mask(string? contact) =>
        contact is null ? null
        : contact.Length <= 5 ? new string('*', contact.Length)
        : string.Concat(contact.AsSpan(0, 3), new string('*', contact.Length - 5), contact.AsSpan(contact.Length - 2));
}

public sealed class CustomerType : ObjectGraphType<CustomerView>
{
    public CustomerType()
    {
        Name = "Customer";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("contact")
            .Description("Masked without the right to see it; every unmasked read is recorded (contactViews).")
            .Resolve(c => c.Source.ShownContactOf is { } complaint ? ComplaintLoaders.Of(c).ContactReads.Load([complaint], (_, _) => c.Source.Contact) : c.Source.Contact);
        Field<StringGraphType>("customerNumber").Resolve(c => c.Source.CustomerNumber);
        Field<NonNullGraphType<CustomerTierType>>("tier").Resolve(c => c.Source.Tier);
    }
}

/// <summary>A grade with its bilingual name when the policy that gave it is loaded.</summary>
public sealed record GradeView(string Code, Plugins.Abstractions.LocalizedText? Name, int Rank, string? Reason);

public sealed class GradeType : ObjectGraphType<GradeView>
{
    public GradeType()
    {
        Name = "Grade";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<StringGraphType>("locale", "\"zh\" for Chinese; English otherwise.")
            .Resolve(c => c.Source.Name?.For(c.GetArgument<string?>("locale")) ?? c.Source.Code);
        Field<NonNullGraphType<IntGraphType>>("rank").Resolve(c => c.Source.Rank);
        Field<StringGraphType>("reason").Description("Why the policy gave this grade.").Resolve(c => c.Source.Reason);
    }
}
