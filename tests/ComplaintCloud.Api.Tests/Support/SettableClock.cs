using NodaTime;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>The service's clock, set by the test: an instance given it sees time pass without waiting for it.</summary>
public sealed class SettableClock : IClock
{
    public Instant Now { get; set; } = SystemClock.Instance.GetCurrentInstant();

    public Instant GetCurrentInstant() => Now;
}
