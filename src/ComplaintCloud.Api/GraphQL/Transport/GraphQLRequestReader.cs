using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Transport;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>A request the transport refuses before execution, with the HTTP status that says why.</summary>
internal sealed record GraphQLRequestError(int StatusCode, string Message);

/// <summary>Either a well-formed GraphQL request or the reason it is not one.</summary>
internal readonly record struct GraphQLRequestReadResult(GraphQLRequest? Request, GraphQLRequestError? Error)
{
    public static implicit operator GraphQLRequestReadResult(GraphQLRequest request) => new(request, null);

    public static implicit operator GraphQLRequestReadResult(GraphQLRequestError error) => new(null, error);
}

/// <summary>Reads the request parameters of GraphQL over HTTP from a GET query string or a JSON POST body.</summary>
internal static class GraphQLRequestReader
{
    private static readonly GraphQLRequestError MalformedJson = Bad("The request body is not valid JSON.");
    private static readonly GraphQLRequestError MalformedUtf8 = Bad("The request body is not valid UTF-8.");
    private static readonly GraphQLRequestError QueryRequired = Bad("The 'query' parameter is required and must be a string.");

    public static GraphQLRequestReadResult FromQueryString(IQueryCollection parameters, IGraphQLSerializer serializer)
    {
        string[] names = ["query", "operationName", "variables", "extensions"];
        if (names.FirstOrDefault(name => parameters[name].Count > 1) is { } repeated)
        {
            return Bad($"The '{repeated}' parameter must appear at most once.");
        }

        if (!parameters.TryGetValue("query", out var query))
        {
            return QueryRequired;
        }

        // Variables and extensions travel as URL-encoded JSON text.
        if (ParseJsonParameter(parameters, "variables", out var variables) is { } variablesError)
        {
            return variablesError;
        }

        using (variables)
        {
            if (ParseJsonParameter(parameters, "extensions", out var extensions) is { } extensionsError)
            {
                return extensionsError;
            }

            using (extensions)
            {
                return Build(query.ToString(), parameters["operationName"].ToString(), RootOf(variables), RootOf(extensions), serializer);
            }
        }
    }

    public static async Task<GraphQLRequestReadResult> FromBodyAsync(
        HttpRequest httpRequest, long maxBytes, IGraphQLSerializer serializer, CancellationToken cancellationToken)
    {
        if (!GraphQLMediaTypes.IsJsonRequest(httpRequest.ContentType))
        {
            return new GraphQLRequestError(StatusCodes.Status415UnsupportedMediaType, "Send the request body as application/json in UTF-8.");
        }

        var tooLarge = new GraphQLRequestError(StatusCodes.Status413PayloadTooLarge, $"The request body exceeds {maxBytes} bytes.");
        if (httpRequest.ContentLength > maxBytes)
        {
            return tooLarge;
        }

        // Buffer the whole body (bounded, since Content-Length may be absent or wrong) and parse it in one go.
        var reader = httpRequest.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return tooLarge;
            }

            if (read.IsCompleted)
            {
                try
                {
                    return FromJson(buffer, serializer);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static GraphQLRequestReadResult FromJson(ReadOnlySequence<byte> body, IGraphQLSerializer serializer)
    {
        // The JSON parser checks the structure but leaves string contents to be transcoded when read, where bad bytes
        // in the query, variables or operation name would throw; so the whole body is checked first.
        if (!Utf8.IsValid(body.IsSingleSegment ? body.FirstSpan : body.ToArray()))
        {
            return MalformedUtf8;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return MalformedJson;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Bad("The request body must be a JSON object.");
            }

            if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                return QueryRequired;
            }

            var operationName = Property(root, "operationName");
            if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            {
                return Bad("The 'operationName' parameter must be a string.");
            }

            return Build(
                query.GetString()!,
                operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null,
                Property(root, "variables"),
                Property(root, "extensions"),
                serializer);
        }
    }

    private static GraphQLRequestReadResult Build(
        string query, string? operationName, JsonElement variables, JsonElement extensions, IGraphQLSerializer serializer)
    {
        if (ReadInputs(variables, "variables", serializer, out var variableInputs) is { } variablesError)
        {
            return variablesError;
        }

        if (ReadInputs(extensions, "extensions", serializer, out var extensionInputs) is { } extensionsError)
        {
            return extensionsError;
        }

        return new GraphQLRequest
        {
            Query = query,
            // An empty operation name means "the only operation", as an absent one does.
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variableInputs,
            Extensions = extensionInputs,
        };
    }

    private static GraphQLRequestError? ParseJsonParameter(IQueryCollection parameters, string name, out JsonDocument? document)
    {
        document = null;
        if (!parameters.TryGetValue(name, out var text))
        {
            return null;
        }

        try
        {
            document = JsonDocument.Parse(text.ToString());
            return null;
        }
        catch (JsonException)
        {
            return Bad($"The '{name}' parameter is not valid JSON.");
        }
    }

    private static JsonElement RootOf(JsonDocument? document) => document?.RootElement ?? default;

    /// <summary>The named member of a JSON object, or an Undefined element when absent.</summary>
    private static JsonElement Property(JsonElement body, string name) => body.TryGetProperty(name, out var value) ? value : default;

    /// <summary>Reads variables or extensions, which must be a JSON object when present.</summary>
    private static GraphQLRequestError? ReadInputs(JsonElement value, string name, IGraphQLSerializer serializer, out Inputs? inputs)
    {
        inputs = value.ValueKind == JsonValueKind.Object ? serializer.ReadNode<Inputs>(value) : null;
        return value.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined
            ? null
            : Bad($"The '{name}' parameter must be a JSON object.");
    }

    private static GraphQLRequestError Bad(string message) => new(StatusCodes.Status400BadRequest, message);
}
