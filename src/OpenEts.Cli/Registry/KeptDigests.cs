using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OpenEts.Application.Journal;
using OpenEts.Domain.Journal;

namespace OpenEts.Cli.Registry;

/// <summary>
/// Journal digests kept elsewhere, read from the files given to <c>ets registry verify --digest</c>: each file is what
/// <c>GET /api/v1/journal/digests</c> returns (<c>{"format","keyId","publicKey","digests":[…]}</c>) or one digest
/// object. Each digest is checked with its file's public key, or with the <c>--key</c> file's for all of them.
/// </summary>
internal sealed class KeptDigests : IDisposable
{
    private readonly List<ECDsa> _keys = [];
    private readonly Dictionary<JournalDigest, List<ECDsa>> _keysOf = [];

    private KeptDigests()
    {
    }

    /// <summary>Every distinct digest read, in file order.</summary>
    public IReadOnlyCollection<JournalDigest> Digests => _keysOf.Keys;

    public int FileCount { get; private set; }

    /// <summary>True when <paramref name="digest"/> is signed by a key that came with it (its file's, or <c>--key</c>).</summary>
    public bool IsSigned(JournalDigest digest) =>
        _keysOf.TryGetValue(digest, out var keys) && keys.Exists(digest.IsSignedBy);

    /// <summary>Reads every file; a file that cannot be read or is not digests is a problem naming the file and what is wrong.</summary>
    public static async Task<(KeptDigests? Digests, string? Problem)> ReadAsync(IReadOnlyList<string> files, string? keyFile,
        CancellationToken ct)
    {
        var kept = new KeptDigests();
        string? problem = null;
        try
        {
            ECDsa? common = null;
            if (keyFile is not null)
            {
                var (pem, readProblem) = await ReadTextAsync(keyFile, "--key", ct).ConfigureAwait(false);
                problem = readProblem;
                common = pem is null ? null : kept.Import(pem, $"--key {keyFile}", out problem);
            }
            foreach (var file in files)
            {
                problem ??= await kept.AddFileAsync(file, common, ct).ConfigureAwait(false);
            }
            return problem is null ? (kept, null) : (null, problem);
        }
        finally
        {
            if (problem is not null)
            {
                kept.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }

    private async Task<string?> AddFileAsync(string file, ECDsa? common, CancellationToken ct)
    {
        var (text, problem) = await ReadTextAsync(file, "--digest", ct).ConfigureAwait(false);
        if (text is null)
        {
            return problem;
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return $"--digest {file}: not JSON ({e.Message})";
        }
        var (digests, pem, shapeProblem) = Shape(root);
        if (shapeProblem is not null)
        {
            return $"--digest {file}: {shapeProblem}";
        }
        var key = common;
        if (key is null)
        {
            if (pem is null)
            {
                return $"--digest {file}: the file has no public key (\"publicKey\"); give the key with --key PEMFILE";
            }
            key = Import(pem, $"--digest {file}: publicKey", out problem);
            if (key is null)
            {
                return problem;
            }
        }
        for (var i = 0; i < digests.Count; i++)
        {
            if (!JournalDigests.TryRead(digests[i].GetRawText(), out var digest) || digest.Sequence < 1)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"--digest {file}: digest {i + 1} is not a digest of format {JournalDigest.Format} (it needs format, sequence ≥ 1, hash, at, keyId and signature)");
            }
            if (!_keysOf.TryGetValue(digest, out var keys))
            {
                _keysOf[digest] = keys = [];
            }
            keys.Add(key);
        }
        FileCount++;
        return null;
    }

    // The API's file ({"digests": […], "publicKey": …}) or a single digest object.
    private static (IReadOnlyList<JsonElement> Digests, string? PublicKey, string? Problem) Shape(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ([], null, "not a digest file: expected a JSON object");
        }
        string? pem = null;
        if (Property(root, "publicKey") is { } publicKey)
        {
            if (publicKey.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return ([], null, "\"publicKey\" is not a PEM text");
            }
            pem = publicKey.GetString();
        }
        if (Property(root, "digests") is not { } list)
        {
            return Property(root, "signature") is null
                ? ([], null, $"not a digest file: no \"digests\" list, and not one digest (format {JournalDigest.Format})")
                : ([root], pem, null);
        }
        if (Property(root, "format") is { } format && format.ValueKind == JsonValueKind.String && format.GetString() != JournalDigest.Format)
        {
            return ([], null, $"format '{format.GetString()}' is not {JournalDigest.Format}");
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            return ([], null, "\"digests\" is not a list");
        }
        var digests = list.EnumerateArray().ToList();
        return digests.Count == 0 ? ([], null, "the file holds no digests") : (digests, pem, null);
    }

    private static JsonElement? Property(JsonElement o, string name)
    {
        foreach (var p in o.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }
        return null;
    }

    private static async Task<(string? Text, string? Problem)> ReadTextAsync(string file, string option, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return (null, $"{option} {file}: file not found");
        }
        try
        {
            return (await File.ReadAllTextAsync(file, ct).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{option} {file}: cannot be read ({e.Message})");
        }
    }

    private ECDsa? Import(string pem, string what, out string? problem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                problem = $"{what}: not an ECDSA P-256 key (the key has {key.KeySize} bits)";
                key.Dispose();
                return null;
            }
            _keys.Add(key);
            problem = null;
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            problem = $"{what}: no ECDSA P-256 key in PEM form ({e.Message})";
            return null;
        }
    }
}
