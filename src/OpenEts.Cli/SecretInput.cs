using System.Text;

namespace OpenEts.Cli;

/// <summary>
/// Where a secret (a password) is read from: a prompt that does not echo when stdin is a terminal, else one line of
/// stdin (a pipe or a file). Never from an argument: those show in the process list and the shell's history.
/// </summary>
internal sealed class SecretInput
{
    private readonly TextReader _reader;

    private SecretInput(TextReader reader, bool isTerminal)
    {
        _reader = reader;
        IsTerminal = isTerminal;
    }

    /// <summary>The process's stdin.</summary>
    public static SecretInput Console => new(System.Console.In, !System.Console.IsInputRedirected);

    /// <summary>True when the secret is typed at a prompt (and can be asked twice).</summary>
    public bool IsTerminal { get; }

    /// <summary>One line of <paramref name="reader"/>, as from a pipe.</summary>
    public static SecretInput FromLines(TextReader reader) => new(reader, isTerminal: false);

    /// <summary>Reads one secret: at a prompt on <paramref name="prompts"/> without echo, or the next line; null at the end of input.</summary>
    public async Task<string?> ReadAsync(string prompt, TextWriter prompts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (!IsTerminal)
        {
            return await _reader.ReadLineAsync(ct).ConfigureAwait(false);
        }
        await prompts.WriteAsync(prompt).ConfigureAwait(false);
        await prompts.FlushAsync(ct).ConfigureAwait(false);
        var secret = new StringBuilder();
        while (true)
        {
            var key = System.Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    await prompts.WriteLineAsync().ConfigureAwait(false);
                    return secret.ToString();
                case ConsoleKey.Backspace:
                    secret.Length = Math.Max(0, secret.Length - 1);
                    break;
                default:
                    if (key.KeyChar == '\u0004' && secret.Length == 0)
                    {
                        return null; // Ctrl+D on an empty line: no password
                    }
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
