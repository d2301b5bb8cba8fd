using System.Diagnostics.Metrics;

namespace OpenEts.Application.Identity;

/// <summary>
/// Slows password guessing without letting anyone lock an account out: after <see cref="FreeFailuresPerAccount"/>
/// failures in a row for a user name (known or not, so an unknown name behaves exactly like a known one), or
/// <see cref="FreeFailuresPerAddress"/> from one client address, each further attempt must wait a delay that starts at
/// <see cref="FirstDelay"/> and doubles up to <see cref="MaxDelay"/>. The right password still signs in once the delay
/// has passed, so a guesser can slow the regulator down but never shut them out. A success clears both counts.
/// </summary>
/// <remarks>
/// Kept in memory, per server process: a failure costs no database write (a guessing run cannot fill the journal or
/// slow every writer), and a restart forgets the counts, which costs an attacker at most the delays served so far.
/// Several instances behind a load balancer each keep their own counts. Quiet entries are forgotten after
/// <see cref="Forget"/>, so memory stays bounded by the recent attackers.
/// </remarks>
public sealed class SignInThrottle
{
    /// <summary>Failures in a row for one user name before delays start.</summary>
    public const int FreeFailuresPerAccount = 5;

    /// <summary>Failures in a row from one address before delays start (higher: many people share an office's address).</summary>
    public const int FreeFailuresPerAddress = 20;

    /// <summary>The first delay; each further failure doubles it.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A count with no failure for this long starts again from zero.</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    private static readonly Meter Meter = new("OpenEts.Identity");
    private static readonly Counter<long> FailureCounter = Meter.CreateCounter<long>("openets.signin.failures", description: "failed sign-in attempts");

    private readonly Dictionary<string, Entry> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _addresses = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _failures;

    /// <summary>Failed attempts counted by this process since it started.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>When the next attempt for this name or from this address is allowed, if that is after <paramref name="now"/>.</summary>
    public DateTimeOffset? WaitUntil(string userName, string address, DateTimeOffset now)
    {
        lock (_lock)
        {
            var until = Later(Find(_accounts, AccountKey(userName), now)?.NextAllowed, Find(_addresses, address, now)?.NextAllowed);
            return until > now ? until : null;
        }
    }

    /// <summary>Counts a failure; returns when the next attempt is allowed, if that is after <paramref name="now"/>.</summary>
    public DateTimeOffset? Fail(string userName, string address, DateTimeOffset now)
    {
        Interlocked.Increment(ref _failures);
        FailureCounter.Add(1);
        lock (_lock)
        {
            Prune(now);
            var account = Count(_accounts, AccountKey(userName), FreeFailuresPerAccount, now);
            var fromAddress = Count(_addresses, address, FreeFailuresPerAddress, now);
            var until = Later(account, fromAddress);
            return until > now ? until : null;
        }
    }

    /// <summary>A sign-in succeeded: both counts start again.</summary>
    public void Succeed(string userName, string address)
    {
        lock (_lock)
        {
            _accounts.Remove(AccountKey(userName));
            _addresses.Remove(address);
        }
    }

    /// <summary>The delay after <paramref name="failures"/> failures in a row when <paramref name="free"/> are free.</summary>
    public static TimeSpan DelayAfter(int failures, int free)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - free, 30);
        var ticks = Math.Min(FirstDelay.Ticks * (1L << doublings), MaxDelay.Ticks);
        return TimeSpan.FromTicks(ticks);
    }

    private static string AccountKey(string userName) => userName.Trim().ToLowerInvariant();

    private static Entry? Find(Dictionary<string, Entry> entries, string key, DateTimeOffset now) =>
        entries.TryGetValue(key, out var entry) && now - entry.LastFailure < Forget ? entry : null;

    private static DateTimeOffset Count(Dictionary<string, Entry> entries, string key, int free, DateTimeOffset now)
    {
        var failures = (Find(entries, key, now)?.Failures ?? 0) + 1;
        var next = now + DelayAfter(failures, free);
        entries[key] = new Entry(failures, now, next);
        return next;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private void Prune(DateTimeOffset now)
    {
        if (_accounts.Count + _addresses.Count < 10_000)
        {
            return;
        }
        foreach (var entries in new[] { _accounts, _addresses })
        {
            foreach (var key in entries.Where(e => now - e.Value.LastFailure >= Forget).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset NextAllowed);
}
