using System.Diagnostics;
using ComplaintCloud.Infrastructure.Telemetry;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>
/// One span per GraphQL operation, named by its type and name (<c>mutation SubmitComplaint</c>), with the SQL it runs
/// beneath it; and each error it answers counted by <c>extensions.code</c>. The document and variables never go into
/// the span: they hold customers' words.
/// </summary>
internal sealed class OperationTelemetry : IConfigureExecution
{
    // Around everything else, so the span covers the whole execution.
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var activity = ComplaintCloudTelemetry.Traces.StartActivity("graphql");
        var result = await next(options).ConfigureAwait(false);
        if (activity is not null)
        {
            var type = result.Operation?.Operation switch
            {
                OperationType.Query => "query",
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                _ => "graphql",
            };
            var name = result.Operation?.Name?.StringValue ?? options.OperationName;
            activity.DisplayName = name is null ? type : $"{type} {name}";
            activity.SetTag("graphql.operation.type", type);
            activity.SetTag("graphql.operation.name", name);
        }

        foreach (var error in result.Errors ?? [])
        {
            ComplaintCloudTelemetry.GraphQLError(ClientErrors.Describe(error).Code);
        }

        if (result.Errors is { Count: > 0 })
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return result;
    }
}
