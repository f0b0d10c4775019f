using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Domain.Complaints;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

/// <summary>A Relay connection over <see cref="ComplaintPage"/>.</summary>
public sealed class ComplaintConnectionType : ObjectGraphType<ComplaintPage>
{
    public ComplaintConnectionType()
    {
        Name = "ComplaintConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplaintEdgeType>>>>("edges").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplaintType>>>>("nodes").Resolve(c => c.Source.Items.Select(i => i.Complaint).ToList());
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Every complaint the filter matches, counted exactly; the count runs only when this field is selected, and costs a scan of the matches.")
            .ResolveAsync(async c => await c.Source.CountAllAsync(c.CancellationToken));
    }
}

public sealed class ComplaintEdgeType : ObjectGraphType<(Complaint Complaint, string Cursor)>
{
    public ComplaintEdgeType()
    {
        Name = "ComplaintEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ComplaintType>>("node").Resolve(c => c.Source.Complaint);
    }
}

public sealed class PageInfoType : ObjectGraphType<ComplaintPage>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.Items.Count == 0 ? null : c.Source.Items[^1].Cursor);
    }
}
