using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

public sealed class ComplaintCloudSchema : Schema
{
    public ComplaintCloudSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
