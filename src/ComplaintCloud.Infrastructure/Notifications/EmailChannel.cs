using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>
/// An SMTP relay and the address messages come from. <c>CertificateThumbprint</c>, the SHA-256 thumbprint (hex) of the
/// relay's own TLS certificate, trusts that certificate whoever issued it (a relay on a self-signed certificate); null
/// trusts only certificates the system's CAs vouch for.
/// </summary>
public sealed record SmtpRelay(string Host, int Port, SecureSocketOptions Security, string? UserName, string? Password, string From, string? CertificateThumbprint = null)
{
    /// <summary>Whether a relay's certificate is one to talk to: valid by the system's CAs, or the pinned one.</summary>
    public bool Trusts(X509Certificate? certificate, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (CertificateThumbprint is { } pinned && certificate is not null
            && string.Equals(
                Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())),
                pinned.Replace(":", string.Empty, StringComparison.Ordinal),
                StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The deployment's relay (<c>Notifications:Email:Host</c>, <c>Port</c>, <c>Security</c>, <c>UserName</c>,
/// <c>Password</c>, <c>From</c>, <c>CertificateThumbprint</c>) and each tenant's own (<c>Notifications:Email:Tenants:&lt;slug&gt;:…</c>). A tenant's
/// missing keys are the deployment's, except that a tenant naming its own host brings its own credentials and
/// certificate.
/// </summary>
public sealed class EmailSettings(SmtpRelay deployment, IReadOnlyDictionary<string, SmtpRelay> tenants)
{
    public const string Section = "Notifications:Email";

    public SmtpRelay For(string tenantSlug) => tenants.GetValueOrDefault(tenantSlug) ?? deployment;

    /// <summary>The settings, or null (no e-mail) when no host is configured.</summary>
    public static EmailSettings? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (section["Host"] is not { Length: > 0 } host)
        {
            return null;
        }

        var deployment = ReadRelay(section, new SmtpRelay(host, 587, SecureSocketOptions.StartTls, null, null,
            section["From"] ?? throw new InvalidOperationException($"Set {Section}:From, the address e-mails come from.")));
        var tenants = section.GetSection("Tenants").GetChildren().ToDictionary(t => t.Key, t => ReadRelay(t, deployment), StringComparer.Ordinal);
        return new EmailSettings(deployment, tenants);
    }

    private static SmtpRelay ReadRelay(IConfigurationSection section, SmtpRelay fallback)
    {
        var ownHost = section["Host"] is { Length: > 0 } host && host != fallback.Host;
        return new SmtpRelay(
            section["Host"] is { Length: > 0 } h ? h : fallback.Host,
            section["Port"] is { Length: > 0 } port ? int.Parse(port, CultureInfo.InvariantCulture) : fallback.Port,
            section["Security"] is { Length: > 0 } security ? Enum.Parse<SecureSocketOptions>(security, ignoreCase: true) : fallback.Security,
            section["UserName"] ?? (ownHost ? null : fallback.UserName),
            section["Password"] ?? (ownHost ? null : fallback.Password),
            section["From"] ?? fallback.From,
            section["CertificateThumbprint"] ?? (ownHost ? null : fallback.CertificateThumbprint));
    }
}

/// <summary>
/// Sends messages as e-mail through the tenant's SMTP relay with MailKit: from the tenant's name, a plain-text and an
/// HTML part in the message's language, and a footer saying it is a transactional message (no unsubscribe link: it is
/// about the recipient's own complaint or account). The outbox message id is the Message-Id, so a relay or a mailbox
/// can drop a retried duplicate.
/// </summary>
/// <remarks>
/// One instance serves one dispatch round (scoped), keeping one open connection per relay across the round's messages
/// instead of connecting, greeting and authenticating for each. A connection whose send failed is dropped, so the
/// next message connects afresh; the failed message itself is retried by the outbox as before.
/// </remarks>
public sealed class EmailChannel(EmailSettings settings) : INotificationChannel, IAsyncDisposable
{
    public const string ChannelName = "email";

    private readonly Dictionary<SmtpRelay, SmtpClient> _connections = [];

    public string Name => ChannelName;

    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var relay = settings.For(delivery.Tenant.Slug);
        var message = Compose(delivery, relay.From);
        var client = await ConnectionAsync(relay, cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            _connections.Remove(relay);
            client.Dispose();
            throw;
        }
    }

    /// <summary>Says goodbye to every relay of the round.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _connections.Values)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
#pragma warning disable CA1031 // The messages went out; a relay that hangs up first changes nothing.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            client.Dispose();
        }

        _connections.Clear();
    }

    private async Task<SmtpClient> ConnectionAsync(SmtpRelay relay, CancellationToken cancellationToken)
    {
        if (_connections.TryGetValue(relay, out var open) && open.IsConnected)
        {
            return open;
        }

        open?.Dispose();
        var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, errors) => relay.Trusts(certificate, errors),
            // A pinned certificate is trusted as it is; a CA-issued one must not have been revoked.
            CheckCertificateRevocation = relay.CertificateThumbprint is null,
        };
        try
        {
            await client.ConnectAsync(relay.Host, relay.Port, relay.Security, cancellationToken);
            if (relay.UserName is { Length: > 0 } userName)
            {
                await client.AuthenticateAsync(userName, relay.Password ?? string.Empty, cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            _connections.Remove(relay);
            throw;
        }

        _connections[relay] = client;
        return client;
    }

    public static MimeMessage Compose(Delivery delivery, string from)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var content = delivery.RequireContent();
        var sender = MailboxAddress.Parse(from);
        sender.Name = delivery.Tenant.Name;
        var message = new MimeMessage { Subject = content.Subject, MessageId = $"{delivery.Message.Id}@{sender.Domain}" };
        message.From.Add(sender);
        message.To.AddRange(delivery.RequireAddresses().Select(MailboxAddress.Parse));
        // RFC 3834: mailbox auto-responders do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var footer = Footer(delivery);
        message.Body = new BodyBuilder
        {
            TextBody = $"{content.Text}\n\n-- \n{footer}\n",
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="{delivery.Language}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(content.Subject)}</title></head>
                <body>
                {content.Html}<hr>
                <p style="color:#666;font-size:small">{WebUtility.HtmlEncode(footer)}</p>
                </body></html>
                """,
        }.ToMessageBody();
        return message;
    }

    private static string Footer(Delivery delivery)
    {
        var tenant = delivery.Tenant.Name;
        var number = delivery.Payload.Values.GetValueOrDefault("complaintNumber");
        return delivery.Language == "zh"
            ? $"这是{tenant}发送的服务通知{(number is null ? string.Empty : $"，与反馈{number}有关")}，并非营销信息，无需退订。"
            : $"This is a service message from {tenant}{(number is null ? string.Empty : $" about {number}")}. It is not marketing: there is nothing to unsubscribe from.";
    }
}
