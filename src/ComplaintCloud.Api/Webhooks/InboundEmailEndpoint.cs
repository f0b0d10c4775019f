using System.Security.Cryptography;
using System.Text;
using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.Features;
using MimeKit;

namespace ComplaintCloud.Api.Webhooks;

/// <summary>The inbound e-mail domain, the shared secret the MTA or provider sends, and the largest message taken.</summary>
public sealed record InboundEmailSettings(string Domain, string Secret, long MaxBytes)
{
    public const string Section = "Notifications:Inbound";

    public static InboundEmailSettings? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (section["Domain"] is not { Length: > 0 } domain)
        {
            return null;
        }

        return new InboundEmailSettings(
            domain,
            section["Secret"] is { Length: >= 16 } secret ? secret : throw new InvalidOperationException($"Set {Section}:Secret, at least 16 characters."),
            long.TryParse(section["MaxBytes"], out var max) ? max : 10 * 1024 * 1024);
    }
}

/// <summary>
/// <c>POST /inbound/email</c>: a raw RFC 822 message, piped by an MTA or posted by a provider's inbound webhook with the
/// shared secret in <c>X-Inbound-Secret</c>, addressed to <c>&lt;slug&gt;@&lt;Notifications:Inbound:Domain&gt;</c>. It
/// becomes a complaint on channel EMAIL, or a note on the complaint its subject names (<see cref="InboundEmailHandler"/>).
/// A wrong secret is 401; a message too large 413; one that is malformed, has no sender or no text 400; no tenant at
/// the address 404 — all storing nothing.
/// </summary>
public static class InboundEmailEndpoint
{
    public const string Path = "/inbound/email";
    public const string SecretHeader = "X-Inbound-Secret";

    /// <summary>Maps the endpoint when <c>Notifications:Inbound:Domain</c> is set.</summary>
    public static void MapInboundEmail(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (InboundEmailSettings.Read(app.Configuration) is { } settings)
        {
            app.MapPost(Path, (HttpContext context, TenantDirectory tenants, InboundEmailHandler handler) => ReceiveAsync(context, settings, tenants, handler));
        }
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, InboundEmailSettings settings, TenantDirectory tenants, InboundEmailHandler handler)
    {
        var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].FirstOrDefault() ?? string.Empty);
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(settings.Secret)))
        {
            return Results.Json(new { error = $"Send the shared secret in {SecretHeader}." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxBytes;
        }

        var raw = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(raw, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(new { error = $"A message may have at most {settings.MaxBytes} bytes." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        MimeMessage message;
        try
        {
            raw.Position = 0;
            message = await MimeMessage.LoadAsync(raw, context.RequestAborted);
        }
        catch (FormatException e)
        {
            return Refused($"Not an RFC 822 message: {e.Message}");
        }

        if (message.From.Mailboxes.FirstOrDefault() is not { } sender || !sender.Address.Contains('@', StringComparison.Ordinal))
        {
            return Refused("The message has no sender address.");
        }

        var text = message.TextBody ?? message.HtmlBody;
        if (string.IsNullOrWhiteSpace(text) || message.Headers.Count == 0)
        {
            return Refused("The message has no text.");
        }

        var slug = message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .Select(m => m.Address.Split('@'))
            .FirstOrDefault(parts => parts.Length == 2 && string.Equals(parts[1], settings.Domain, StringComparison.OrdinalIgnoreCase))?[0].ToLowerInvariant();
        if (slug is null || await tenants.FindIdAsync(slug, context.RequestAborted) is not { } tenantId)
        {
            return Results.Json(new { error = $"No tenant receives e-mail at this address of {settings.Domain}." }, statusCode: StatusCodes.Status404NotFound);
        }

        var attachments = message.Attachments.OfType<MimePart>().Where(part => part.Content is not null).Select(part =>
        {
            using var content = new MemoryStream();
            part.Content!.DecodeTo(content);
            return new EvidenceUpload(part.FileName ?? "attachment", part.ContentType.MimeType, content.ToArray());
        }).ToList();
        try
        {
            var receipt = await handler.HandleAsync(tenantId, new InboundEmail(sender.Address, sender.Name, message.Subject ?? string.Empty, text, attachments), context.RequestAborted);
            return Results.Ok(new { outcome = receipt.Outcome, complaintNumber = receipt.ComplaintNumber });
        }
        catch (DomainException e)
        {
            return Refused(e.Message, e.Field);
        }
    }

    private static IResult Refused(string error, string? field = null) => Results.BadRequest(new { error, field });
}
