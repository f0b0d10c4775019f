using System.Text.RegularExpressions;
using ComplaintCloud.Domain;
using GraphQL;
using GraphQL.DI;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>
/// Issue 16.16: PostgreSQL stores no NUL character (U+0000) in text or jsonb, so a request carrying one anywhere in
/// its text inputs is refused before anything runs, over either transport: BAD_USER_INPUT naming the variable's path
/// ("input.description", "input.facts.attributes.batch"), or "query" when it is written into the document itself.
/// </summary>
internal sealed partial class NulTextRefusal : IConfigureExecution
{
    private const string Message = "Text must not contain the NUL character (U+0000).";

    // Before validation and execution; after the option setters (100), which fill in the request.
    public float SortOrder => 120;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var field = options.Variables is { } variables ? PathOfNul(variables, null) : null;
        if (field is null && options.Query is { } query && (query.Contains('\0', StringComparison.Ordinal) || NulEscape().IsMatch(query)))
        {
            field = "query";
        }

        return field is null
            ? next(options)
            : Task.FromResult(new ExecutionResult { Errors = [new ExecutionError(Message, new DomainException(ErrorCode.BadUserInput, Message, field))] });
    }

    /// <summary>The path of the first string, or key, holding a NUL in variables as the serializer read them.</summary>
    private static string? PathOfNul(object? value, string? path)
    {
        switch (value)
        {
            case string text:
                return text.Contains('\0', StringComparison.Ordinal) ? path : null;
            case IEnumerable<KeyValuePair<string, object?>> map:
                foreach (var (key, item) in map)
                {
                    var itemPath = path is null ? key : $"{path}.{key}";
                    if ((key.Contains('\0', StringComparison.Ordinal) ? itemPath : PathOfNul(item, itemPath)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case IEnumerable<object?> list:
                var index = 0;
                foreach (var item in list)
                {
                    if (PathOfNul(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // A GraphQL string escape for U+0000 ("\u0000" or "\u{0}"), not itself an escaped backslash.
    [GeneratedRegex(@"(?<!\\)(?:\\\\)*\\u(?:0000|\{0+\})", RegexOptions.CultureInvariant)]
    private static partial Regex NulEscape();
}
