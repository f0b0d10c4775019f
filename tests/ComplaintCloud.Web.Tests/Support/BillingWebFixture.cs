using ComplaintCloud.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace ComplaintCloud.Web.Tests.Support;

/// <summary>The console's service with billing on against the local Stripe double, as the API's billing tests run it.</summary>
public sealed class BillingWebFixture : WebFixture
{
    public new const string Collection = "web-billing";

    public StripeDouble Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Stripe = await StripeDouble.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    protected override void Configure(IWebHostBuilder host) => BillingApiFixture.UseStripeDouble(host, Stripe);
}

[CollectionDefinition(BillingWebFixture.Collection)]
public sealed class BillingWebCollectionDefinition : ICollectionFixture<BillingWebFixture>;
