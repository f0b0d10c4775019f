namespace ComplaintCloud.Tests;

/// <summary>The source checkout the tests run from; linked into every test project that reads files of the repository.</summary>
internal static class Checkout
{
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ComplaintCloud.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the tests from the checkout: no ComplaintCloud.sln above " + AppContext.BaseDirectory);
    }
}
