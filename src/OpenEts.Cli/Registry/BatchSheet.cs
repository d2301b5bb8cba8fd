using System.Security.Cryptography;
using OpenEts.Application.Files;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Registry;

/// <summary>
/// An issuance sheet (columns 单位类别 | 数量 [| 幂等键]) or an allocation sheet (账户 | 单位类别 | 数量 [| 幂等键]); English
/// headers account, class, quantity, key are accepted too, in any order. Every row is checked before anything runs;
/// a row without a key gets one derived from the file's SHA-256 and its row number, so running the same file again
/// executes nothing twice.
/// </summary>
internal sealed class BatchSheet
{
    private static readonly (string Field, string[] Names)[] AllColumns =
    [
        ("account", ["账户", "账号", "account"]),
        ("class", ["单位类别", "类别", "class"]),
        ("quantity", ["数量", "quantity"]),
        ("key", ["幂等键", "key", "idempotency_key", "idempotencykey"]),
    ];

    private readonly TabularFile _file;
    private readonly Dictionary<string, int> _index;
    private readonly string _fileHash;
    private readonly bool _allocation;

    private BatchSheet(TabularFile file, Dictionary<string, int> index, string fileHash, bool allocation, IReadOnlyList<BatchRowError> errors)
    {
        _file = file;
        _index = index;
        _fileHash = fileHash;
        _allocation = allocation;
        Errors = errors;
    }

    /// <summary>File-level problems: unreadable, missing columns.</summary>
    public IReadOnlyList<BatchRowError> Errors { get; }

    public int RowCount => _file.Rows.Count;

    /// <summary>Reads an .xlsx or .csv sheet; <paramref name="allocation"/> requires the account column.</summary>
    public static BatchSheet Read(byte[] content, string fileName, bool allocation)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        using var stream = new MemoryStream(content, writable: false);
        var file = TabularFile.Read(stream, fileName);
        if (file.Error is { } error)
        {
            return new BatchSheet(file, [], hash, allocation, [new BatchRowError(0, "", "", "Unreadable", error)]);
        }
        var index = new Dictionary<string, int>();
        var errors = new List<BatchRowError>();
        foreach (var (field, names) in AllColumns)
        {
            if (field == "account" && !allocation)
            {
                continue;
            }
            var at = -1;
            for (var i = 0; i < file.Header.Count && at < 0; i++)
            {
                if (names.Contains(file.Header[i], StringComparer.OrdinalIgnoreCase))
                {
                    at = i;
                }
            }
            if (at >= 0)
            {
                index[field] = at;
            }
            else if (field != "key")
            {
                errors.Add(new BatchRowError(1, "", "", "MissingColumn",
                    $"the header row has no column '{names[0]}' (or '{names[^1]}')"));
            }
        }
        return new BatchSheet(file, index, hash, allocation, errors);
    }

    /// <summary>
    /// Checks every row against <paramref name="ledger"/> (allocation: the account exists and is a holding account; the
    /// class parses; the quantity is a whole number ≥ 1; keys are printable and not repeated). Returns the rows when
    /// all are good, else every problem.
    /// </summary>
    public (IReadOnlyList<BatchRow> Rows, IReadOnlyList<BatchRowError> Errors) Validate(RegistryLedger ledger, string verb)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = new List<BatchRow>();
        var errors = new List<BatchRowError>(Errors);
        if (errors.Count > 0)
        {
            return (rows, errors);
        }
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cells) in _file.Rows)
        {
            var before = errors.Count;
            void Fail(string field, string rule, string message) =>
                errors.Add(new BatchRowError(row, TabularFile.ColumnLetter(_index[field]), _file.Header[_index[field]], rule, message));

            AccountNumber? account = null;
            if (_allocation)
            {
                var text = Cell(cells, "account");
                if (!AccountNumber.TryCreate(text, out var number))
                {
                    Fail("account", "AccountNumber",
                        $"'{text}' is not an account number (1–{AccountNumber.MaxLength} of A–Z, a–z, 0–9, -)");
                }
                else if (ledger.FindAccount(number) is not { } found)
                {
                    Fail("account", "UnknownAccount", $"there is no account '{number}'");
                }
                else if (found.Kind != AccountKind.Holding)
                {
                    Fail("account", "AccountKindNotAllowed",
                        $"units are allocated to holding accounts only; '{number}' is a {found.Kind} account");
                }
                else
                {
                    account = number;
                }
            }
            var classText = Cell(cells, "class");
            if (!UnitClass.TryParse(classText, out var unitClass))
            {
                Fail("class", "UnitClass", $"'{classText}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER)");
            }
            var quantityText = Cell(cells, "quantity");
            if (!RegistryArguments.TryWhole(quantityText, out var quantity) || quantity < 1)
            {
                Fail("quantity", "PositiveWholeNumber", $"the quantity must be a whole number ≥ 1 (was '{quantityText}')");
            }
            var keyText = _index.ContainsKey("key") ? Cell(cells, "key") : "";
            IdempotencyKey? key = null;
            if (string.IsNullOrWhiteSpace(keyText))
            {
                key = IdempotencyKey.From($"{verb}:{_fileHash}:row:{row}");
            }
            else if (keyText.Length > IdempotencyKey.MaxLength || keyText.Any(char.IsControl))
            {
                Fail("key", "IdempotencyKey", $"a key is 1–{IdempotencyKey.MaxLength} printable characters");
            }
            else if (keys.TryGetValue(keyText, out var first))
            {
                Fail("key", "DuplicateKey", $"key '{keyText}' is also used in row {first}");
            }
            else
            {
                keys[keyText] = row;
                key = IdempotencyKey.From(keyText);
            }
            if (errors.Count == before)
            {
                rows.Add(new BatchRow(row, account, unitClass, quantity, key!.Value));
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new BatchRowError(0, "", "", "Empty", "the sheet has a header row but no data rows"));
        }
        return (rows, errors);
    }

    private string Cell(string[] cells, string field) =>
        _index.TryGetValue(field, out var i) && i < cells.Length ? cells[i].Trim() : "";
}
