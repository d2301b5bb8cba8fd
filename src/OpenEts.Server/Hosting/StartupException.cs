namespace OpenEts.Server.Hosting;

/// <summary>
/// The server cannot start, for a reason its operator can fix: the message names the file or setting and what to do.
/// <c>Program</c> prints it as one line on stderr and exits with code 1 (never a stack trace).
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
