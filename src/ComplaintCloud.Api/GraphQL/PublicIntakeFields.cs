using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Complaints.Intake;
using ComplaintCloud.Plugins.Abstractions;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>The public complaint form: anonymous customers, the tenant named by X-Tenant or the sub-domain.</summary>
public static class PublicIntakeFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<ComplaintReceiptType>>("submitPublicComplaint")
            .Description("A customer complains without signing in, to the tenant named by the X-Tenant header or the sub-domain. Returns the feedback number only.")
            .Argument<NonNullGraphType<PublicComplaintInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<PublicComplaintInput>("input");
                var key = c.Service<IHttpContextAccessor>().HttpContext?.Request.Headers[MutationType.IdempotencyKeyHeader].FirstOrDefault();
                return await c.Service<PublicIntakeHandler>().HandleAsync(
                    new PublicIntakeCommand(input.Channel, input.Kind, input.Category, input.Description, input.CustomerName, input.Contact, input.Request, input.AmountInvolved, key),
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
    }
}
