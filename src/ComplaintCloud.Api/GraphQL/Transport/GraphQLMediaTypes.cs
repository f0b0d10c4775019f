using Microsoft.Net.Http.Headers;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>Content negotiation of the GraphQL-over-HTTP spec.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    private const int NoMatch = 0;
    private const int AnyType = 1;
    private const int AnySubtype = 2;
    private const int Exact = 3;

    /// <summary>
    /// The response media type for an Accept header, or null when the client accepts neither JSON type (406).
    /// </summary>
    /// <remarks>
    /// A client that sends no Accept header, or only wildcards, is treated as a legacy client and gets
    /// application/json, as the spec asks during its watershed period; graphql-response+json goes to clients that name it.
    /// </remarks>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return Json;
        }

        var graphQLResponse = Rate(accept, GraphQLResponse);
        var json = Rate(accept, Json);
        if (graphQLResponse.Quality <= 0 && json.Quality <= 0)
        {
            return null;
        }

        if (graphQLResponse.Quality.CompareTo(json.Quality) != 0)
        {
            return graphQLResponse.Quality > json.Quality ? GraphQLResponse : Json;
        }

        return graphQLResponse.Specificity == Exact ? GraphQLResponse : Json;
    }

    /// <summary>The value of the Content-Type response header for a negotiated media type.</summary>
    public static string WithUtf8(string mediaType) => mediaType + "; charset=utf-8";

    /// <summary>Whether the client names text/html, as browsers do: the cue to serve GraphiQL.</summary>
    public static bool AcceptsHtml(IList<MediaTypeHeaderValue> accept) =>
        accept.Any(range => range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1) > 0);

    /// <summary>Whether a request body is JSON in UTF-8, the only encoding the spec allows.</summary>
    public static bool IsJsonRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && IsUtf8OrUnspecified(parsed);

    private static (double Quality, int Specificity) Rate(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        // RFC 9110 §12.5.1: the most specific range that matches decides the quality.
        (double Quality, int Specificity) best = (0, NoMatch);
        foreach (var range in accept)
        {
            var specificity = Specificity(range, mediaType);
            var quality = range.Quality ?? 1;
            if (specificity > best.Specificity || (specificity == best.Specificity && specificity != NoMatch && quality > best.Quality))
            {
                best = (quality, specificity);
            }
        }

        return best;
    }

    private static int Specificity(MediaTypeHeaderValue range, string mediaType)
    {
        if (range.MatchesAllTypes)
        {
            return AnyType;
        }

        if (range.MatchesAllSubTypes)
        {
            return mediaType.StartsWith(range.Type.Value + "/", StringComparison.OrdinalIgnoreCase) ? AnySubtype : NoMatch;
        }

        return range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && IsUtf8OrUnspecified(range) ? Exact : NoMatch;
    }

    private static bool IsUtf8OrUnspecified(MediaTypeHeaderValue mediaType) =>
        !mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}
