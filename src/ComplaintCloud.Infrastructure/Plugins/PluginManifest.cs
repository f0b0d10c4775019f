using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>plugin.json, beside a plugin's assemblies: what it is, which contract it needs, and its assemblies' SHA-256.</summary>
public sealed record PluginManifest(
    string Id,
    string Version,
    string Contract,
    string EntryAssembly,
    PluginName Name,
    string? Author,
    IReadOnlyDictionary<string, string> Assemblies)
{
    public const string FileName = "plugin.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static PluginManifest Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<PluginManifest>(json, Options)
        ?? throw new JsonException("The manifest is empty.");
}

public sealed record PluginName(string En, string Zh);
