using ComplaintCloud.Api.GraphQL.Billing;
using ComplaintCloud.Api.GraphQL.Lifecycle;
using ComplaintCloud.Api.GraphQL.Notifications;
using ComplaintCloud.Api.GraphQL.PreventiveMeasures;
using ComplaintCloud.Api.GraphQL.Reports;
using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Api.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Field<UserType>("me").Description("The signed-in user; null when anonymous.").ResolveAsync(async c =>
        {
            var tenant = c.Service<TenantContext>();
            var db = c.Service<ComplaintCloudDbContext>();
            return tenant.UserId is { } userId ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, c.CancellationToken) : null;
        });

        Field<TenantType>("tenant").Description("The signed-in user's tenant.").ResolveAsync(async c =>
        {
            var tenantId = c.Service<TenantContext>().RequireSignedInTenant();
            var db = c.Service<ComplaintCloudDbContext>();
            return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, c.CancellationToken);
        });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyPluginType>>>>("policies")
            .Description("Every policy plugin found, loaded or rejected, and the signed-in tenant's own custom policy versions.")
            .ResolveAsync(async c => await c.Service<PolicyListing>().ListAsync(c.CancellationToken));

        PolicyFields.AddQueries(this);

        Field<ComplaintType>("complaint")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => Guid.TryParse(c.GetArgument<string>("id"), out var id)
                ? await c.Service<ComplaintQueries>().GetAsync(id, c.CancellationToken)
                : throw new DomainException(ErrorCode.NotFound, "There is no such complaint."));

        SlaBoardQuery.AddTo(this);

        Field<NonNullGraphType<ComplaintConnectionType>>("complaints")
            .Description("Newest first, or by the nearest deadline.")
            .Argument<ComplaintFilterInputType>("filter")
            .Argument<ComplaintOrderType>("orderBy", "NEWEST when omitted.")
            .Argument<IntGraphType>("first", "At most 100; 20 when omitted.")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<ComplaintFilterInput?>("filter");
                return await c.Service<ComplaintQueries>().ListAsync(
                    new ComplaintFilter(
                        filter?.Status,
                        filter?.Grade,
                        filter?.Channel,
                        filter?.ReceivedFrom is { } from ? Instant.FromDateTimeUtc(from.ToUniversalTime()) : null,
                        filter?.ReceivedBefore is { } before ? Instant.FromDateTimeUtc(before.ToUniversalTime()) : null,
                        filter?.Escalated,
                        filter?.EscalatedTo,
                        filter?.Kind,
                        filter?.Owner,
                        filter?.Search),
                    c.GetArgument("orderBy", ComplaintOrder.Newest),
                    c.GetArgument<int?>("first"),
                    c.GetArgument<string?>("after"),
                    ComplaintSelection.OfConnection(c),
                    c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplaintType>>>>("approvalQueue")
            .Description("Proposed plans waiting for a role the signed-in user holds and has not approved with yet, oldest complaint first.")
            .ResolveAsync(async c => await c.Service<ApprovalsWaiting>().ListAsync(c.CancellationToken));

        BillingFields.AddTo(this);
        LifecycleQueries.AddTo(this);
        ReportFields.AddTo(this);
        PreventiveMeasureFields.AddTo(this);
        CategoryFields.AddTo(this);
        PublicIntakeFields.AddTo(this);
        SignUpFields.AddTo(this);
        TrackingFields.AddTo(this);
        NotificationFields.AddTo(this);
        SecurityFields.AddTo(this);
        UserFields.AddTo(this);
        PlatformFields.AddTo(this);
    }
}
