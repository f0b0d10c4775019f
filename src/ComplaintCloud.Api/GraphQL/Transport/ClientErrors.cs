using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ComplaintCloud.Domain;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>
/// How one GraphQL error reaches a client: an API.md code, a message safe to show, the input at fault, and, for a
/// refused document, graphql-dotnet's own code (such as FIELDS_ON_CORRECT_TYPE) as details.
/// </summary>
internal readonly record struct ClientError(
    string Code, string Message, string? Field = null, string? Details = null, IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>Maps every error graphql-dotnet or a resolver produces onto the error codes of API.md.</summary>
internal static partial class ClientErrors
{
    private const string InternalMessage = "An internal error occurred.";

    private static readonly FrozenDictionary<ErrorCode, string> CodeNames =
        Enum.GetValues<ErrorCode>().ToFrozenDictionary(code => code, code => code.ToString().ToConstantCase());

    private static readonly FrozenSet<string> KnownCodes = CodeNames.Values.ToFrozenSet();

    // The status of a request refused before anything executed; any other code is a 400.
    private static readonly FrozenDictionary<string, int> RequestErrorStatusCodes = new Dictionary<string, int>
    {
        [CodeNames[ErrorCode.Unauthenticated]] = StatusCodes.Status401Unauthorized,
        [CodeNames[ErrorCode.Forbidden]] = StatusCodes.Status403Forbidden,
        [CodeNames[ErrorCode.RateLimited]] = StatusCodes.Status429TooManyRequests,
        [CodeNames[ErrorCode.Internal]] = StatusCodes.Status500InternalServerError,
    }.ToFrozenDictionary();

    public static string BadUserInput { get; } = CodeNames[ErrorCode.BadUserInput];

    /// <summary>The code as clients see it in extensions.code: FORBIDDEN.</summary>
    public static string Code(ErrorCode code) => CodeNames[code];

    private static readonly string Internal = CodeNames[ErrorCode.Internal];

    public static ClientError Describe(ExecutionError error)
    {
        if (DomainCause(error) is { } domain)
        {
            return new(CodeNames[domain.Code], domain.Message, domain.Field, Extensions: domain.Extensions);
        }

        return error switch
        {
            // The request itself is at fault: syntax, validation, variables, operation name.
            DocumentError or RequestError => new(BadUserInput, error.Message, FieldOf(error), error.Code),
            // A bug or an outage: its text may hold secrets, so it is logged, never shown.
            UnhandledError => new(Internal, InternalMessage),
            // An ExecutionError thrown on purpose carries a message meant for clients.
            _ when error.Code is { } code && KnownCodes.Contains(code) => new(code, error.Message),
            _ => new(Internal, error.Message, Details: error.Code),
        };
    }

    public static int StatusCodeOf(ExecutionError error) =>
        RequestErrorStatusCodes.GetValueOrDefault(Describe(error).Code, StatusCodes.Status400BadRequest);

    private static DomainException? DomainCause(Exception error)
    {
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is DomainException domain)
            {
                return domain;
            }
        }

        return null;
    }

    private static string? FieldOf(ExecutionError error) => error switch
    {
        // graphql-dotnet keeps the variable path ("input.channel") only in the message it writes.
        InvalidVariableError when VariablePath().Match(error.Message) is { Success: true } match => match.Groups["path"].Value,
        ValidationError validation => validation.Nodes.OfType<GraphQLArgument>().Select(argument => argument.Name.StringValue).FirstOrDefault(),
        _ => null,
    };

    [GeneratedRegex(@"^Variable '\$(?<path>[^']+)' is invalid\.", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePath();
}
