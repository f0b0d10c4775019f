using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ComplaintCloud.Infrastructure.Data.Security;
using ComplaintCloud.Tests;
using Npgsql;

namespace ComplaintCloud.IntegrationTests.Nodes;

/// <summary>
/// The built service (ComplaintCloud.Api.dll) as its own process on a loopback port, as infra/nodes/run-nodes.sh runs
/// a node: in the Testing environment, whose clock a test may move forward, with its database connections named after
/// the node so a test can tell its sessions apart.
/// </summary>
public sealed class ServiceNode : IAsyncDisposable
{
    // Generous: on a machine busy with builds, a start has been seen to take a minute.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceNode(string name, Uri address, Process process)
    {
        Name = name;
        Address = address;
        _process = process;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Also the application name of its database sessions.</summary>
    public string Name { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>Starts the node with the shared signing key and <paramref name="settings"/> (configuration keys).</summary>
    public static ServiceNode Start(string name, DatabaseConnections database, string signingKey, params (string Key, string Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(database);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [ApiAssembly(), "--urls", address.ToString()])
        {
            WorkingDirectory = Checkout.Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__ComplaintCloud"] = new NpgsqlConnectionStringBuilder(database.Runtime) { ApplicationName = name }.ConnectionString,
            ["ConnectionStrings__ComplaintCloudMigrations"] = database.Migrations,
            ["Auth__SigningKey"] = signingKey,
            ["Tenants__ProvisionDemo"] = "false",
            ["Plugins__Path"] = Path.Combine(Checkout.Root(), "artifacts", "plugins"),
            ["RateLimits__PerIpPerMinute"] = "1000000",
            ["RateLimits__PerTenantPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var node = new ServiceNode(name, address, process);
        process.OutputDataReceived += (_, line) => node._output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => node._output.Enqueue(line.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Polls /readyz until it answers 200: waiting for the process, not for time.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var watch = Stopwatch.StartNew();
        var answer = "nothing";
        while (watch.Elapsed < StartLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                answer = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"{Name} was not ready within {StartLimit}; /readyz answered {answer}:\n{Output}");
    }

    /// <summary>Moves the node's clock (its domain and its Quartz scheduler) forward.</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var response = await Http.PostAsync(
            new Uri($"/testing/clock?advanceSeconds={by.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts a GraphQL operation; returns the response's <c>data</c> member, or throws with its errors.</summary>
    public async Task<JsonElement> SendAsync(string query, object variables, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException($"{Name} answered {errors}");
        }

        return body.GetProperty("data");
    }

    /// <summary>kill -9: the process ends at once, with no chance to stop its scheduler or roll anything back.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Built beside this test assembly's configuration: the project references the service for build order only.
    private static string ApiAssembly()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)));
        var assembly = Path.Combine(Checkout.Root(), "src", "ComplaintCloud.Api", "bin", configuration!, "net10.0", "ComplaintCloud.Api.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the service first.", assembly);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
