namespace OpenEts.Application.Demo;

/// <summary>
/// One dated step of the demo's history (a report filed, a project validated), run through its use case at
/// <see cref="At"/>. Steps of several seeders run together by date, so that the journal's times only move forward.
/// </summary>
/// <param name="At">When the step happens; it is the clock its use case runs at.</param>
/// <param name="Run">The step; it may read what an earlier step of its seeder made (a report's number).</param>
public sealed record DemoStep(DateTimeOffset At, Func<Task> Run)
{
    /// <summary>Runs the steps by date; steps on the same date in the order given (a stable sort).</summary>
    public static async Task RunAsync(IEnumerable<DemoStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps.OrderBy(s => s.At))
        {
            await step.Run().ConfigureAwait(false);
        }
    }
}
