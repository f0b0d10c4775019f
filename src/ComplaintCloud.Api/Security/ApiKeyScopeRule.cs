using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.Security;

/// <summary>
/// An API key opens only the root fields its scopes name; everything else is FORBIDDEN before anything runs. A user's
/// token is not concerned: users are governed by their roles, in the handlers.
/// </summary>
internal sealed class ApiKeyScopeRule : ValidationRuleBase
{
    private static readonly Dictionary<string, string[]> FieldsByScope = new()
    {
        [ApiKeyScopes.SubmitComplaints] = ["submitComplaint"],
        [ApiKeyScopes.ReadComplaints] = ["complaint", "complaints"],
    };

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var tenant = context.RequestServices?.GetService<TenantContext>();
        if (tenant?.ApiKeyId is null)
        {
            return default;
        }

        var allowed = tenant.ApiKeyScopes.SelectMany(scope => FieldsByScope.GetValueOrDefault(scope, [])).ToHashSet();
        foreach (var selection in context.Operation.SelectionSet.Selections)
        {
            var name = (selection as GraphQLField)?.Name.StringValue;
            if (name is null || (!allowed.Contains(name) && name != "__typename"))
            {
                const string message = "This API key's scopes do not allow this operation.";
                context.ReportError(new ValidationError(
                    context.Document.Source, null, message, new DomainException(ErrorCode.Forbidden, message), selection));
            }
        }

        return default;
    }
}
