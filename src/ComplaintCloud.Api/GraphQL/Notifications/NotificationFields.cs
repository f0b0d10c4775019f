using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Domain.Notifications;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Notifications;

/// <summary>The tenant's message templates per kind and language (issue 14.3): read them, rewrite one and see a sample.</summary>
public static class NotificationFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationTemplateType>>>>("notificationTemplates")
            .Description("Every kind of message in every language as this tenant sends it: its own wording, else the default. Tenant admins only.")
            .ResolveAsync(async c => await c.Service<NotificationTemplatesQuery>().ListAsync(c.CancellationToken));
    }

    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<NotificationTemplatePreviewType>>("updateNotificationTemplate")
            .Description("Rewrites a kind's template in one language; only the kind's placeholders are accepted. Answers with a sample rendered from it. Tenant admins only.")
            .Argument<NonNullGraphType<UpdateNotificationTemplateInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UpdateNotificationTemplateInput>("input");
                return await c.Service<UpdateNotificationTemplateHandler>().HandleAsync(input.Kind, input.Language, input.Subject, input.Body, c.CancellationToken);
            });
    }
}

public sealed class NotificationTemplateType : ObjectGraphType<NotificationTemplateView>
{
    public NotificationTemplateType()
    {
        Name = "NotificationTemplate";
        Field<NonNullGraphType<StringGraphType>>("kind").Description("ACKNOWLEDGEMENT, URGENT_CONTACT, PLAN_OFFERED, … as the outbox topic names it.").Resolve(c => c.Source.Kind.Code);
        Field<NonNullGraphType<StringGraphType>>("audience").Description("CUSTOMER or STAFF.").Resolve(c => c.Source.Kind.Audience == Audience.Customer ? "CUSTOMER" : "STAFF");
        Field<NonNullGraphType<StringGraphType>>("language").Description("zh or en.").Resolve(c => c.Source.Language);
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Text.Subject);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Text.Body);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("placeholders")
            .Description("The {{placeholders}} this kind may use.").Resolve(c => c.Source.Kind.Placeholders);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("optionalPlaceholders")
            .Description("Placeholders that may have no value: a line using one that is empty is left out.").Resolve(c => c.Source.Kind.OptionalPlaceholders);
        Field<NonNullGraphType<BooleanGraphType>>("customized").Description("The tenant's own wording rather than the default.").Resolve(c => c.Source.Customized);
    }
}

public sealed class RenderedMessageType : ObjectGraphType<RenderedMessage>
{
    public RenderedMessageType()
    {
        Name = "RenderedMessage";
        Field(m => m.Subject);
        Field(m => m.Text).Description("As e-mail text parts and SMS send it.");
        Field(m => m.Html).Description("The body as HTML, every value escaped.");
    }
}

public sealed class NotificationTemplatePreviewType : ObjectGraphType<NotificationTemplatePreview>
{
    public NotificationTemplatePreviewType()
    {
        Name = "NotificationTemplatePreview";
        Field<NonNullGraphType<NotificationTemplateType>>("template").Resolve(c => c.Source.Template);
        Field<NonNullGraphType<RenderedMessageType>>("preview").Description("The template rendered with sample values and the tenant's name.").Resolve(c => c.Source.Preview);
    }
}

public sealed class UpdateNotificationTemplateInput
{
    public string Kind { get; init; } = "";
    public string Language { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
}

public sealed class UpdateNotificationTemplateInputType : InputObjectGraphType<UpdateNotificationTemplateInput>
{
    public UpdateNotificationTemplateInputType()
    {
        Name = "UpdateNotificationTemplateInput";
        Field<NonNullGraphType<StringGraphType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("language").Description("zh or en.");
        Field<NonNullGraphType<StringGraphType>>("subject").Description("One line; placeholders as {{name}}.");
        Field<NonNullGraphType<StringGraphType>>("body").Description("Placeholders as {{name}}.");
    }
}
