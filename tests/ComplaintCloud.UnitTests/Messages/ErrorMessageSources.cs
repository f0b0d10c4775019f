using System.Text;
using ComplaintCloud.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ComplaintCloud.UnitTests.Messages;

/// <summary>
/// Every text in the service's source that can reach a client as a GraphQL error's message: the message of a
/// DomainException, an ExecutionError or a ValidationError, followed through the helpers that pass a message on
/// (Rules.Require and the like), locals, constants and conditionals. Interpolation holes read as "X"; a hole showing
/// an enum value without ApiNames.Of is reported on its own, since its text is only known at run time.
/// </summary>
internal sealed class ErrorMessageSources
{
    private const string Hole = "X";

    private static readonly string[] ScannedFolders = ["src", "plugins"];

    // Where a message enters an error, by constructor: the index of its message argument.
    private static readonly Dictionary<string, int> ErrorConstructors = new(StringComparer.Ordinal)
    {
        ["DomainException"] = 1,
        ["ExecutionError"] = 0,
        ["ValidationError"] = 2,
    };

    private readonly List<(string File, SyntaxTree Tree)> _trees;
    private readonly HashSet<string> _enumTypedNames;
    private readonly Dictionary<string, HashSet<int>> _messageHelpers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<int>> _fragmentHelpers = new(StringComparer.Ordinal);

    private ErrorMessageSources(List<(string File, SyntaxTree Tree)> trees)
    {
        _trees = trees;
        _enumTypedNames = EnumTypedNames(trees.Select(t => t.Tree.GetRoot()).ToList());
        FindHelpers();
    }

    /// <summary>Messages as written, one per way a call site can put them together.</summary>
    public List<SourceMessage> Messages { get; } = [];

    /// <summary>Texts that helpers build into a message (a "what" such as "The reason"): checked for identifiers only.</summary>
    public List<SourceMessage> Fragments { get; } = [];

    /// <summary>Interpolation holes that show an enum value as C# spells it.</summary>
    public List<SourceMessage> RawEnumHoles { get; } = [];

    /// <summary>The messages of the checkout's src and plugins.</summary>
    public static ErrorMessageSources Read()
    {
        var root = Checkout.Root();
        return Parse(ScannedFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file => !IsGenerated(file))
            .Select(file => (file, File.ReadAllText(Path.Combine(root, file)))));
    }

    public static ErrorMessageSources Parse(IEnumerable<(string File, string Source)> files)
    {
        var sources = new ErrorMessageSources([.. files.Select(f => (f.File, CSharpSyntaxTree.ParseText(f.Source, path: f.File)))]);
        sources.Collect();
        return sources;
    }

    private static bool IsGenerated(string path) =>
        path.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("obj") || parts.Contains("bin") || parts.Contains("Migrations"));

    private void Collect()
    {
        foreach (var (file, tree) in _trees)
        {
            foreach (var argument in MessageArguments(tree.GetRoot(), _messageHelpers, includeErrors: true))
            {
                Add(Messages, file, argument);
            }

            foreach (var argument in MessageArguments(tree.GetRoot(), _fragmentHelpers, includeErrors: false))
            {
                Add(Fragments, file, argument);
            }
        }
    }

    private void Add(List<SourceMessage> into, string file, ExpressionSyntax argument)
    {
        foreach (var text in Texts(argument, depth: 0))
        {
            into.Add(new SourceMessage(file, Line(argument), text));
        }

        foreach (var hole in argument.DescendantNodesAndSelf().OfType<InterpolationSyntax>().Where(ShowsRawEnum))
        {
            RawEnumHoles.Add(new SourceMessage(file, Line(hole), hole.ToString()));
        }
    }

    // A helper passes one of its parameters on as a whole message (Rules.Require's message) or as part of one
    // (Rules.RequireText's "what"); calls of it are then message sources too. Repeated until no new helper appears.
    private void FindHelpers()
    {
        bool found;
        do
        {
            found = false;
            foreach (var method in _trees.SelectMany(t => t.Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()))
            {
                var parameters = method.ParameterList.Parameters.Select(p => p.Identifier.Text).ToList();
                foreach (var argument in MessageArguments(method, _messageHelpers, includeErrors: true))
                {
                    var expression = Unwrapped(argument);
                    if (expression is IdentifierNameSyntax name && parameters.IndexOf(name.Identifier.Text) is var whole and >= 0)
                    {
                        found |= Register(_messageHelpers, method.Identifier.Text, whole);
                    }

                    foreach (var hole in expression.DescendantNodesAndSelf().OfType<InterpolationSyntax>())
                    {
                        if (hole.Expression is IdentifierNameSyntax part && parameters.IndexOf(part.Identifier.Text) is var index and >= 0)
                        {
                            found |= Register(_fragmentHelpers, method.Identifier.Text, index);
                        }
                    }
                }
            }
        }
        while (found);
    }

    private static bool Register(Dictionary<string, HashSet<int>> helpers, string method, int index) =>
        (helpers.TryGetValue(method, out var indexes) ? indexes : helpers[method] = []).Add(index);

    private static IEnumerable<ExpressionSyntax> MessageArguments(SyntaxNode scope, Dictionary<string, HashSet<int>> helpers, bool includeErrors)
    {
        foreach (var node in scope.DescendantNodes())
        {
            var (name, arguments) = node switch
            {
                BaseObjectCreationExpressionSyntax creation => (CreatedType(creation), creation.ArgumentList?.Arguments),
                InvocationExpressionSyntax invocation => (InvokedName(invocation.Expression), invocation.ArgumentList.Arguments),
                _ => (null, null),
            };
            if (name is null || arguments is not { } list)
            {
                continue;
            }

            var indexes = helpers.GetValueOrDefault(name, []).ToList();
            if (includeErrors && node is BaseObjectCreationExpressionSyntax && ErrorConstructors.TryGetValue(name, out var errorIndex))
            {
                indexes.Add(errorIndex);
            }

            foreach (var index in indexes.Where(i => i < list.Count && list[i].NameColon is null))
            {
                yield return list[index].Expression;
            }

            foreach (var named in list.Where(a => a.NameColon?.Name.Identifier.Text == "message"))
            {
                yield return named.Expression;
            }
        }
    }

    private static string? CreatedType(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => InvokedName(type),
        // new(...) where the declared type says what it is: only a thrown DomainException matters, and it is spelled out.
        _ => null,
    };

    private static string? InvokedName(SyntaxNode expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.Text,
        GenericNameSyntax generic => generic.Identifier.Text,
        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        _ => null,
    };

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression) =>
        expression is ParenthesizedExpressionSyntax parenthesized ? Unwrapped(parenthesized.Expression) : expression;

    // The texts an expression can stand for, with holes as "X"; nothing for what only run time knows (e.Message).
    private static IEnumerable<string> Texts(ExpressionSyntax expression, int depth)
    {
        if (depth > 8)
        {
            return [];
        }

        return Unwrapped(expression) switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => [literal.Token.ValueText],
            InterpolatedStringExpressionSyntax interpolated => [Text(interpolated)],
            ConditionalExpressionSyntax conditional => Texts(conditional.WhenTrue, depth + 1).Concat(Texts(conditional.WhenFalse, depth + 1)),
            BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) =>
                Texts(coalesce.Left, depth + 1).Concat(Texts(coalesce.Right, depth + 1)),
            BinaryExpressionSyntax concatenation when concatenation.IsKind(SyntaxKind.AddExpression) =>
                from left in Texts(concatenation.Left, depth + 1).DefaultIfEmpty(Hole)
                from right in Texts(concatenation.Right, depth + 1).DefaultIfEmpty(Hole)
                select left + right,
            SwitchExpressionSyntax switchExpression => switchExpression.Arms.SelectMany(arm => Texts(arm.Expression, depth + 1)),
            IdentifierNameSyntax name => Definitions(name).SelectMany(definition => Texts(definition, depth + 1)),
            _ => [],
        };
    }

    private static string Text(InterpolatedStringExpressionSyntax interpolated)
    {
        var text = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            text.Append(content is InterpolatedStringTextSyntax part ? part.TextToken.ValueText : Hole);
        }

        return text.ToString();
    }

    // What a name holding a message was given: a local's initializer and assignments, a constant's or field's value.
    private static IEnumerable<ExpressionSyntax> Definitions(IdentifierNameSyntax name)
    {
        var identifier = name.Identifier.Text;
        var member = name.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax);
        var type = name.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        var locals = member?.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.Text == identifier).ToList() ?? [];
        var fields = type?.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables).Where(v => v.Identifier.Text == identifier).ToList() ?? [];
        var assignments = member?.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax left && left.Identifier.Text == identifier)
            .Select(a => a.Right) ?? [];
        return locals.Concat(fields).Select(v => v.Initializer?.Value).OfType<ExpressionSyntax>().Concat(assignments);
    }

    private bool ShowsRawEnum(InterpolationSyntax hole) =>
        hole.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Any(name => _enumTypedNames.Contains(name.Identifier.Text) && !TranslatedWithinHole(name, hole));

    private static bool TranslatedWithinHole(SyntaxNode name, InterpolationSyntax hole) =>
        name.Ancestors().TakeWhile(a => a != hole).OfType<InvocationExpressionSyntax>().Any(call => call.ToString().Contains("ApiNames.Of", StringComparison.Ordinal));

    // Names declared, everywhere in the source, only with an enum type of ours (or a list or nullable of one).
    private static HashSet<string> EnumTypedNames(List<SyntaxNode> roots)
    {
        var enums = roots.SelectMany(r => r.DescendantNodes().OfType<EnumDeclarationSyntax>()).Select(e => e.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        var declarations = roots.SelectMany(r => r.DescendantNodes()).SelectMany(node => node switch
        {
            PropertyDeclarationSyntax property => [(property.Identifier.Text, property.Type)],
            ParameterSyntax { Type: { } type } parameter => [(parameter.Identifier.Text, type)],
            VariableDeclarationSyntax { Type.IsVar: false } variable => variable.Variables.Select(v => (v.Identifier.Text, variable.Type)),
            _ => Enumerable.Empty<(string Name, TypeSyntax Type)>(),
        });
        return declarations
            .GroupBy(d => d.Item1, d => d.Item2.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => enums.Contains(n.Identifier.Text)))
            .Where(g => g.All(isEnum => isEnum))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}

/// <summary>A message (or part of one) at its place in the source.</summary>
internal sealed record SourceMessage(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line}: {Text}";
}
