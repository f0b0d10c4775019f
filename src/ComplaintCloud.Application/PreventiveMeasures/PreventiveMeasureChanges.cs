using ComplaintCloud.Domain.PreventiveMeasures;

namespace ComplaintCloud.Application.PreventiveMeasures;

/// <summary>Leadership (the roles approving the policy's top grade) signs a proposed measure off.</summary>
public sealed class SignOffPreventiveMeasureHandler(PreventiveMeasureWork work)
{
    public Task<PreventiveMeasure> HandleAsync(Guid measureId, CancellationToken cancellationToken) =>
        work.ChangeAsync(measureId, (m, actor, leadership, now) => m.SignOff(actor, leadership, now), cancellationToken);
}

/// <summary>The owner or leadership reports progress on a signed-off measure, or that it is done.</summary>
public sealed class FollowUpPreventiveMeasureHandler(PreventiveMeasureWork work)
{
    public Task<PreventiveMeasure> HandleAsync(Guid measureId, string note, bool done, CancellationToken cancellationToken) =>
        work.ChangeAsync(measureId, (m, actor, leadership, now) => m.FollowUp(actor, leadership, note, done, now), cancellationToken);
}
