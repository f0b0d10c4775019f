using ComplaintCloud.Domain.Complaints;

namespace ComplaintCloud.Domain.Tenants;

public sealed partial class Tenant
{
    /// <summary>The first-response standards the tenant set; null runs on seed 001's (<see cref="ChannelStandard.Seed001"/>).</summary>
    public IReadOnlyList<ChannelStandard>? ChannelStandards { get; private set; }

    public IReadOnlyList<ChannelStandard> ChannelStandardsInUse() => ChannelStandards ?? ChannelStandard.Seed001;

    /// <summary>Replaces the standards; a channel and tier without one is not measured in the report.</summary>
    public void ChangeChannelStandards(IReadOnlyList<ChannelStandard> standards) =>
        ChannelStandards = ChannelStandard.Validate(standards, "input.standards");
}
