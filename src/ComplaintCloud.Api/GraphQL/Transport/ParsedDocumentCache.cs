using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>
/// Parses and checks each query text once: clients send the same few documents over and over (the console's board
/// page, an integration's poll). A document that passed validation and ran is kept; the next request with the same
/// text skips parsing and the specification's rules, which depend on the document and the schema alone. Our own rules
/// (the caller's scope, a suspended tenant, the complexity of the variables given, GET only for queries) still run
/// on every request.
/// </summary>
internal sealed class ParsedDocumentCache : IConfigureExecution
{
    // Enough for every document the console and the integrations send; past it, new texts are parsed each time.
    private const int MaxDocuments = 1_000;

    private static readonly HashSet<IValidationRule> DocumentOnlyRules = [.. DocumentValidator.CoreRules];

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    // After the option setters (100), which add the validation rules to the request.
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            options.ValidationRules = [.. (options.ValidationRules ?? DocumentValidator.CoreRules).Where(rule => !DocumentOnlyRules.Contains(rule))];
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } parsed && _documents.Count < MaxDocuments)
        {
            _documents.TryAdd(query, parsed);
        }

        return result;
    }
}
