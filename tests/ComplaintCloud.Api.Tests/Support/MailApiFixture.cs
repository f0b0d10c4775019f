using System.Globalization;
using ComplaintCloud.IntegrationTests.Notifications;
using Microsoft.AspNetCore.Hosting;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>
/// The service with e-mail on, its outbox loop delivering to an <see cref="SmtpSink"/> on loopback. Shared by the
/// "mail" collection; tests keep apart by signing up a tenant each and by their customers' addresses.
/// </summary>
public sealed class MailApiFixture : ApiFixture
{
    public new const string Collection = "mail";

    /// <summary>The console's public address the customers' links start with.</summary>
    public const string PublicUrl = "https://desk.complaintcloud.example";

    public SmtpSink Mail { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The first call into a policy plugin loads and compiles it, which can run past the guard's 200 ms on a busy
        // machine; a warm-up complaint takes that hit, as a running service took it long ago.
        var tenant = await SignUpAsync();
        await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
    }

    protected override void Configure(IWebHostBuilder host)
    {
        host.UseSetting("Notifications:Email:Host", "127.0.0.1");
        host.UseSetting("Notifications:Email:Port", Mail.Port.ToString(CultureInfo.InvariantCulture));
        host.UseSetting("Notifications:Email:Security", "None");
        host.UseSetting("Notifications:Email:From", "desk@complaintcloud.example");
        host.UseSetting("Console:PublicUrl", PublicUrl);
    }
}

[CollectionDefinition(MailApiFixture.Collection)]
public sealed class MailCollectionDefinition : ICollectionFixture<MailApiFixture>;
