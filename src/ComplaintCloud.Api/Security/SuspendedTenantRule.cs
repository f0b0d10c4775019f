using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Api.Security;

/// <summary>
/// A tenant the platform operator suspended is read-only: its people can still log in and read, but every other
/// mutation is FORBIDDEN. A tenant found writable is not asked again for <see cref="Application.RecentConfirmations.Lifetime"/>;
/// the node that suspends it refuses at once, another node within that time.
/// </summary>
internal sealed class SuspendedTenantRule : ValidationRuleBase
{
    private static readonly HashSet<string> AllowedWhileSuspended = ["logIn", "refreshToken"];

    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Mutation
            || context.RequestServices?.GetService<TenantContext>()?.TenantId is not { } tenantId)
        {
            return null;
        }

        var writable = context.RequestServices.GetRequiredService<RecentlyWritableTenants>();
        var now = context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant();
        if (writable.Confirms(tenantId, now))
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<ComplaintCloudDbContext>();
        if (!await IsSuspended(db, tenantId, context.CancellationToken))
        {
            writable.Remember(tenantId, now);
            return null;
        }

        foreach (var field in context.Operation.SelectionSet.Selections.OfType<GraphQLField>().Where(f => !AllowedWhileSuspended.Contains(f.Name.StringValue)))
        {
            const string message = "This tenant is suspended: it can read, but not change anything.";
            context.ReportError(new ValidationError(context.Document.Source, null, message, new DomainException(ErrorCode.Forbidden, message), field));
        }

        return null;
    }

    // Compiled once: asked before every mutation whenever the kept answer does not cover its tenant.
    private static readonly Func<ComplaintCloudDbContext, Guid, CancellationToken, Task<bool>> IsSuspended =
        EF.CompileAsyncQuery((ComplaintCloudDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
            db.Tenants.Any(t => t.Id == tenantId && t.SuspendedAt != null));
}
