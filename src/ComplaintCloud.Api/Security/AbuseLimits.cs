using ComplaintCloud.Domain;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ComplaintCloud.Api.Security;

/// <summary>
/// What a single GraphQL document may cost before anything runs: depth and complexity (graphql-dotnet's analyzer),
/// the length of the document, the number of aliases, and, in Production, introspection only for signed-in callers. The body size limit is the
/// transport's (GraphQL:MaxRequestBytes).
/// </summary>
public static class AbuseLimits
{
    public const int DefaultMaxDepth = 15;
    public const int DefaultMaxComplexity = 5_000;
    public const int DefaultMaxAliases = 100;
    public const int DefaultMaxQueryLength = 64 * 1024;

    public static IGraphQLBuilder AddAbuseLimits(this IGraphQLBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(environment);
        // Checked before parsing: some validation rules grow with the square of the fields, so a long document is
        // refused before any of them sees it.
        var maxQueryLength = configuration.GetValue("GraphQL:MaxQueryLength", DefaultMaxQueryLength);
        builder.ConfigureExecution(async (options, next) =>
        {
            if (options.Query?.Length > maxQueryLength)
            {
                return Refusal($"A query may have at most {maxQueryLength} characters.");
            }

            var result = await next(options);
            // The parser's own nesting limit surfaces as an unhandled error; it is the client's fault, not ours.
            return result.Errors?.Any(e => e.InnerException is GraphQLMaxDepthExceededException) == true
                ? Refusal("The query is nested too deeply.")
                : result;
        });
        builder.AddComplexityAnalyzer(options =>
        {
            options.MaxDepth = configuration.GetValue("GraphQL:MaxDepth", DefaultMaxDepth);
            options.MaxComplexity = configuration.GetValue("GraphQL:MaxComplexity", DefaultMaxComplexity);
            // Introspection reads the in-memory schema, not the database, and GraphiQL's own query would otherwise
            // cost hundreds of thousands; its depth stays limited.
            var standard = options.DefaultComplexityImpactDelegate;
            options.DefaultComplexityImpactDelegate = field =>
                field.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || field.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                    ? new FieldComplexityResult(0, 1)
                    : standard(field);
        });
        builder.AddValidationRule(new CallerScopeRule());
        builder.AddValidationRule(new SuspendedTenantRule());
        builder.AddValidationRule(new AliasLimitRule(configuration.GetValue("GraphQL:MaxAliases", DefaultMaxAliases)));
        // Development and Testing keep introspection open: GraphiQL and the graphql-http audit need it.
        if (environment.IsProduction())
        {
            builder.AddValidationRule(new SignedInIntrospectionRule());
        }

        return builder;
    }

    private static ExecutionResult Refusal(string message) => new(new ExecutionError(message) { Code = "BAD_USER_INPUT" });
}

/// <summary>Refuses documents with more aliases than allowed: aliases multiply work without multiplying bytes.</summary>
internal sealed class AliasLimitRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Alias is not null && ++aliases == maxAliases + 1)
            {
                validation.ReportError(new ValidationError(validation.Document.Source, null, $"A request may use at most {maxAliases} aliases.", field)
                {
                    Code = "MAX_ALIASES_EXCEEDED",
                });
            }
        }));
    }
}

/// <summary>Production answers introspection only to signed-in callers: the schema is a map for attackers.</summary>
internal sealed class SignedInIntrospectionRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        context.User?.Identity?.IsAuthenticated == true
            ? default
            : new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
            {
                if (field.Name.Value.Span is "__schema" or "__type")
                {
                    validation.ReportError(new ValidationError(
                        validation.Document.Source, null, "Sign in to introspect the schema.",
                        new DomainException(ErrorCode.Unauthenticated, "Sign in to introspect the schema."), field));
                }
            }));
}
