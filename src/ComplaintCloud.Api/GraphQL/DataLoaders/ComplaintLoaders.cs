using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Api.GraphQL.DataLoaders;

/// <summary>
/// The batch loaders of one GraphQL operation, for what the fields of a complaint read beyond its row. Kept in the
/// operation's user context rather than the DI scope, which a WebSocket connection keeps for all its operations.
/// </summary>
public sealed class ComplaintLoaders
{
    private const string Key = nameof(ComplaintLoaders);

    private ComplaintLoaders(IServiceProvider services)
    {
        Users = new((ids, cancellationToken) => services.GetRequiredService<ComplaintPeople>().UsersAsync(ids, cancellationToken));
        ContactReads = new(async (complaints, cancellationToken) =>
        {
            await services.GetRequiredService<ContactAccessAudit>().RecordAsync(complaints, cancellationToken);
            return complaints.ToDictionary(c => c);
        });
        Tenants = new(async (ids, cancellationToken) => await services.GetRequiredService<ComplaintCloudDbContext>().Tenants.AsNoTracking()
            .Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken));
    }

    /// <summary>The tenant's users by id: owners and handlers.</summary>
    public BatchLoader<Guid, User> Users { get; }

    /// <summary>Records the unmasked contacts shown (<see cref="ContactAccessAudit"/>) before they are returned.</summary>
    public BatchLoader<Complaint, Complaint> ContactReads { get; }

    /// <summary>Tenants by id: a custom policy's grade names live in its tenant's documents.</summary>
    public BatchLoader<Guid, Tenant> Tenants { get; }

    public static ComplaintLoaders Of(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.UserContext.TryGetValue(Key, out var loaders))
        {
            loaders = new ComplaintLoaders(context.RequestServices ?? throw new InvalidOperationException("The executer was given no RequestServices."));
            context.UserContext[Key] = loaders;
        }

        return (ComplaintLoaders)loaders!;
    }
}
