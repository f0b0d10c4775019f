using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintCloud.Domain;

/// <summary>The JSON an audit event keeps: what changed, as <c>{"before": …, "after": …}</c>, enums in SCREAMING_CASE.</summary>
internal static class AuditData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static string Of(object before, object after) => JsonSerializer.Serialize(new { before, after }, Json);
}
