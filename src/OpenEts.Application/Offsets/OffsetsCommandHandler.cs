using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Offsets;

/// <summary>
/// Runs offsets commands for a signed-in actor: checks the role, lets the command decide on the current state in one
/// write transaction, and writes what it decided with its status-history step and journal entry — all of it or nothing.
/// Issuance first runs the registry's own commands through <see cref="RegistryCommandHandler"/> (the registry journals
/// them), keyed by the monitoring report so that a retry after a failure issues nothing twice, then records the step.
/// </summary>
public sealed class OffsetsCommandHandler(IStore store, RegistryCommandHandler registryHandler, RegistryQueries registry, TimeProvider clock)
{
    /// <summary>Runs one command.</summary>
    public async Task<OffsetsCommandOutcome> HandleAsync(Actor actor, IOffsetsCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new OffsetsCommandOutcome.Forbidden(command.Roles);
        }
        var first = await RunAsync(actor, command, registryDone: false, ct).ConfigureAwait(false);
        if (first.Registry is not { } registryCommands)
        {
            return first.Outcome!;
        }
        foreach (var registryCommand in registryCommands)
        {
            var outcome = await registryHandler.HandleAsync(actor, registryCommand, ct).ConfigureAwait(false);
            switch (outcome)
            {
                case RegistryCommandOutcome.Completed:
                    continue;
                case RegistryCommandOutcome.Refused r:
                    return new OffsetsCommandOutcome.Refused(r.Reason.ToString(), r.Field, r.Message, r.Kind);
                case RegistryCommandOutcome.Forbidden f:
                    return new OffsetsCommandOutcome.Forbidden(f.Allowed);
                case RegistryCommandOutcome.Invalid i:
                    return new OffsetsCommandOutcome.Invalid(i.Errors);
                default:
                    throw new InvalidOperationException($"unknown registry outcome {outcome.GetType().Name}");
            }
        }
        return (await RunAsync(actor, command, registryDone: true, ct).ConfigureAwait(false)).Outcome!;
    }

    /// <summary>
    /// Runs commands that write without the registry (a workbook's filings) in one write transaction, in order, each
    /// seeing the ones before it: all of them are done, or none is and the first that would not be done is named.
    /// </summary>
    public async Task<OffsetsBatchOutcome> HandleAllAsync(Actor actor, IReadOnlyList<IOffsetsCommand> commands, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(commands);
        try
        {
            var done = await store.WriteAsync<IReadOnlyList<OffsetsCommandOutcome.Completed>>(async s =>
            {
                var completed = new List<OffsetsCommandOutcome.Completed>();
                for (var i = 0; i < commands.Count; i++)
                {
                    var outcome = await HandleWithinAsync(s, actor, commands[i]).ConfigureAwait(false);
                    // Leaving by an exception rolls back what the earlier commands wrote.
                    completed.Add(outcome as OffsetsCommandOutcome.Completed ?? throw new BatchStoppedException(i, outcome));
                }
                return completed;
            }, ct).ConfigureAwait(false);
            return new OffsetsBatchOutcome(done, -1, null);
        }
        catch (BatchStoppedException stopped)
        {
            return new OffsetsBatchOutcome([], stopped.Index, stopped.Outcome);
        }
    }

    private Task<(OffsetsCommandOutcome? Outcome, IReadOnlyList<IRegistryCommand>? Registry)> RunAsync(
        Actor actor, IOffsetsCommand command, bool registryDone, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(s => DecideAsync(s, actor, command, registryDone, now), ct);
    }

    /// <summary>
    /// Runs a command that needs no registry step (a monitoring report, a review) inside a write transaction another
    /// module already holds, so that the other module's own rows and this step commit together or not at all.
    /// </summary>
    public async Task<OffsetsCommandOutcome> HandleWithinAsync(IStoreSession session, Actor actor, IOffsetsCommand command)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Roles.Contains(actor.Role))
        {
            return new OffsetsCommandOutcome.Forbidden(command.Roles);
        }
        var (outcome, registryCommands) = await DecideAsync(session, actor, command, registryDone: false, clock.GetUtcNow()).ConfigureAwait(false);
        return registryCommands is null
            ? outcome!
            : throw new InvalidOperationException($"{command.GetType().Name} moves registry units and cannot run inside another transaction");
    }

    private async Task<(OffsetsCommandOutcome? Outcome, IReadOnlyList<IRegistryCommand>? Registry)> DecideAsync(
        IStoreSession s, Actor actor, IOffsetsCommand command, bool registryDone, DateTimeOffset now)
    {
        var decision = await command.DecideAsync(new OffsetsWork(s, registry, actor, now)).ConfigureAwait(false);
        switch (decision)
        {
            case OffsetsDecision.ThroughRegistry through when !registryDone:
                return (null, through.Commands);
            case OffsetsDecision.ThroughRegistry through:
                return (await WriteAsync(s, actor, now, through.Then).ConfigureAwait(false), null);
            case OffsetsDecision.Write write:
                return (await WriteAsync(s, actor, now, write).ConfigureAwait(false), null);
            case OffsetsDecision.Refuse r:
                return (new OffsetsCommandOutcome.Refused(r.Rule, r.Field, r.Message, r.Kind) { Figures = r.Figures }, null);
            case OffsetsDecision.Fail f:
                return (new OffsetsCommandOutcome.Invalid(f.Errors), null);
            case OffsetsDecision.Missing:
                return (new OffsetsCommandOutcome.NotFound(), null);
            default:
                throw new InvalidOperationException($"unknown offsets decision {decision.GetType().Name}");
        }
    }

    private static async Task<OffsetsCommandOutcome.Completed> WriteAsync(IStoreSession s, Actor actor, DateTimeOffset now, OffsetsDecision.Write write)
    {
        var project = write.Project switch
        {
            null => await s.Offsets.FindProjectAsync(write.Step.ProjectId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"project {write.Step.ProjectId} does not exist"),
            { Id: 0 } p => await s.Offsets.InsertProjectAsync(p with { UpdatedAt = now }).ConfigureAwait(false),
            var p => await s.Offsets.UpdateProjectAsync(p with { UpdatedAt = now }).ConfigureAwait(false),
        };
        var report = write.Report switch
        {
            null => null,
            { Id: 0 } r => await s.Offsets.InsertReportAsync(r with { ProjectId = project.Id, UpdatedAt = now }).ConfigureAwait(false),
            var r => await s.Offsets.UpdateReportAsync(r with { UpdatedAt = now }).ConfigureAwait(false),
        };
        var reportId = report?.Id ?? write.Step.ReportId;
        OffsetDocument? document = null;
        if (write.Document is { } d)
        {
            document = await s.Offsets.InsertDocumentAsync(d.Document with { ProjectId = project.Id, ReportId = d.Document.ReportId ?? report?.Id },
                d.Content).ConfigureAwait(false);
        }
        await s.Offsets.AddStepAsync(write.Step with { ProjectId = project.Id, ReportId = reportId }).ConfigureAwait(false);
        var payload = Json.Object(("project", project.Reference), ("report", reportId), ("document", document?.Id), ("details", write.Payload));
        await s.Journal.AppendAsync(now, actor.UserName, write.Event, write.Subject.Length == 0 ? project.Reference : write.Subject, payload)
            .ConfigureAwait(false);
        return new OffsetsCommandOutcome.Completed(write.Event, project, report, document);
    }
}

/// <summary>A batch stopped at command <see cref="Index"/>: thrown inside the write transaction so that it rolls back.</summary>
internal sealed class BatchStoppedException : Exception
{
    public BatchStoppedException()
        : this(-1, new OffsetsCommandOutcome.NotFound())
    {
    }

    public BatchStoppedException(string message)
        : base(message)
    {
        Outcome = new OffsetsCommandOutcome.NotFound();
    }

    public BatchStoppedException(string message, Exception inner)
        : base(message, inner)
    {
        Outcome = new OffsetsCommandOutcome.NotFound();
    }

    public BatchStoppedException(int index, OffsetsCommandOutcome outcome)
        : base($"command {index} of the batch was not done")
    {
        Index = index;
        Outcome = outcome;
    }

    public int Index { get; } = -1;

    public OffsetsCommandOutcome Outcome { get; }
}
