using System.Globalization;
using System.Security.Cryptography;
using OpenEts.Application.Files;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Registry;

/// <summary>
/// An issuance sheet (columns 单位类别 | 数量 [| 幂等键]) or an allocation sheet (账户 | 单位类别 | 数量 [| 幂等键]); English
/// headers account, class, quantity, key are accepted too, in any order. Each row is read into the request's form and
/// parsed by <see cref="IssueUnits.TryParse"/> or <see cref="AllocateUnits.TryParse"/>; every row is checked before anything
/// runs. A row without a key gets one derived from the file's SHA-256 and its row number, so running the same file
/// again executes nothing twice.
/// </summary>
public sealed class BatchSheet
{
    private static readonly HeaderColumn Account = new("account", ["账户", "账号", "account"]);

    private static readonly HeaderColumn[] IssuanceColumns =
    [
        new("class", ["单位类别", "类别", "class"]),
        new("quantity", ["数量", "quantity"]),
        new("key", ["幂等键", "key", "idempotency_key", "idempotencykey"], Required: false),
    ];

    private readonly TabularFile _file;
    private readonly HeaderMap? _map;
    private readonly string _fileHash;
    private readonly bool _allocation;

    private BatchSheet(TabularFile file, HeaderMap? map, string fileHash, bool allocation, IReadOnlyList<BatchRowError> errors)
    {
        _file = file;
        _map = map;
        _fileHash = fileHash;
        _allocation = allocation;
        Errors = errors;
    }

    /// <summary>File-level problems: unreadable, missing columns.</summary>
    public IReadOnlyList<BatchRowError> Errors { get; }

    public int RowCount => _file.Rows.Count;

    /// <summary>
    /// Reads an .xlsx or .csv sheet within <see cref="TabularLimits"/> (a larger file is one error naming the limit);
    /// <paramref name="allocation"/> requires the account column.
    /// </summary>
    public static BatchSheet Read(byte[] content, string fileName, bool allocation)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        using var stream = new MemoryStream(content, writable: false);
        var file = TabularFile.Read(stream, fileName);
        if (file.Error is { } error)
        {
            return new BatchSheet(file, null, hash, allocation, [new BatchRowError(file.ErrorRow, file.ErrorColumnLetter, file.ErrorHeader, file.ErrorRule, error)]);
        }
        var map = HeaderMap.Find(file.Header, allocation ? [Account, .. IssuanceColumns] : IssuanceColumns);
        var errors = map.Missing.Select(c => new BatchRowError(1, "", "", "MissingColumn", HeaderMap.MissingMessage(c))).ToList();
        return new BatchSheet(file, map, hash, allocation, errors);
    }

    /// <summary>
    /// Reads every row into its request and checks it against <paramref name="ledger"/> (allocation: the account exists and
    /// is a holding account; keys are not repeated in the file). Returns the rows when all are good, else every problem.
    /// <paramref name="verb"/> names the operation in the derived keys.
    /// </summary>
    public (IReadOnlyList<BatchRow> Rows, IReadOnlyList<BatchRowError> Errors) Validate(RegistryLedger ledger, string verb)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = new List<BatchRow>();
        var errors = new List<BatchRowError>(Errors);
        if (errors.Count > 0 || _map is not { } map)
        {
            return (rows, errors);
        }
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cells) in _file.Rows)
        {
            var before = errors.Count;
            void Fail(string column, string rule, string message) =>
                errors.Add(new BatchRowError(row, map.ColumnOf(column), map.HeaderOf(column), rule, message));

            var quantityText = Cell(map, cells, "quantity");
            long? quantity = null;
            if (quantityText.Length > 0)
            {
                if (long.TryParse(quantityText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    quantity = whole;
                }
                else
                {
                    Fail("quantity", "Quantity", $"quantity: a quantity is a whole number of tonnes ≥ 1 (was '{quantityText}')");
                }
            }
            var keyText = Cell(map, cells, "key");
            if (keyText.Length == 0)
            {
                keyText = $"{verb}:{_fileHash}:row:{row}";
            }
            else if (keys.TryGetValue(keyText, out var first))
            {
                Fail("key", "DuplicateKey", $"key '{keyText}' is also used in row {first}");
            }
            else
            {
                keys[keyText] = row;
            }

            IRegistryCommand? command;
            IReadOnlyList<FieldError> fieldErrors;
            var classText = Cell(map, cells, "class");
            if (_allocation)
            {
                var accountText = Cell(map, cells, "account");
                command = AllocateUnits.TryParse(new AllocateUnits.Form(accountText, classText, quantity, keyText), out var allocate,
                    out fieldErrors) ? allocate : null;
                if (AccountNumber.TryCreate(accountText, out var number) && CheckAccount(ledger, number) is { } problem)
                {
                    Fail("account", problem.Rule, problem.Message);
                }
            }
            else
            {
                command = IssueUnits.TryParse(new IssueUnits.Form(classText, quantity, keyText), out var issue, out fieldErrors)
                    ? issue : null;
            }
            foreach (var e in fieldErrors.Where(e => e.Field != "quantity" || quantityText.Length == 0 || quantity is not null))
            {
                Fail(ColumnOf(e.Field), e.Rule, e.Message);
            }
            if (errors.Count == before && command is not null)
            {
                rows.Add(new BatchRow(row, command));
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new BatchRowError(0, "", "", "Empty", "the sheet has a header row but no data rows"));
        }
        return (rows, errors);
    }

    // Allocation goes to holding accounts only: checked here too so that every bad row is listed before anything runs.
    private static (string Rule, string Message)? CheckAccount(RegistryLedger ledger, AccountNumber number) =>
        ledger.FindAccount(number) switch
        {
            null => ("UnknownAccount", $"there is no account '{number}'"),
            { Kind: not AccountKind.Holding } found => ("AccountKindNotAllowed",
                $"units are allocated to holding accounts only; '{number}' is a {found.Kind} account"),
            _ => null,
        };

    // The request's field names (AllocateUnits.Form) and the sheet's columns.
    private static string ColumnOf(string field) => field switch
    {
        "to" => "account",
        "idempotencyKey" => "key",
        _ => field,
    };

    private static string Cell(HeaderMap map, string[] cells, string field) => map.Cell(cells, field)?.Trim() ?? "";
}
