using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

// graphql-dotnet names enum values in SCREAMING_CASE: OnlineChat becomes ONLINE_CHAT.
public sealed class ChannelType : EnumerationGraphType<Channel>;

public sealed class FeedbackKindType : EnumerationGraphType<FeedbackKind>;

public sealed class CustomerTierType : EnumerationGraphType<CustomerTier>;

public sealed class CustomerEmotionType : EnumerationGraphType<CustomerEmotion>;

public sealed class ComplaintStatusType : EnumerationGraphType<ComplaintStatus>;

public sealed class ClockStateType : EnumerationGraphType<ClockState>;

public sealed class OwnerFilterType : EnumerationGraphType<OwnerFilter>;

public sealed class ComplaintOrderType : EnumerationGraphType<ComplaintOrder>;
