using System.Text.RegularExpressions;

namespace ComplaintCloud.Application.Reports;

public static partial class ReportNames
{
    /// <summary>A C# enum name as the API spells it: OnlineChat → ONLINE_CHAT.</summary>
    public static string ScreamingCase(string name) => WordStart().Replace(name, "_").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordStart();
}
