using ComplaintCloud.Api.GraphQL;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.Security;

/// <summary>
/// Which root fields a caller may reach, before anything runs: an API key only those its scopes name; the platform
/// operator only the platform fields (so never a complaint); everyone else anything but the platform fields. Users
/// are further governed by their roles, in the handlers.
/// </summary>
internal sealed class CallerScopeRule : ValidationRuleBase
{
    private static readonly Dictionary<string, string[]> FieldsByScope = new()
    {
        [ApiKeyScopes.SubmitComplaints] = ["submitComplaint"],
        [ApiKeyScopes.ReadComplaints] = ["complaint", "complaints"],
    };

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var caller = context.RequestServices?.GetService<TenantContext>();
        Func<string, bool> allowed = caller switch
        {
            { IsPlatformOperator: true } => PlatformFields.Names.Contains,
            { ApiKeyId: not null } => caller.ApiKeyScopes.SelectMany(scope => FieldsByScope.GetValueOrDefault(scope, [])).ToHashSet().Contains,
            _ => name => !PlatformFields.Names.Contains(name),
        };
        foreach (var selection in context.Operation.SelectionSet.Selections)
        {
            var name = (selection as GraphQLField)?.Name.StringValue;
            if (name is null || !(allowed(name) || name.StartsWith("__", StringComparison.Ordinal)))
            {
                const string message = "You may not call this operation.";
                context.ReportError(new ValidationError(
                    context.Document.Source, null, message, new DomainException(ErrorCode.Forbidden, message), selection));
            }
        }

        return default;
    }
}
