using GraphQL;
using GraphQL.Execution;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>Writes each error as <c>message</c> plus <c>extensions.code</c> (and <c>field</c>, <c>details</c> when known).</summary>
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

        return new ErrorInfo { Message = error.Message, Extensions = extensions };
    }
}
