using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplaintCloud.Domain.Notifications;

/// <summary>A message as sent: the subject, the plain text, and the same text as HTML with every value escaped.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

/// <summary>
/// A subject and body with <c>{{placeholder}}</c>s. Rendering fills them line by line; a line using an optional
/// placeholder that has no value is left out (the accept/decline link before the tracking page exists).
/// </summary>
public sealed partial record TemplateText(string Subject, string Body)
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 4_000;

    /// <summary>Checks a template a tenant admin wrote: lengths, and only the placeholders its kind knows.</summary>
    public static TemplateText Validate(MessageKind kind, string subject, string body, string field)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var checkedSubject = RequireText(subject, MaxSubjectLength, $"{field}.subject");
        Rules(checkedSubject.Contains('\n', StringComparison.Ordinal), $"{field}.subject", "A subject is one line.");
        var checkedBody = RequireText(body, MaxBodyLength, $"{field}.body");
        foreach (var (text, part) in new[] { (checkedSubject, "subject"), (checkedBody, "body") })
        {
            foreach (var name in PlaceholdersIn(text, $"{field}.{part}"))
            {
                Rules(!kind.Placeholders.Contains(name, StringComparer.Ordinal), $"{field}.{part}",
                    $"Unknown placeholder {{{{{name}}}}}: a {kind.Code} message knows {string.Join(", ", kind.Placeholders.Select(p => $"{{{{{p}}}}}"))}.",
                    name);
            }
        }

        return new TemplateText(checkedSubject, checkedBody);
    }

    public RenderedMessage Render(MessageKind kind, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        var html = new StringBuilder();
        foreach (var line in Body.Split('\n'))
        {
            if (LeftOut(kind, line, values))
            {
                continue;
            }

            text.Append(Fill(line, values, escape: false)).Append('\n');
            html.Append("<p>").Append(Fill(line, values, escape: true)).Append("</p>\n");
        }

        return new RenderedMessage(Fill(Subject, values, escape: false), text.ToString().TrimEnd('\n'), html.ToString());
    }

    private static bool LeftOut(MessageKind kind, string line, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Matches(line).Any(m =>
            kind.OptionalPlaceholders.Contains(m.Groups[1].Value, StringComparer.Ordinal) && string.IsNullOrEmpty(values.GetValueOrDefault(m.Groups[1].Value)));

    // The template's own words are escaped as well as the values: a tenant's admin writes text, not markup.
    private static string Fill(string line, IReadOnlyDictionary<string, string> values, bool escape)
    {
        var filled = new StringBuilder();
        var at = 0;
        foreach (Match match in Placeholder().Matches(line))
        {
            filled.Append(Escaped(line[at..match.Index], escape)).Append(Escaped(values.GetValueOrDefault(match.Groups[1].Value) ?? string.Empty, escape));
            at = match.Index + match.Length;
        }

        return filled.Append(Escaped(line[at..], escape)).ToString();
    }

    private static string Escaped(string text, bool escape) => escape ? WebUtility.HtmlEncode(text) : text;

    private static IEnumerable<string> PlaceholdersIn(string text, string field)
    {
        // Every "{{" must open a well-formed placeholder: a typo is reported rather than sent to customers.
        var opened = text.Split("{{").Length - 1;
        var matches = Placeholder().Matches(text);
        Rules(opened != matches.Count, field, "Write placeholders as {{name}}, letters and digits only.");
        return matches.Select(m => m.Groups[1].Value);
    }

    private static string RequireText(string value, int maxLength, string field)
    {
        var text = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? string.Empty;
        Rules(text.Length == 0 || text.Length > maxLength, field, $"Write 1 to {maxLength} characters.");
        return text;
    }

    private static void Rules(bool broken, string field, string message, string? placeholder = null)
    {
        if (broken)
        {
            throw new DomainException(ErrorCode.BadUserInput, message, field,
                placeholder is null ? null : new Dictionary<string, object?> { ["placeholder"] = placeholder });
        }
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Placeholder();
}
