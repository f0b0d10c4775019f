using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.Hosting;

/// <summary>./run.sh, as a user starts it, honours the settings the README documents.</summary>
[Collection(ApiFixture.Collection)]
public sealed class StartUpShould(ApiFixture api)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ListenWhereASPNETCORE_URLSSaysInTheEnvironmentASPNETCORE_ENVIRONMENTNames()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var output = new ConcurrentQueue<string>();
        using var service = StartInProduction(output, [], address);
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            Assert.True(await AnswersAsync(http, service), "run.sh did not answer at " + address + ":\n" + string.Join('\n', output));

            // Production refuses introspection to anonymous callers; Development (a launch profile's) would answer.
            var introspection = await new GraphQLClient(http).SendAsync("{ __schema { queryType { name } } }");
            Assert.Equal("UNAUTHENTICATED", introspection.FirstErrorCode);
        }
        finally
        {
            await StopAsync(service);
        }
    }

    [Fact]
    public async Task ListenWhereTheUrlsArgumentSaysOverASPNETCORE_URLS()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var output = new ConcurrentQueue<string>();
        using var service = StartInProduction(output, ["--urls", address.ToString()], new Uri($"http://127.0.0.1:{FreePort()}"));
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            Assert.True(await AnswersAsync(http, service), "run.sh --urls did not answer at " + address + ":\n" + string.Join('\n', output));
        }
        finally
        {
            await StopAsync(service);
        }
    }

    // ./run.sh --no-build with the arguments, in Production on the fixture's database, ASPNETCORE_URLS set.
    private Process StartInProduction(ConcurrentQueue<string> output, string[] arguments, Uri aspNetCoreUrls) =>
        Start(output, arguments,
            ("ASPNETCORE_URLS", aspNetCoreUrls.ToString()),
            ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("ConnectionStrings__ComplaintCloud", api.ConnectionString),
            ("ConnectionStrings__ComplaintCloudMigrations", api.MigrationsConnectionString),
            ("Auth__SigningKey", ApiFixture.SigningKey),
            ("Tenants__ProvisionDemo", "false"));

    private static async Task StopAsync(Process service)
    {
        service.Kill(entireProcessTree: true);
        await service.WaitForExitAsync();
    }

    private static Process Start(ConcurrentQueue<string> output, string[] arguments, params (string Name, string Value)[] environment)
    {
        // The test run built the solution already; building it again takes minutes on a busy machine.
        var start = new ProcessStartInfo("bash", [Path.Combine(Checkout.Root(), "run.sh"), "--no-build", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // Polls until the service answers, the script exits, or the limit passes: waiting for a process, not for time.
    private static async Task<bool> AnswersAsync(HttpClient http, Process service)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartLimit && !service.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
