using ComplaintCloud.Api.Hosting;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (graphql.github.io/graphql-over-http) in front of graphql-dotnet's <see cref="IDocumentExecuter"/>:
/// request parsing, content negotiation and status codes; execution stays graphql-dotnet's.
/// </summary>
internal sealed class GraphQLHttpEndpoint(IDocumentExecuter executer, IGraphQLTextSerializer serializer, IConfiguration configuration, WebConsole console)
{
    public const string MaxRequestBytesKey = "GraphQL:MaxRequestBytes";
    public const long DefaultMaxRequestBytes = 1024 * 1024;

    private static readonly IValidationRule[] GetValidationRules = [.. DocumentValidator.CoreRules, QueriesOnlyOverGetRule.Instance];

    // Also for documents served from a cache, should one be configured: those skip the full rule set.
    private static readonly IValidationRule[] CachedGetValidationRules = [QueriesOnlyOverGetRule.Instance];

    private readonly long _maxRequestBytes = configuration.GetValue(MaxRequestBytesKey, DefaultMaxRequestBytes);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, GraphQLMediaTypes.Json, new(StatusCodes.Status405MethodNotAllowed, "Use GET or POST.")).ConfigureAwait(false);
            return;
        }

        var accept = request.GetTypedHeaders().Accept;
        if (isGet)
        {
            // The response type depends on Accept, so shared caches must key on it.
            context.Response.Headers.Vary = "Accept";
            if (!request.Query.ContainsKey("query") && GraphQLMediaTypes.AcceptsHtml(accept))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(GraphiQLPage.Html(console), context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }

        if (GraphQLMediaTypes.Negotiate(accept) is not { } mediaType)
        {
            var notAcceptable = new GraphQLRequestError(
                StatusCodes.Status406NotAcceptable, $"Accept {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.");
            await WriteErrorAsync(context, GraphQLMediaTypes.Json, notAcceptable).ConfigureAwait(false);
            return;
        }

        var read = isGet
            ? GraphQLRequestReader.FromQueryString(request.Query, serializer)
            : await GraphQLRequestReader.FromBodyAsync(request, _maxRequestBytes, serializer, context.RequestAborted).ConfigureAwait(false);
        if (read.Error is { } error)
        {
            await WriteErrorAsync(context, mediaType, error).ConfigureAwait(false);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(CreateOptions(context, read.Request!, isGet)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // The client is gone; there is no one to answer.
        }

        var status = StatusCodeOf(result, mediaType);
        if (status == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
        }

        await WriteAsync(context, status, mediaType, result).ConfigureAwait(false);
    }

    private static ExecutionOptions CreateOptions(HttpContext context, GraphQLRequest request, bool isGet)
    {
        var options = GraphQLExecution.OptionsFor(context, request, context.RequestAborted);
        options.ValidationRules = isGet ? GetValidationRules : null;
        options.CachedDocumentValidationRules = isGet ? CachedGetValidationRules : null;
        return options;
    }

    private static int StatusCodeOf(ExecutionResult result, string mediaType)
    {
        var errors = result.Errors ?? [];
        if (errors.Any(error => error.Code == QueriesOnlyOverGetRule.ErrorCode))
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        // Nothing executed: with graphql-response+json the status tells why; application/json answers 200 to every
        // well-formed request (legacy clients read errors from the body), unless the server itself failed.
        var status = errors.FirstOrDefault() is { } first ? ClientErrors.StatusCodeOf(first) : StatusCodes.Status500InternalServerError;
        return mediaType == GraphQLMediaTypes.Json && status != StatusCodes.Status500InternalServerError ? StatusCodes.Status200OK : status;
    }

    private Task WriteErrorAsync(HttpContext context, string mediaType, GraphQLRequestError error) =>
        WriteAsync(context, error.StatusCode, mediaType, new ExecutionResult(new ExecutionError(error.Message) { Code = ClientErrors.BadUserInput }));

    private Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = GraphQLMediaTypes.WithUtf8(mediaType);
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
