using GraphQL;
using GraphQL.Execution;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>Writes each error as <c>message</c> plus <c>extensions.code</c> (and <c>field</c>, <c>details</c> and a rule's own extensions when known).</summary>
internal sealed class ComplaintCloudErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var error = ClientErrors.Describe(executionError);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Field is not null)
        {
            extensions["field"] = error.Field;
        }

        if (error.Details is not null)
        {
            extensions["details"] = error.Details;
        }

        // A rule's own extensions (such as the plan limit reached) never override the code or field.
        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            extensions.TryAdd(key, value);
        }

        return new ErrorInfo { Message = error.Message, Extensions = extensions };
    }
}
