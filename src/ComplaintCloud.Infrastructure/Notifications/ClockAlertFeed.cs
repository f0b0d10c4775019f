using System.Text.Json;
using ComplaintCloud.Domain.Clocks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>A clock warning or breach as live consoles see it.</summary>
public sealed record ClockAlertNotice(Guid TenantId, Guid ComplaintId, Guid ClockId, string Kind, ClockOccasion Occasion, Instant DueAt, Instant At);

/// <summary>
/// Clock warnings and breaches as they commit, in every process of the service: the handler announces them with
/// PostgreSQL NOTIFY in its transaction (delivered on commit only, to every listener), and <see cref="ClockAlertListener"/>
/// passes them on here. Subscribers filter by tenant.
/// </summary>
public sealed class ClockAlertFeed : IObservable<ClockAlertNotice>
{
    public const string Channel = "sla_clock_alerts";

    private readonly Lock _gate = new();
    private IObserver<ClockAlertNotice>[] _observers = [];

    public IDisposable Subscribe(IObserver<ClockAlertNotice> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Unsubscriber(this, observer);
    }

    public void Publish(ClockAlertNotice notice)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.OnNext(notice);
        }
    }

    public static string Serialize(ClockAlertNotice notice) => JsonSerializer.Serialize(new
    {
        t = notice.TenantId,
        c = notice.ComplaintId,
        k = notice.ClockId,
        kind = notice.Kind,
        o = notice.Occasion.ToString(),
        d = InstantPattern.ExtendedIso.Format(notice.DueAt),
        a = InstantPattern.ExtendedIso.Format(notice.At),
    });

    public static ClockAlertNotice Deserialize(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var json = document.RootElement;
        return new ClockAlertNotice(
            json.GetProperty("t").GetGuid(),
            json.GetProperty("c").GetGuid(),
            json.GetProperty("k").GetGuid(),
            json.GetProperty("kind").GetString()!,
            Enum.Parse<ClockOccasion>(json.GetProperty("o").GetString()!),
            InstantPattern.ExtendedIso.Parse(json.GetProperty("d").GetString()!).Value,
            InstantPattern.ExtendedIso.Parse(json.GetProperty("a").GetString()!).Value);
    }

    private sealed class Unsubscriber(ClockAlertFeed feed, IObserver<ClockAlertNotice> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._gate)
            {
                feed._observers = [.. feed._observers.Where(o => o != observer)];
            }
        }
    }
}

/// <summary>LISTENs for committed clock alerts and feeds them to <see cref="ClockAlertFeed"/>; reconnects when the connection drops.</summary>
public sealed class ClockAlertListener(string connectionString, ClockAlertFeed feed, ILogger<ClockAlertListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Publish(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClockAlertFeed.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Lost the clock-alert LISTEN connection; reconnecting.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    // Anyone may NOTIFY on the channel: a payload that is not a notice is logged, never allowed to stop the listener.
    private void Publish(string payload)
    {
        ClockAlertNotice notice;
        try
        {
            notice = ClockAlertFeed.Deserialize(payload);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            logger.LogWarning(e, "Ignored a malformed clock-alert notification.");
            return;
        }

        feed.Publish(notice);
    }
}
