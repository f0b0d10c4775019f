using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>Seed 001's first-response standards per channel and tier, as the tenant sets them.</summary>
public static class ChannelStandardFields
{
    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<TenantType>>("updateChannelStandards")
            .Description("Replaces the first-response standards the report measures channels against. Tenant admins only.")
            .Argument<NonNullGraphType<UpdateChannelStandardsInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UpdateChannelStandardsInput>("input");
                return await c.Service<UpdateChannelStandardsHandler>().HandleAsync(
                    [.. input.Standards.Select(s => new ChannelStandard(s.Channel, s.Tier, s.Seconds))], c.CancellationToken);
            });
    }
}

public sealed class ChannelStandardType : ObjectGraphType<ChannelStandard>
{
    public ChannelStandardType()
    {
        Name = "ChannelStandard";
        Field<NonNullGraphType<ChannelType>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<CustomerTierType>>("tier").Resolve(c => c.Source.Tier);
        Field<NonNullGraphType<IntGraphType>>("seconds").Description("The channel must first answer within this.").Resolve(c => c.Source.Seconds);
    }
}

public sealed class ChannelStandardInput
{
    public Channel Channel { get; init; }
    public CustomerTier Tier { get; init; }
    public int Seconds { get; init; }
}

public sealed class ChannelStandardInputType : InputObjectGraphType<ChannelStandardInput>
{
    public ChannelStandardInputType()
    {
        Name = "ChannelStandardInput";
        Field<NonNullGraphType<ChannelType>>("channel");
        Field<NonNullGraphType<CustomerTierType>>("tier");
        Field<NonNullGraphType<IntGraphType>>("seconds");
    }
}

public sealed class UpdateChannelStandardsInput
{
    public List<ChannelStandardInput> Standards { get; init; } = [];
}

public sealed class UpdateChannelStandardsInputType : InputObjectGraphType<UpdateChannelStandardsInput>
{
    public UpdateChannelStandardsInputType()
    {
        Name = "UpdateChannelStandardsInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelStandardInputType>>>>("standards");
    }
}
