using System.Collections.Concurrent;
using ComplaintCloud.Api.GraphQL.Transport;
using ComplaintCloud.Api.Hosting;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintCloud.Api.Tests.Transport;

/// <summary>A real Kestrel host on a loopback port with the test schema behind the transport, so the npm audit can reach it.</summary>
public sealed class TransportTestHost : IAsyncLifetime
{
    /// <summary>Small enough that the 413 test sends little; also proves the configuration key is honoured.</summary>
    public const int MaxRequestBytes = 16 * 1024;

    private WebApplication? _app;

    public Uri GraphQLUri { get; private set; } = null!;

    public HttpClient Client { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[GraphQLHttpEndpoint.MaxRequestBytesKey] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders().AddProvider(Logs);
        builder.Services.AddSingleton(WebConsole.Find(builder.Configuration));
        builder.Services.AddGraphQL(graphQL => graphQL.AddSchema<TestSchema>().AddSystemTextJson().AddComplaintCloudTransport());

        _app = builder.Build();
        _app.MapGraphQL();
        await _app.StartAsync();
        GraphQLUri = new Uri(new Uri(_app.Urls.Single()), "/graphql");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Keeps what the host logs, to check that hidden exceptions are still recorded.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, Exception? Exception)> _entries = new();

    public IReadOnlyCollection<(LogLevel Level, Exception? Exception)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel Level, Exception? Exception)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((logLevel, exception));
            }
        }
    }
}
