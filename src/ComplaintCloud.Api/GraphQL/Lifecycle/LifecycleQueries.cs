using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Lifecycle;

public static class LifecycleQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<EvidenceFileType>>("evidenceFile")
            .Description("The file of one evidence item, base64.")
            .Argument<NonNullGraphType<IdGraphType>>("evidenceId")
            .ResolveAsync(async c => Guid.TryParse(c.GetArgument<string>("evidenceId"), out var id)
                ? new EvidenceFileView(await c.Service<EvidenceFiles>().GetAsync(id, c.CancellationToken))
                : throw new DomainException(ErrorCode.NotFound, "There is no such evidence file."));
    }
}

public sealed record EvidenceFileView(string FileName, string ContentType, string Base64)
{
    public EvidenceFileView((Domain.Complaints.Lifecycle.EvidenceItem Item, byte[] Content) file)
        : this(file.Item.FileName ?? "", file.Item.ContentType ?? "application/octet-stream", Convert.ToBase64String(file.Content))
    {
    }
}

public sealed class EvidenceFileType : ObjectGraphType<EvidenceFileView>
{
    public EvidenceFileType()
    {
        Name = "EvidenceFile";
        Field<NonNullGraphType<StringGraphType>>("fileName").Resolve(c => c.Source.FileName);
        Field<NonNullGraphType<StringGraphType>>("contentType").Resolve(c => c.Source.ContentType);
        Field<NonNullGraphType<StringGraphType>>("base64").Resolve(c => c.Source.Base64);
    }
}
