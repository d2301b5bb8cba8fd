using System.Text;

namespace OpenEts.Cli;

/// <summary>
/// Output of tens of megabytes (the derivation of a 100 000-line report, its JSON): written to standard output through
/// one buffered writer and flushed once at the end. Console.Out flushes every write and hands the stream 256 characters
/// at a time, a system call each. Any other writer (a test's) is written to as it is.
/// </summary>
internal static class LargeOutput
{
    private const int BufferBytes = 1 << 16;

    /// <summary>Writes text through <paramref name="write"/>.</summary>
    public static async Task TextAsync(TextWriter stdout, Action<TextWriter> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(write);
        if (!ReferenceEquals(stdout, Console.Out))
        {
            write(stdout);
            return;
        }
        await Console.Out.FlushAsync(ct).ConfigureAwait(false);
        var writer = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferBytes);
        await using (writer.ConfigureAwait(false))
        {
            write(writer);
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Writes UTF-8 bytes through <paramref name="write"/>, then a line end.</summary>
    public static async Task Utf8Async(TextWriter stdout, Action<Stream> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(write);
        if (!ReferenceEquals(stdout, Console.Out))
        {
            using var buffer = new MemoryStream();
            write(buffer);
            await stdout.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
            return;
        }
        await Console.Out.FlushAsync(ct).ConfigureAwait(false);
        var output = new BufferedStream(Console.OpenStandardOutput(), BufferBytes);
        await using (output.ConfigureAwait(false))
        {
            write(output);
            output.Write("\n"u8);
            await output.FlushAsync(ct).ConfigureAwait(false);
        }
    }
}
