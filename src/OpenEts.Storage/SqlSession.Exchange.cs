using OpenEts.Application.Exchange;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IExchangeData
{
    private const string InstrumentColumns = "code, unit_class, reference_fen, tick_fen, lot, max_order, band_bp, calendar, halted, listed_at, resale_next_day, best_five_levels";
    private const string TradingAccountColumns =
        "id, organisation_id, holding_account, is_open, opened_at, member_account_id, suspended_by_exchange, closed_at, transfer_to_member_id, awaiting_client, transfer_confirmed";
    private const string OrderColumns =
        "id, instrument, account_id, user_name, side, type, price_fen, quantity, filled, resting, cancelled, status, reason, reservation_id, placed_at, updated_at, idempotency_key";
    private const string TradeColumns =
        "id, instrument, at, price_fen, quantity, buy_order, sell_order, buy_account, sell_account, aggressor, buyer_fee_fen, seller_fee_fen";

    private const string CloseColumns =
        "instrument, day, rule, previous_fen, open_fen, close_fen, volume, turnover_fen, reference_kept, expired_orders, closed_at";

    // Orders a write transaction inserted and has not stored yet: stored together (one prepared statement for a group
    // commit's orders) before anything reads or changes exchange_orders, before a trade names them, and before the commit.
    private List<ExchangeOrder>? _pendingOrders;

    // Idempotency keys (user, key) a write transaction looked up and found free (FindOrdersByKeyAsync), until it inserts an
    // order with one of them: FindOrderAsync answers those without a statement.
    private HashSet<(string User, string Key)>? _absentOrderKeys;

    public IExchangeData Exchange => this;

    async Task<IReadOnlyList<ListedInstrument>> IExchangeData.InstrumentsAsync() =>
        [.. (await QueryAsync<InstrumentRow>($"SELECT {InstrumentColumns} FROM exchange_instruments ORDER BY code").ConfigureAwait(false))
            .Select(r => r.ToInstrument())];

    async Task<ListedInstrument?> IExchangeData.FindInstrumentAsync(string code) =>
        (await QuerySingleOrDefaultAsync<InstrumentRow>($"SELECT {InstrumentColumns} FROM exchange_instruments WHERE code = @code", new { code })
            .ConfigureAwait(false))?.ToInstrument();

    Task IExchangeData.InsertInstrumentAsync(Instrument instrument, DateTimeOffset at) => ExecuteAsync("""
        INSERT INTO exchange_instruments (code, unit_class, reference_fen, tick_fen, lot, max_order, band_bp, calendar, halted, listed_at)
        VALUES (@Code, @unitClass, @ReferencePriceFen, @TickFen, @LotTonnes, @MaxOrderTonnes, @BandBasisPoints, @Calendar, 0, @at)
        """, new
    {
        instrument.Code, unitClass = instrument.Class.ToString(), instrument.ReferencePriceFen, instrument.TickFen, instrument.LotTonnes,
        instrument.MaxOrderTonnes, instrument.BandBasisPoints, instrument.Calendar, at = Ms(at),
    });

    Task IExchangeData.SetHaltedAsync(string code, bool halted) =>
        ExecuteAsync("UPDATE exchange_instruments SET halted = @halted WHERE code = @code", new { code, halted = halted ? 1 : 0 });

    async Task<TradingAccount?> IExchangeData.FindAccountAsync(long id) =>
        (await QuerySingleOrDefaultAsync<TradingAccountRow>($"SELECT {TradingAccountColumns} FROM exchange_accounts WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToAccount();

    async Task<TradingAccount?> IExchangeData.FindAccountOfAsync(long organisationId) =>
        (await QuerySingleOrDefaultAsync<TradingAccountRow>(
            $"SELECT {TradingAccountColumns} FROM exchange_accounts WHERE organisation_id = @organisationId", new { organisationId })
            .ConfigureAwait(false))?.ToAccount();

    async Task<IReadOnlyList<TradingAccount>> IExchangeData.AccountsAsync() =>
        [.. (await QueryAsync<TradingAccountRow>($"SELECT {TradingAccountColumns} FROM exchange_accounts ORDER BY id").ConfigureAwait(false))
            .Select(r => r.ToAccount())];

    async Task<IReadOnlyList<TradingAccount>> IExchangeData.ClientsOfAsync(long memberAccountId) =>
        [.. (await QueryAsync<TradingAccountRow>(
            $"SELECT {TradingAccountColumns} FROM exchange_accounts WHERE member_account_id = @memberAccountId ORDER BY id", new { memberAccountId })
            .ConfigureAwait(false)).Select(r => r.ToAccount())];

    async Task<TradingAccount> IExchangeData.InsertAccountAsync(TradingAccount account)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO exchange_accounts (organisation_id, holding_account, is_open, opened_at, member_account_id, awaiting_client)
            VALUES (@organisation, @holding, @open, @at, @member, @awaiting) RETURNING id
            """, new
        {
            organisation = account.OrganisationId, holding = account.HoldingAccount.Value, open = account.Open ? 1 : 0, at = Ms(account.OpenedAt),
            member = account.Member, awaiting = account.AwaitingClient ? 1 : 0,
        }).ConfigureAwait(false);
        return account with { Id = id };
    }

    async Task IExchangeData.SaveAccountAsync(TradingAccount account)
    {
        if (await ExecuteAsync("""
            UPDATE exchange_accounts SET is_open = @open, suspended_by_exchange = @byExchange, closed_at = @closedAt, member_account_id = @member,
                transfer_to_member_id = @transferTo, awaiting_client = @awaiting, transfer_confirmed = @transferConfirmed
            WHERE id = @id
            """, new
        {
            id = account.Id, open = account.Open ? 1 : 0, byExchange = account.SuspendedByExchange ? 1 : 0,
            closedAt = account.ClosedAt is { } closed ? Ms(closed) : (long?)null, member = account.Member, transferTo = account.TransferTo,
            awaiting = account.AwaitingClient ? 1 : 0, transferConfirmed = account.TransferConfirmed ? 1 : 0,
        }).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"trading account {account.Id} does not exist");
        }
    }

    async Task<bool> IExchangeData.DeleteAwaitingAccountAsync(long id) =>
        await ExecuteAsync("DELETE FROM exchange_accounts WHERE id = @id AND awaiting_client = 1", new { id }).ConfigureAwait(false) == 1;

    private static readonly string[] OrderColumnList = OrderColumns.Split(", ");

    Task IExchangeData.InsertOrderAsync(ExchangeOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!KeepsWrites)
        {
            return InsertRowsAsync("exchange_orders", OrderColumnList, [OrderValues(order)]);
        }
        (_pendingOrders ??= []).Add(order);
        _absentOrderKeys?.Remove((order.UserName, order.Key));
        return Task.CompletedTask;
    }

    /// <summary>Stores the orders inserted and not stored yet (see <c>_pendingOrders</c>).</summary>
    private async Task FlushOrdersAsync()
    {
        // An order (a buy, or an amend's new terms) names the reservation made for it in this transaction: stored first,
        // before the orders are inserted or changed.
        await FlushNewReservationsAsync().ConfigureAwait(false);
        if (_pendingOrders is not { Count: > 0 } pending)
        {
            return;
        }
        _pendingOrders = null;
        if (connection is Npgsql.NpgsqlConnection)
        {
            await InsertRowsAsync("exchange_orders", OrderColumnList, [.. pending.Select(OrderValues)]).ConfigureAwait(false);
        }
        else
        {
            // On SQLite through its C calls, with no boxed value an order (ExecuteRowsAsync).
            await ExecuteRowsAsync(OrderInsert, pending, OrderColumnList, BindOrder).ConfigureAwait(false);
        }
    }

    private static readonly string OrderInsert =
        $"INSERT INTO exchange_orders ({OrderColumns}) VALUES ({string.Join(", ", OrderColumnList.Select(c => "@" + c))})";

    // An order's values in the order of OrderColumns, as OrderValues gives them.
    private static void BindOrder(ExchangeOrder o, Sqlite.SqliteRowStatement p)
    {
        p.Set(0, o.Id);
        p.Set(1, o.Instrument);
        p.Set(2, o.AccountId);
        p.Set(3, o.UserName);
        p.Set(4, EnumText<Side>.Of(o.Side));
        p.Set(5, EnumText<OrderType>.Of(o.Type));
        p.Set(6, o.PriceFen);
        p.Set(7, o.Quantity);
        p.Set(8, o.Filled);
        p.Set(9, o.Resting);
        p.Set(10, o.Cancelled);
        p.Set(11, EnumText<OrderStatus>.Of(o.Status));
        p.Set(12, o.Reason);
        p.Set(13, o.ReservationId);
        p.Set(14, Ms(o.PlacedAt));
        p.Set(15, Ms(o.UpdatedAt));
        p.Set(16, o.Key);
    }

    // An order's values in the order of OrderColumns.
    private static object?[] OrderValues(ExchangeOrder o) =>
    [
        o.Id, o.Instrument, o.AccountId, o.UserName, EnumText<Side>.Of(o.Side), EnumText<OrderType>.Of(o.Type), o.PriceFen, o.Quantity,
        o.Filled, o.Resting, o.Cancelled, EnumText<OrderStatus>.Of(o.Status), o.Reason, o.ReservationId, Ms(o.PlacedAt), Ms(o.UpdatedAt), o.Key,
    ];

    async Task<IReadOnlyList<ExchangeOrder>> IExchangeData.FindOrdersByKeyAsync(IReadOnlyCollection<(string User, string Key)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await FlushOrdersAsync().ConfigureAwait(false);
        // One statement for all the users' keys (a pair of lists on PostgreSQL, one JSON array of pairs on SQLite), each
        // pair a look-up of the (user_name, idempotency_key) index; a key given twice finds its order once.
        var list = keys as IReadOnlyList<(string User, string Key)> ?? [.. keys];
        var pg = connection is Npgsql.NpgsqlConnection;
        var sql = pg
            ? $"SELECT {OrderColumns} FROM exchange_orders WHERE (user_name, idempotency_key) IN (SELECT * FROM unnest(@users, @keys))"
            : $"SELECT {OrderColumns} FROM exchange_orders WHERE (user_name, idempotency_key) IN (SELECT value ->> 0, value ->> 1 FROM json_each(@pairs))";
        var found = new List<ExchangeOrder>();
        for (var start = 0; start < list.Count; start += 2000)
        {
            var count = Math.Min(2000, list.Count - start);
            object parameters = pg ? PairLists(list, start, count) : new { pairs = PairsJson(list, start, count) };
            found.AddRange((await QueryAsync<OrderRow>(sql, parameters).ConfigureAwait(false)).Select(r => r.ToOrder()));
        }
        if (KeepsWrites)
        {
            // A write transaction knows these keys are free until it inserts an order with one of them.
            var absent = _absentOrderKeys ??= new(list.Count);
            absent.EnsureCapacity(absent.Count + list.Count);
            foreach (var key in list)
            {
                absent.Add(key);
            }
            foreach (var order in found)
            {
                absent.Remove((order.UserName, order.Key));
            }
        }
        return found;
    }

    // count pairs from start as PostgreSQL's two arrays, users and keys.
    private static object PairLists(IReadOnlyList<(string User, string Key)> list, int start, int count)
    {
        var (users, keys) = (new string[count], new string[count]);
        for (var i = 0; i < count; i++)
        {
            (users[i], keys[i]) = list[start + i];
        }
        return new { users, keys };
    }

    // count pairs from start as SQLite's JSON array of [user, key] arrays, written straight to UTF-8.
    private static string PairsJson(IReadOnlyList<(string User, string Key)> list, int start, int count)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(count * 48);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = start; i < start + count; i++)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(list[i].User);
                writer.WriteStringValue(list[i].Key);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    async Task IExchangeData.SaveOrderAsync(ExchangeOrder order)
    {
        await FlushOrdersAsync().ConfigureAwait(false);
        var changed = await ExecuteAsync("""
            UPDATE exchange_orders SET filled = @Filled, resting = @Resting, cancelled = @Cancelled, status = @status, reason = @Reason,
                updated_at = @updatedAt WHERE id = @Id
            """, new
        {
            order.Id, order.Filled, order.Resting, order.Cancelled, status = EnumText<OrderStatus>.Of(order.Status), order.Reason, updatedAt = Ms(order.UpdatedAt),
        }).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new InvalidOperationException($"order {order.Id} does not exist");
        }
    }

    private static readonly string[] OrderStateColumns = ["filled", "resting", "cancelled", "status", "reason", "updated_at"];

    async Task IExchangeData.SaveOrdersAsync(IReadOnlyList<ExchangeOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
        {
            return;
        }
        await FlushOrdersAsync().ConfigureAwait(false);
        var rows = new object?[orders.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var o = orders[i];
            rows[i] = [o.Id, o.Filled, o.Resting, o.Cancelled, EnumText<OrderStatus>.Of(o.Status), o.Reason, Ms(o.UpdatedAt)];
        }
        var changed = await dialect.UpdateRowsAsync(connection, transaction, "exchange_orders", "id", OrderStateColumns, rows, ct).ConfigureAwait(false);
        if (changed != orders.Count)
        {
            throw new InvalidOperationException($"{orders.Count - changed} of {orders.Count} orders saved do not exist");
        }
    }

    async Task IExchangeData.SaveOrderTermsAsync(ExchangeOrder order)
    {
        await FlushOrdersAsync().ConfigureAwait(false);
        if (await ExecuteAsync("""
            UPDATE exchange_orders SET price_fen = @PriceFen, quantity = @Quantity, reservation_id = @ReservationId, updated_at = @updatedAt
            WHERE id = @Id
            """, new { order.Id, order.PriceFen, order.Quantity, order.ReservationId, updatedAt = Ms(order.UpdatedAt) }).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"order {order.Id} does not exist");
        }
    }

    async Task<ExchangeOrder?> IExchangeData.FindOrderAsync(long id)
    {
        await FlushOrdersAsync().ConfigureAwait(false);
        return (await QuerySingleOrDefaultAsync<OrderRow>($"SELECT {OrderColumns} FROM exchange_orders WHERE id = @id", new { id })
            .ConfigureAwait(false))?.ToOrder();
    }

    async Task<IReadOnlyList<ExchangeOrder>> IExchangeData.FindOrdersAsync(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await FlushOrdersAsync().ConfigureAwait(false);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            // SQLite: a probe of the primary key per order, in process, its row read by SQLite's C calls (a settlement
            // reads the tens of thousands of orders it fills this way).
            return ReadEach(ids.Distinct().ToList(), $"SELECT {OrderColumns} FROM exchange_orders WHERE id = @id", ["id"],
                static (id, p) => p.Set(0, id), static (_, r) => ReadOrder(r));
        }
        return await ReadAmongAsync($"SELECT {OrderColumns} FROM exchange_orders WHERE", "id", ids.Distinct(), ReadOrder).ConfigureAwait(false);
    }

    // The same, from SQLite's C calls: the instrument and the codes (side, type, status) are a few texts on many rows, each
    // read as one string; the user's name (as many as the market's traders) is read as it comes.
    private static ExchangeOrder ReadOrder(Sqlite.SqliteRowStatement r) => new(
        r.Int64(0), r.RepeatedText(1), r.Int64(2), r.Text(3), Code(Sides, r.RepeatedText(4)), Code(OrderTypes, r.RepeatedText(5)),
        r.IsNull(6) ? null : r.Int64(6), r.Int64(7), r.Int64(8), r.Int64(9), r.Int64(10), Code(OrderStatuses, r.RepeatedText(11)),
        r.IsNull(12) ? null : r.Text(12), r.IsNull(13) ? null : r.Int64(13), At(r.Int64(14)), At(r.Int64(15)), r.Text(16));

    // An order read by column position (OrderColumns' order), its codes looked up rather than parsed.
    private static ExchangeOrder ReadOrder(System.Data.Common.DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), Code(Sides, r.GetString(4)), Code(OrderTypes, r.GetString(5)),
        r.IsDBNull(6) ? null : r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), Code(OrderStatuses, r.GetString(11)),
        r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetInt64(13), At(r.GetInt64(14)), At(r.GetInt64(15)), r.GetString(16));

    private static readonly Dictionary<string, Side> Sides = Codes<Side>();
    private static readonly Dictionary<string, OrderType> OrderTypes = Codes<OrderType>();
    private static readonly Dictionary<string, OrderStatus> OrderStatuses = Codes<OrderStatus>();

    private static Dictionary<string, T> Codes<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);

    // A stored code is the enum's name; one that is not (a database changed by hand) fails as Enum.Parse would.
    private static T Code<T>(Dictionary<string, T> codes, string stored) where T : struct, Enum =>
        codes.TryGetValue(stored, out var value) ? value : Enum.Parse<T>(stored);

    async Task<ExchangeOrder?> IExchangeData.FindOrderAsync(string userName, string key)
    {
        if (_absentOrderKeys is { } absent && absent.Contains((userName, key)))
        {
            return null;
        }
        await FlushOrdersAsync().ConfigureAwait(false);
        return (await QuerySingleOrDefaultAsync<OrderRow>(
            $"SELECT {OrderColumns} FROM exchange_orders WHERE user_name = @userName AND idempotency_key = @key", new { userName, key })
            .ConfigureAwait(false))?.ToOrder();
    }

    async Task<IReadOnlyList<ExchangeOrder>> IExchangeData.OrdersAsync(long accountId, int limit)
    {
        await FlushOrdersAsync().ConfigureAwait(false);
        var newest = (await QueryAsync<OrderRow>($"SELECT {OrderColumns} FROM exchange_orders WHERE account_id = @accountId ORDER BY id DESC LIMIT @limit",
            new { accountId, limit }).ConfigureAwait(false)).Select(r => r.ToOrder()).ToList();
        if (newest.Count == limit)
        {
            newest.AddRange(await OpenOrdersBelowAsync(accountId, limit == 0 ? long.MaxValue : newest[^1].Id).ConfigureAwait(false));
        }
        return newest;
    }

    async Task<IReadOnlyList<ExchangeOrder>> IExchangeData.OpenOrdersOfAsync(long accountId)
    {
        await FlushOrdersAsync().ConfigureAwait(false);
        return [.. (await OpenOrdersBelowAsync(accountId, long.MaxValue).ConfigureAwait(false)).AsEnumerable().Reverse()];
    }

    // An account's open orders numbered below `below`, newest first: a scan of the account's entries in the
    // (account_id, id) index, none sent but the open.
    private async Task<IEnumerable<ExchangeOrder>> OpenOrdersBelowAsync(long accountId, long below) =>
        (await QueryAsync<OrderRow>(
            $"SELECT {OrderColumns} FROM exchange_orders WHERE account_id = @accountId AND id < @below AND status = 'Open' ORDER BY id DESC",
            new { accountId, below }).ConfigureAwait(false)).Select(r => r.ToOrder()).ToList();

    async Task<IReadOnlyList<ExchangeOrder>> IExchangeData.OpenOrdersAsync()
    {
        await FlushOrdersAsync().ConfigureAwait(false);
        return [.. (await QueryAsync<OrderRow>($"SELECT {OrderColumns} FROM exchange_orders WHERE status = 'Open' ORDER BY id").ConfigureAwait(false))
            .Select(r => r.ToOrder())];
    }

    async Task<(long Order, long Trade)> IExchangeData.LastNumbersAsync()
    {
        await FlushOrdersAsync().ConfigureAwait(false);
        return (await ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM exchange_orders").ConfigureAwait(false),
            await ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM exchange_trades").ConfigureAwait(false));
    }

    // The stored columns and each trade's public print number (SqlSession.ExchangePrints.cs).
    private static readonly string[] TradeColumnList = [.. TradeColumns.Split(", "), "print_sequence"];

    async Task IExchangeData.InsertTradesAsync(IReadOnlyList<ExchangeTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        // A trade names its two orders (foreign keys): they are stored first.
        await FlushOrdersAsync().ConfigureAwait(false);
        var rows = new object?[trades.Count][];
        var lastPrint = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            var t = trades[i];
            if (!lastPrint.TryGetValue(t.Instrument, out var print))
            {
                print = await LastPrintAsync(t.Instrument).ConfigureAwait(false);
            }
            lastPrint[t.Instrument] = ++print;
            rows[i] = [t.Id, t.Instrument, Ms(t.At), t.PriceFen, t.Quantity, t.BuyOrder, t.SellOrder, t.BuyAccount, t.SellAccount, t.Aggressor,
                t.BuyerFeeFen, t.SellerFeeFen, print];
        }
        await InsertRowsAsync("exchange_trades", TradeColumnList, rows).ConfigureAwait(false);
    }

    async Task<IReadOnlyList<ExchangeTrade>> IExchangeData.TradesAsync(string instrument, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await QueryAsync<TradeRow>($"""
            SELECT {TradeColumns} FROM exchange_trades WHERE instrument = @instrument AND at >= @from AND at < @to ORDER BY id
            """, new { instrument, from = Ms(from), to = Ms(to) }).ConfigureAwait(false)).Select(r => r.ToTrade())];

    async Task<IReadOnlyList<ExchangeTrade>> IExchangeData.TradesOfAsync(long accountId, int limit) =>
        [.. (await QueryAsync<TradeRow>($"""
            SELECT {TradeColumns} FROM exchange_trades WHERE buy_account = @accountId OR sell_account = @accountId ORDER BY id DESC LIMIT @limit
            """, new { accountId, limit }).ConfigureAwait(false)).Select(r => r.ToTrade())];

    async Task<IReadOnlyList<ExchangeTrade>> IExchangeData.AllTradesAsync() =>
        [.. (await QueryAsync<TradeRow>($"SELECT {TradeColumns} FROM exchange_trades ORDER BY id").ConfigureAwait(false)).Select(r => r.ToTrade())];

    async Task<IReadOnlyList<ExchangeTrade>> IExchangeData.TradesOfAsync(long accountId, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await QueryAsync<TradeRow>($"""
            SELECT {TradeColumns} FROM exchange_trades
            WHERE (buy_account = @accountId OR sell_account = @accountId) AND at >= @from AND at < @to ORDER BY id
            """, new { accountId, from = Ms(from), to = Ms(to) }).ConfigureAwait(false)).Select(r => r.ToTrade())];

    async Task IExchangeData.SetReferenceAsync(string code, long referenceFen)
    {
        if (await ExecuteAsync("UPDATE exchange_instruments SET reference_fen = @referenceFen WHERE code = @code", new { code, referenceFen })
            .ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"instrument {code} is not listed");
        }
    }

    Task IExchangeData.InsertCloseAsync(InstrumentClose close) => ExecuteAsync($"""
        INSERT INTO exchange_closes ({CloseColumns})
        VALUES (@Instrument, @day, @rule, @previous, @open, @close, @volume, @turnover, @kept, @ExpiredOrders, @closedAt)
        """, new
    {
        close.Instrument, day = DayText(close.Close.Day), rule = close.Close.Rule.ToString(), previous = close.Close.PreviousCloseFen,
        open = close.Close.OpenFen, close = close.Close.CloseFen, volume = close.Close.Volume, turnover = close.Close.TurnoverFen,
        kept = close.Close.ReferenceKept ? 1 : 0, close.ExpiredOrders, closedAt = Ms(close.ClosedAt),
    });

    async Task<IReadOnlyList<InstrumentClose>> IExchangeData.ClosesAsync(DateOnly? day, int limit) =>
        [.. (day is { } d
            ? await QueryAsync<CloseRow>($"SELECT {CloseColumns} FROM exchange_closes WHERE day = @day ORDER BY instrument LIMIT @limit",
                new { day = DayText(d), limit }).ConfigureAwait(false)
            : await QueryAsync<CloseRow>($"SELECT {CloseColumns} FROM exchange_closes ORDER BY day DESC, instrument LIMIT @limit",
                new { limit }).ConfigureAwait(false)).Select(r => r.ToClose())];

    async Task<DateOnly?> IExchangeData.LastClosedDayAsync(string code) =>
        await ExecuteScalarAsync<string?>("SELECT MAX(day) FROM exchange_closes WHERE instrument = @code", new { code }).ConfigureAwait(false) is { } text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class CloseRow
    {
        public string Instrument { get; init; } = "";

        public string Day { get; init; } = "";

        public string Rule { get; init; } = "";

        public long Previous_Fen { get; init; }

        public long Open_Fen { get; init; }

        public long Close_Fen { get; init; }

        public long Volume { get; init; }

        public long Turnover_Fen { get; init; }

        public long Reference_Kept { get; init; }

        public long Expired_Orders { get; init; }

        public long Closed_At { get; init; }

        public InstrumentClose ToClose() => new(Instrument,
            new DailyClose(DateOnly.ParseExact(Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<ClosingRule>(Rule),
                Previous_Fen, Open_Fen, Close_Fen, Volume, Turnover_Fen, Reference_Kept != 0),
            checked((int)Expired_Orders), At(Closed_At));
    }

    private sealed class InstrumentRow
    {
        public string Code { get; init; } = "";

        public string Unit_Class { get; init; } = "";

        public long Reference_Fen { get; init; }

        public long Tick_Fen { get; init; }

        public long Lot { get; init; }

        public long Max_Order { get; init; }

        public long Band_Bp { get; init; }

        public string Calendar { get; init; } = "";

        public long Halted { get; init; }

        public long Listed_At { get; init; }

        public long Resale_Next_Day { get; init; }

        public long Best_Five_Levels { get; init; }

        public ListedInstrument ToInstrument() => new(
            new Instrument(Code, UnitClass.Parse(Unit_Class), Reference_Fen, Tick_Fen, Lot, Max_Order, checked((int)Band_Bp), Calendar)
            {
                ResaleNextDay = Resale_Next_Day != 0,
                BestFiveLevels = Best_Five_Levels != 0,
            },
            Halted != 0, At(Listed_At));
    }

    private sealed class TradingAccountRow
    {
        public long Id { get; init; }

        public long Organisation_Id { get; init; }

        public string Holding_Account { get; init; } = "";

        public long Is_Open { get; init; }

        public long Opened_At { get; init; }

        public long? Member_Account_Id { get; init; }

        public long Suspended_By_Exchange { get; init; }

        public long? Closed_At { get; init; }

        public long? Transfer_To_Member_Id { get; init; }

        public long Awaiting_Client { get; init; }

        public long Transfer_Confirmed { get; init; }

        public TradingAccount ToAccount() => new(Id, Organisation_Id, AccountNumber.From(Holding_Account), Is_Open != 0, At(Opened_At), Member_Account_Id,
            Suspended_By_Exchange != 0, Closed_At is { } closed ? At(closed) : null, Transfer_To_Member_Id, Awaiting_Client != 0,
            Transfer_Confirmed != 0);
    }

    private sealed class OrderRow
    {
        public long Id { get; init; }

        public string Instrument { get; init; } = "";

        public long Account_Id { get; init; }

        public string User_Name { get; init; } = "";

        public string Side { get; init; } = "";

        public string Type { get; init; } = "";

        public long? Price_Fen { get; init; }

        public long Quantity { get; init; }

        public long Filled { get; init; }

        public long Resting { get; init; }

        public long Cancelled { get; init; }

        public string Status { get; init; } = "";

        public string? Reason { get; init; }

        public long? Reservation_Id { get; init; }

        public long Placed_At { get; init; }

        public long Updated_At { get; init; }

        public string Idempotency_Key { get; init; } = "";

        public ExchangeOrder ToOrder() => new(
            Id, Instrument, Account_Id, User_Name, Enum.Parse<Side>(Side), Enum.Parse<OrderType>(Type), Price_Fen, Quantity, Filled, Resting,
            Cancelled, Enum.Parse<OrderStatus>(Status), Reason, Reservation_Id, At(Placed_At), At(Updated_At), Idempotency_Key);
    }

    private sealed class TradeRow
    {
        public long Id { get; init; }

        public string Instrument { get; init; } = "";

        public long At { get; init; }

        public long Price_Fen { get; init; }

        public long Quantity { get; init; }

        public long Buy_Order { get; init; }

        public long Sell_Order { get; init; }

        public long Buy_Account { get; init; }

        public long Sell_Account { get; init; }

        public string Aggressor { get; init; } = "";

        public long Buyer_Fee_Fen { get; init; }

        public long Seller_Fee_Fen { get; init; }

        public ExchangeTrade ToTrade() => new(
            Id, Instrument, SqlSession.At(At), Price_Fen, Quantity, Buy_Order, Sell_Order, Buy_Account, Sell_Account, Aggressor,
            Buyer_Fee_Fen, Seller_Fee_Fen);
    }
}
