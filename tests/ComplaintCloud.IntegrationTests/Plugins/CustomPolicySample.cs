using System.Text.Json.Nodes;
using ComplaintCloud.Infrastructure.Plugins.Declarative;
using ComplaintCloud.Plugins.Testing;

namespace ComplaintCloud.IntegrationTests.Plugins;

/// <summary>The example document shipped beside the schema (a car dealer), which tests change one field at a time.</summary>
internal static class CustomPolicySample
{
    public static string Json { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plugins", "custom-policy.example.json"));

    public static CustomPolicyDocument Document { get; } = CustomPolicyDocument.Parse(Json, "input.document");

    /// <summary>The example with the value at a path replaced, e.g. ("grades", 1, "code") = "ROUTINE".</summary>
    public static string With(JsonNode? value, params object[] path)
    {
        var root = JsonNode.Parse(Json)!;
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        }

        if (path[^1] is int last)
        {
            parent[last] = value;
        }
        else
        {
            parent[(string)path[^1]] = value;
        }

        return root.ToJsonString();
    }
}

/// <summary>The declarative policy, loaded with the example document, passes the kit every plugin must pass.</summary>
public sealed class CustomPolicyConformanceShould() : PolicyConformanceTests(new ExampleCustomPolicy());

/// <summary>The kit instantiates the policy class it is given by its parameterless constructor, as the host does a plugin's.</summary>
public sealed class ExampleCustomPolicy() : DeclarativePolicy(CustomPolicySample.Document);
