using System.Globalization;
using System.Text;
using OpenEts.Matching;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// Runs replay rows one at a time: parses a row (formats in docs/matching.md), feeds it to the instrument's book and
/// appends the outcome, trades and (at the end) the final books as CSV lines.
/// </summary>
internal sealed class ReplaySession
{
    // The last column (match_levels) may be left out: an 8-column row is read as before, with no limit.
    private static readonly string[] InstrumentColumns =
        ["action", "instrument", "reference_price", "tick", "lot", "max_quantity", "band_bp", "stp", "match_levels"];
    private static readonly string[] NewColumns = ["action", "instrument", "order_id", "account", "side", "type", "price", "quantity"];
    private static readonly string[] CancelColumns = ["action", "instrument", "order_id", "account"];
    private static readonly string[] AmendColumns = ["action", "instrument", "order_id", "account", "price", "quantity"];
    private static readonly string[] ControlColumns = ["action", "instrument"];

    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);
    private readonly List<OrderBook> _definitionOrder = [];
    private readonly TradeBuffer _trades = new();

    public int Rejections { get; private set; }

    /// <summary>Processes one row, appending its output lines; returns the error when the row is malformed.</summary>
    public ReplayRowError? Process(int row, string line, StringBuilder output)
    {
        string[] f = line.Split(',');
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = f[i].Trim();
        }

        string action = f[0];
        string[]? columns = action switch
        {
            "instrument" => InstrumentColumns,
            "new" => NewColumns,
            "cancel" => CancelColumns,
            "amend" => AmendColumns,
            "halt" or "resume" or "auction_open" or "uncross" => ControlColumns,
            _ => null,
        };
        if (columns is null)
        {
            return new(row, 1, "action", $"unknown action '{action}'; expected instrument, new, cancel, amend, halt, resume, auction_open or uncross");
        }

        if (action == "instrument" && f.Length == columns.Length - 1)
        {
            f = [.. f, ""];
        }
        else if (f.Length != columns.Length)
        {
            int column = Math.Min(f.Length, columns.Length) + 1;
            string name = column <= columns.Length ? columns[column - 1] : "(extra)";
            string count = action == "instrument"
                ? string.Create(CultureInfo.InvariantCulture, $"{columns.Length - 1} or {columns.Length}")
                : string.Create(CultureInfo.InvariantCulture, $"exactly {columns.Length}");
            return new(row, column, name, $"'{action}' rows have {count} columns, found {f.Length}");
        }

        var p = new RowParser(row, f, columns);
        if (action == "instrument")
        {
            return DefineInstrument(p, output);
        }

        if (!_books.TryGetValue(f[1], out OrderBook? book))
        {
            return p.Fail(1, "unknown instrument; define it with an 'instrument' row first");
        }

        Command command;
        switch (action)
        {
            case "new":
                if (!p.Integer(2, out long id) || !p.Integer(3, out long account) || !p.Side(4, out Side side)
                    || !p.Type(5, out OrderType type) || !p.Price(6, out long price, allowEmpty: type == OrderType.Market)
                    || !p.Integer(7, out long quantity))
                {
                    return p.Error;
                }

                command = Command.New(row, id, account, side, type, price, quantity);
                break;
            case "cancel":
                if (!p.Integer(2, out id) || !p.Integer(3, out account))
                {
                    return p.Error;
                }

                command = Command.Cancel(row, id, account);
                break;
            case "amend":
                if (!p.Integer(2, out id) || !p.Integer(3, out account) || !p.Price(4, out price, allowEmpty: false)
                    || !p.Integer(5, out quantity))
                {
                    return p.Error;
                }

                command = Command.Amend(row, id, account, price, quantity);
                break;
            default:
                command = new Command(
                    action switch
                    {
                        "halt" => CommandKind.Halt,
                        "resume" => CommandKind.Resume,
                        "auction_open" => CommandKind.OpenAuction,
                        _ => CommandKind.Uncross,
                    },
                    row, 0, 0, Side.Buy, OrderType.Limit, 0, 0);
                break;
        }

        _trades.Clear();
        Outcome o = book.Process(command, _trades);
        if (!o.IsAccepted)
        {
            Rejections++;
        }

        string code = book.Settings.Code;
        Line(output, $"outcome,{row},{code},{action},{o.OrderId},{(o.IsAccepted ? "accepted" : "rejected")},{(o.Reason == Reason.None ? "" : o.Reason.ToString())},{o.Filled},{o.Resting},{o.Cancelled}");
        foreach (Trade t in _trades.AsSpan())
        {
            string aggressor = t.Aggressor switch { Aggressor.Buy => "buy", Aggressor.Sell => "sell", _ => "auction" };
            Line(output, $"trade,{row},{code},{t.BuyOrderId},{t.SellOrderId},{aggressor},{YuanPrice.Format(t.PriceFen)},{t.Quantity}");
        }

        return null;
    }

    /// <summary>The final state of every book, in the order the instruments were defined.</summary>
    public void WriteBooks(StringBuilder output)
    {
        foreach (OrderBook book in _definitionOrder)
        {
            string code = book.Settings.Code;
            string phase = book.Phase == TradingPhase.Call ? "call" : "continuous";
            Line(output, $"state,{code},{phase},{(book.IsHalted ? "halted" : "trading")},{book.OrderCount}");
            foreach (RestingOrder r in book.Snapshot().Orders)
            {
                Line(output, $"book,{code},{(r.Side == Side.Buy ? "buy" : "sell")},{YuanPrice.Format(r.PriceFen)},{r.OrderId},{r.Account},{r.Quantity}");
            }
        }
    }

    private ReplayRowError? DefineInstrument(RowParser p, StringBuilder output)
    {
        string code = p.Fields[1];
        if (code.Length == 0 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return p.Fail(1, "instrument codes are ASCII letters, digits, '-' or '_', e.g. CEA-2024");
        }

        if (_books.ContainsKey(code))
        {
            return p.Fail(1, "instrument already defined");
        }

        if (!p.Price(2, out long reference, allowEmpty: false) || !p.Price(3, out long tick, allowEmpty: false)
            || !p.Integer(4, out long lot) || !p.Integer(5, out long max) || !p.Integer(6, out long band))
        {
            return p.Error;
        }

        SelfTradePrevention? stp = p.Fields[7] switch
        {
            "none" => SelfTradePrevention.None,
            "cancel_incoming" => SelfTradePrevention.CancelIncoming,
            _ => null,
        };
        if (stp is null)
        {
            return p.Fail(7, "must be none or cancel_incoming");
        }

        long levels = 0;
        if (p.Fields[8].Length > 0 && (!p.Integer(8, out levels) || levels < 0 || levels > InstrumentSettings.MaxLevelCount))
        {
            return p.Error ?? p.Fail(8, string.Create(CultureInfo.InvariantCulture,
                $"match_levels must be 0 (no limit) to {InstrumentSettings.MaxLevelCount}; 5 is the national best-5-levels rule"));
        }

        InstrumentSettings settings;
        try
        {
            settings = InstrumentSettings.Create(code, reference, tick, lot, max, (int)Math.Clamp(band, -1, 10_001), stp.Value, (int)levels);
        }
        catch (ArgumentException e)
        {
            int column = e.ParamName switch
            {
                "referencePriceFen" => 2,
                "tickFen" => 3,
                "lotTonnes" => 4,
                "maxOrderTonnes" => 5,
                _ => 6,
            };
            string rule = column switch
            {
                2 => string.Create(CultureInfo.InvariantCulture,
                    $"reference price must be positive and at most {YuanPrice.Format(InstrumentSettings.MaxReferencePriceFen)}"),
                3 => "tick must be positive and the band must contain a price on the tick grid (at most 4 194 304 ticks)",
                4 => "lot must be a positive integer",
                5 => string.Create(CultureInfo.InvariantCulture,
                    $"max quantity must be at least one lot and at most {InstrumentSettings.MaxOrderTonnesLimit} t"),
                _ => "band must be 0..10000 basis points",
            };
            return p.Fail(column, rule);
        }

        var book = new OrderBook(settings);
        _books.Add(code, book);
        _definitionOrder.Add(book);
        Line(output, $"instrument,{p.Row},{code},{YuanPrice.Format(settings.LowerBandFen)},{YuanPrice.Format(settings.UpperBandFen)}");
        return null;
    }

    private static void Line(StringBuilder output, FormattableString line) =>
        output.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    /// <summary>Typed access to a row's fields (0-based here, reported 1-based), remembering the first error.</summary>
    private sealed class RowParser(int row, string[] fields, string[] columns)
    {
        public int Row => row;

        public string[] Fields => fields;

        public ReplayRowError? Error { get; private set; }

        public ReplayRowError Fail(int index, string rule) => Error = new ReplayRowError(row, index + 1, columns[index], rule);

        public bool Integer(int index, out long value)
        {
            if (long.TryParse(fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            Fail(index, "must be a whole number, e.g. 100");
            return false;
        }

        public bool Price(int index, out long fen, bool allowEmpty)
        {
            if (allowEmpty && fields[index].Length == 0)
            {
                fen = Command.NoPrice;
                return true;
            }

            if (YuanPrice.TryParseFen(fields[index], out fen))
            {
                return true;
            }

            Fail(index, allowEmpty
                ? "must be empty or yuan with at most 2 decimals, e.g. 60.25"
                : "must be yuan with at most 2 decimals, e.g. 60.25");
            return false;
        }

        public bool Side(int index, out Side side)
        {
            side = fields[index] == "sell" ? Matching.Side.Sell : Matching.Side.Buy;
            if (fields[index] is "buy" or "sell")
            {
                return true;
            }

            Fail(index, "must be buy or sell");
            return false;
        }

        public bool Type(int index, out OrderType type)
        {
            OrderType? parsed = fields[index] switch
            {
                "limit" => OrderType.Limit,
                "market" => OrderType.Market,
                "ioc" => OrderType.Ioc,
                "fok" => OrderType.Fok,
                _ => null,
            };
            type = parsed ?? OrderType.Limit;
            if (parsed is not null)
            {
                return true;
            }

            Fail(index, "must be limit, market, ioc or fok");
            return false;
        }
    }
}
