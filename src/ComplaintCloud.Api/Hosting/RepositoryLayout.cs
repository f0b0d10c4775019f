namespace ComplaintCloud.Api.Hosting;

/// <summary>
/// Finds the source checkout the service runs from (the folder holding ComplaintCloud.sln), so `./run.sh` finds the
/// built-in plugins, the demo tenant manifests and its private database folder without any configuration.
/// </summary>
public static class RepositoryLayout
{
    public static string? FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ComplaintCloud.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>A configured path, else the folder below the checkout, else null.</summary>
    public static string? Resolve(string? configured, params string[] belowRoot) =>
        configured is { Length: > 0 } ? Path.GetFullPath(configured)
        : FindRoot() is { } root ? Path.Combine([root, .. belowRoot])
        : null;
}
