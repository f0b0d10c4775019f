using GraphQL.Validation;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>GET must not change state: a mutation or subscription sent with GET is refused with 405.</summary>
internal sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    /// <summary>The code the endpoint looks for to answer 405 instead of 400.</summary>
    public const string ErrorCode = "OPERATION_NOT_ALLOWED_OVER_GET";

    public static QueriesOnlyOverGetRule Instance { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation != OperationType.Query)
        {
            const string message = "Only queries can be sent with GET; send mutations and subscriptions with POST.";
            context.ReportError(new ValidationError(context.Document.Source, null, message, operation)
            {
                Code = ErrorCode,
            });
        }

        return default;
    }
}
