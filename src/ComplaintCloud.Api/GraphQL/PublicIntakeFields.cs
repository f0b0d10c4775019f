using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Api.Security;
using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>The public complaint form: anonymous customers, the tenant named by X-Tenant or the sub-domain.</summary>
public static class PublicIntakeFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<PublicTenantType>>("publicTenant")
            .Description("The tenant named by the X-Tenant header or the sub-domain, as its public pages name it; no sign-in needed.")
            .ResolveAsync(async c =>
            {
                var tenantId = c.Service<TenantContext>().RequireTenant();
                return await c.Service<ComplaintCloudDbContext>().Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, c.CancellationToken);
            });
    }

    public static void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<ComplaintReceiptType>>("submitPublicComplaint")
            .Description(
                "A customer complains without signing in, to the tenant named by the X-Tenant header or the sub-domain. Returns the feedback number and the acknowledgement. "
                + "At most RateLimits:PublicSubmissionsPerHour per client address and tenant, then RATE_LIMITED.")
            .Argument<NonNullGraphType<PublicComplaintInputType>>("input")
            .ResolveAsync(async c =>
            {
                var http = c.Service<IHttpContextAccessor>().HttpContext!;
                c.Service<PublicPageLimits>().TakeSubmission(http);
                var input = c.GetArgument<PublicComplaintInput>("input");
                var key = http.Request.Headers[MutationType.IdempotencyKeyHeader].FirstOrDefault();
                return await c.Service<PublicIntakeHandler>().HandleAsync(
                    new PublicIntakeCommand(input.Channel, input.Kind, input.Category, input.Description, input.CustomerName, input.Contact, input.Request, input.AmountInvolved, key)
                    {
                        Attachments = [.. (input.Attachments ?? []).Select((file, i) => FileUploads.Decode(file.FileName, file.ContentType, file.Base64, $"input.attachments[{i}].base64"))],
                        Website = input.Website,
                    },
                    c.CancellationToken);
            });
    }
}

public sealed class PublicComplaintInput
{
    public Channel? Channel { get; init; }
    public FeedbackKind Kind { get; init; }
    public string Category { get; init; } = "";
    public string Description { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string Contact { get; init; } = "";
    public string? Request { get; init; }
    public decimal? AmountInvolved { get; init; }
    public IReadOnlyList<PublicAttachmentInput>? Attachments { get; init; }
    public string? Website { get; init; }
}

public sealed class PublicAttachmentInput
{
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public string Base64 { get; init; } = "";
}

public sealed class PublicComplaintInputType : InputObjectGraphType<PublicComplaintInput>
{
    public PublicComplaintInputType()
    {
        Name = "PublicComplaintInput";
        Field<ChannelType>("channel")
            .Description("Where the customer typed it in: ONLINE_CHAT (a web page, the default), APP (app or mini-program), SOCIAL_MEDIA, SURVEY or IN_STORE (a QR code or kiosk).");
        Field<NonNullGraphType<FeedbackKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("category").Description("e.g. \"product/malfunction\", \"logistics/delay\".");
        Field<NonNullGraphType<StringGraphType>>("description").Description("The customer's words, stored verbatim.");
        Field<NonNullGraphType<StringGraphType>>("customerName").Description("Name or nickname.");
        Field<NonNullGraphType<StringGraphType>>("contact").Description("Phone or e-mail, used only to call back; never shown to the public.");
        Field<StringGraphType>("request").Description("What the customer asks for: refund, repair, apology…");
        Field<DecimalGraphType>("amountInvolved");
        Field<ListGraphType<NonNullGraphType<PublicAttachmentInputType>>>("attachments")
            .Description("Photos or documents the customer adds, kept as evidence; the whole request within GraphQL:MaxRequestBytes.");
        Field<StringGraphType>("website").Description("Leave empty: a form hides it from people, and a complaint that fills it in is refused as a bot's.");
    }
}

public sealed class PublicAttachmentInputType : InputObjectGraphType<PublicAttachmentInput>
{
    public PublicAttachmentInputType()
    {
        Name = "PublicAttachmentInput";
        Field<NonNullGraphType<StringGraphType>>("fileName");
        Field<NonNullGraphType<StringGraphType>>("contentType").Description("e.g. image/jpeg.");
        Field<NonNullGraphType<StringGraphType>>("base64").Description("The file, base64.");
    }
}

public sealed class ComplaintReceiptType : ObjectGraphType<PublicIntakeReceipt>
{
    public ComplaintReceiptType()
    {
        Name = "ComplaintReceipt";
        Description = "What a customer gets back for a complaint: the number to quote when calling.";
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<DateTimeGraphType>>("receivedAt").Resolve(c => c.Source.ReceivedAt.ToDateTimeUtc());
        Field<NonNullGraphType<StringGraphType>>("acknowledgement")
            .Description("What the customer's contact is sent too, in the tenant's wording: \"your feedback about … is recorded; we will contact you within 24 hours\".")
            .Argument<StringGraphType>("locale", "\"zh\" for Chinese; English otherwise.")
            .Resolve(c => c.Source.Acknowledgement[c.GetArgument<string?>("locale") is { } locale && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en"]);
    }
}

public sealed class PublicTenantType : ObjectGraphType<Tenant>
{
    public PublicTenantType()
    {
        Name = "PublicTenant";
        Description = "What a tenant's public pages show of it.";
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
    }
}
