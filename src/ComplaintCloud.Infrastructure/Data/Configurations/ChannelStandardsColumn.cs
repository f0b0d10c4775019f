using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintCloud.Domain.Complaints;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

/// <summary>
/// Channel standards as jsonb: <c>[{"channel": "Phone", "tier": "Vip", "seconds": 10}]</c>, enums by their C# names as
/// the complaint columns hold them, so the report joins them in SQL.
/// </summary>
public static class ChannelStandardsColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string ToJson(IReadOnlyList<ChannelStandard> standards) => JsonSerializer.Serialize(standards, Json);

    public static IReadOnlyList<ChannelStandard> FromJson(string json) => JsonSerializer.Deserialize<List<ChannelStandard>>(json, Json) ?? [];
}
