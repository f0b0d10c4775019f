using System.Diagnostics.CodeAnalysis;
using GraphQL;
using GraphQL.DI;
using GraphQLLifetime = GraphQL.DI.ServiceLifetime;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>Registers and maps the GraphQL-over-HTTP transport.</summary>
public static class GraphQLTransportExtensions
{
    /// <summary>
    /// Adds what the transport needs to a graphql-dotnet registration: API.md error codes on every error
    /// (<c>extensions.code</c>, <c>extensions.field</c>), logging of unhandled resolver exceptions, a span and error
    /// counts per operation, a cache of parsed documents, and the endpoint.
    /// Call inside <c>services.AddGraphQL(b => b.AddSchema&lt;…&gt;().AddSystemTextJson().AddComplaintCloudTransport())</c>.
    /// </summary>
    public static IGraphQLBuilder AddComplaintCloudTransport(this IGraphQLBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddErrorInfoProvider<ComplaintCloudErrorInfoProvider>();
        builder.ConfigureExecution<UnhandledExceptionLogging>();
        builder.ConfigureExecution<NulTextRefusal>();
        builder.ConfigureExecution<OperationTelemetry>();
        builder.ConfigureExecution<ParsedDocumentCache>();
        builder.Services.TryRegister<GraphQLHttpEndpoint>(GraphQLLifetime.Singleton);
        return builder;
    }

    /// <summary>
    /// Maps GraphQL over HTTP at <paramref name="pattern"/>: POST and GET, GraphiQL for browsers.
    /// The request body limit is <c>GraphQL:MaxRequestBytes</c> (1 MiB by default).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>();
        return endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName("GraphQL");
    }
}
