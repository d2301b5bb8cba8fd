using OpenEts.Application.Identity;

namespace OpenEts.Application.Tests.Identity;

public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fail_FifthFailureForAName_WaitsOneSecondThenTheDelayDoubles()
    {
        var throttle = new SignInThrottle();
        var now = Start;
        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 7; i++)
        {
            var until = throttle.Fail("regulator", "203.0.113.7", now);
            waits.Add(until - now);
            now = until ?? now;
        }

        Assert.Equal([null, null, null, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.Equal(7, throttle.Failures);
    }

    [Fact]
    public void WaitUntil_DuringTheDelay_NamesItsEndAndAfterwardsLetsTheNextAttemptThrough()
    {
        var throttle = new SignInThrottle();
        DateTimeOffset? until = null;
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAccount; i++)
        {
            until = throttle.Fail("Regulator ", "203.0.113.7", Start);
        }

        Assert.Equal(until, throttle.WaitUntil("regulator", "198.51.100.1", Start.AddMilliseconds(500)));
        Assert.Null(throttle.WaitUntil("regulator", "198.51.100.1", until!.Value));
        Assert.Null(throttle.WaitUntil("auditor", "198.51.100.1", Start));
    }

    [Fact]
    public void DelayAfter_ManyFailures_StopsAtFifteenMinutes()
    {
        Assert.Equal(TimeSpan.Zero, SignInThrottle.DelayAfter(4, 5));
        Assert.Equal(TimeSpan.FromSeconds(512), SignInThrottle.DelayAfter(14, 5));
        Assert.Equal(SignInThrottle.MaxDelay, SignInThrottle.DelayAfter(15, 5));
        Assert.Equal(SignInThrottle.MaxDelay, SignInThrottle.DelayAfter(10_000, 5));
    }

    [Fact]
    public void Succeed_AfterFailures_StartsTheCountAgain()
    {
        var throttle = new SignInThrottle();
        for (var i = 0; i < 4; i++)
        {
            throttle.Fail("auditor", "203.0.113.7", Start);
        }

        throttle.Succeed("auditor", "203.0.113.7");

        Assert.Null(throttle.Fail("auditor", "203.0.113.7", Start));
    }

    [Fact]
    public void Fail_ManyNamesFromOneAddress_SlowsThatAddressOnly()
    {
        var throttle = new SignInThrottle();
        DateTimeOffset? last = null;
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
        {
            last = throttle.Fail("guess" + i, "203.0.113.7", Start);
        }

        Assert.Equal(Start + SignInThrottle.FirstDelay, last);
        Assert.NotNull(throttle.WaitUntil("someone-else", "203.0.113.7", Start));
        Assert.Null(throttle.WaitUntil("someone-else", "198.51.100.1", Start));
    }
}
