namespace ComplaintCloud.Api.Tests.Support;

/// <summary>The source checkout the tests run from.</summary>
internal static class Checkout
{
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ComplaintCloud.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("No ComplaintCloud.sln above " + AppContext.BaseDirectory);
    }
}
