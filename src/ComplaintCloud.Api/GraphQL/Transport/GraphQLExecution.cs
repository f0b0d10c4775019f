using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>How either transport (HTTP, WebSocket) hands a request to the executer: the connection's services and user.</summary>
internal static class GraphQLExecution
{
    public static ExecutionOptions OptionsFor(HttpContext context, GraphQLRequest request, CancellationToken cancellationToken) => new()
    {
        Schema = context.RequestServices.GetRequiredService<ISchema>(),
        Query = request.Query,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        RequestServices = context.RequestServices,
        User = context.User,
        CancellationToken = cancellationToken,
    };
}
