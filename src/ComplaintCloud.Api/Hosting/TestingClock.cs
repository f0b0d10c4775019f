using System.Net;
using NodaTime;

namespace ComplaintCloud.Api.Hosting;

/// <summary>
/// In the Testing environment only, the service's time can be moved forward with <c>POST /testing/clock?advanceSeconds=n</c>
/// (from the machine itself): tests that run the service as separate processes let SLA clocks fall due without waiting
/// for them. One offset moves both NodaTime's clock, which the domain reads, and the TimeProvider Quartz fires triggers
/// by, so triggers armed at a clock's due time fire when the shifted time reaches it. Every other environment keeps
/// the system clock and has no such endpoint.
/// </summary>
public static class TestingClock
{
    public const string Environment = "Testing";
    public const string Path = "/testing/clock";

    public static WebApplicationBuilder AddTestingClock(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsEnvironment(Environment))
        {
            var clock = new ShiftedClock();
            // Registered after the system clock, so these are the ones resolved.
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<IClock>(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        return builder;
    }

    public static WebApplication MapTestingClock(this WebApplication app)
    {
        if (app.Environment.IsEnvironment(Environment))
        {
            app.MapPost(Path, (HttpContext context, ShiftedClock clock, double advanceSeconds) =>
            {
                if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
                {
                    return Results.NotFound();
                }

                if (advanceSeconds < 0)
                {
                    return Results.BadRequest(new { error = "The clock only moves forward." });
                }

                clock.Advance(TimeSpan.FromSeconds(advanceSeconds));
                return Results.Ok(new { now = clock.GetCurrentInstant().ToString(), offsetSeconds = clock.Offset.TotalSeconds });
            });
        }

        return app;
    }
}

/// <summary>The system's time plus an offset that only grows; timers and timestamps stay the system's.</summary>
public sealed class ShiftedClock : TimeProvider, IClock
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(GetUtcNow());
}
