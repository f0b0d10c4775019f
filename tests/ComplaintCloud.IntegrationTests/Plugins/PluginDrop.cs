using System.Reflection;
using System.Text.Json.Nodes;
using ComplaintCloud.Infrastructure.Plugins;

namespace ComplaintCloud.IntegrationTests.Plugins;

/// <summary>A throwaway plugin folder the loader tests drop published test plugins into, as an operator would.</summary>
internal sealed class PluginDrop : IDisposable
{
    private static readonly string Published = typeof(PluginDrop).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TestPluginsRoot").Value!;

    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "complaintcloud-plugins-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>
    /// Copies a published test plugin in, its manifest last so a watching loader never sees it half copied, into
    /// &lt;id&gt;/&lt;version&gt; or the folder named.
    /// </summary>
    public string Add(string id, string version = "1.0.0", string? folder = null)
    {
        var source = System.IO.Path.Combine(Published, id, version);
        var target = Directory.CreateDirectory(System.IO.Path.Combine(Path, folder ?? System.IO.Path.Combine(id, version))).FullName;
        foreach (var file in Directory.EnumerateFiles(source).Where(f => System.IO.Path.GetFileName(f) != PluginManifest.FileName))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        var staged = System.IO.Path.Combine(target, PluginManifest.FileName + ".tmp");
        File.Copy(System.IO.Path.Combine(source, PluginManifest.FileName), staged);
        File.Move(staged, System.IO.Path.Combine(target, PluginManifest.FileName));
        return target;
    }

    /// <summary>Changes one field of a dropped plugin's manifest.</summary>
    public static void EditManifest(string folder, string field, string value)
    {
        var path = System.IO.Path.Combine(folder, PluginManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest[field] = value;
        File.WriteAllText(path, manifest.ToJsonString());
    }

    /// <summary>Flips one byte in the middle of a file, keeping its length.</summary>
    public static void FlipAByte(string file)
    {
        using var stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = stream.Length / 2;
        var original = stream.ReadByte();
        stream.Position--;
        stream.WriteByte((byte)(original ^ 0xFF));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
