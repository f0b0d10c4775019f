using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>Live updates, over WebSocket (graphql-transport-ws) at /graphql.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<ClockAlertType>>("clockAlerts")
            .Description("The signed-in tenant's clock warnings and breaches, as they are handled.")
            .ResolveStream(c =>
            {
                var tenantId = c.Service<TenantContext>().RequireSignedInTenant();
                return new TenantAlerts(c.Service<ClockAlertFeed>(), tenantId);
            })
            .Resolve(c => c.Source);
    }

    // The feed carries every tenant's alerts; a subscriber sees its own tenant's only.
    private sealed class TenantAlerts(ClockAlertFeed feed, Guid tenantId) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer) => feed.Subscribe(new Filter(observer, tenantId));

        private sealed class Filter(IObserver<object?> inner, Guid tenantId) : IObserver<ClockAlertNotice>
        {
            public void OnCompleted() => inner.OnCompleted();

            public void OnError(Exception error) => inner.OnError(error);

            public void OnNext(ClockAlertNotice value)
            {
                if (value.TenantId == tenantId)
                {
                    inner.OnNext(value);
                }
            }
        }
    }
}
