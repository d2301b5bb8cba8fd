using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Cash;

namespace OpenEts.Domain.Tests.Cash;

public sealed class CashBookPropertyTests
{
    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());

    // Random deposits, withdrawals, transfers, reservations, releases and settlements (many of them refused) on three
    // members; after every step the invariants hold.
    private static void Check(Action<CashBook, Action> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(150), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var book = new CashBook();
            long[] members = [book.OpenMember(11), book.OpenMember(12), book.OpenMember(13)];
            long[] targets = [.. members, CashBook.ProceedsId];
            var reservations = new List<long>();
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                var amount = Yuan.FromFen(r.Next(1, 500_000));
                var member = members[r.Next(members.Length)];
                property(book, () =>
                {
                    switch (r.Next(6))
                    {
                        case 0:
                            book.Deposit(member, amount);
                            break;
                        case 1:
                            book.Withdraw(member, amount);
                            break;
                        case 2:
                            book.Transfer(member, targets[r.Next(targets.Length)], amount);
                            break;
                        case 3:
                            if (book.Reserve(member, amount, out var id) is null)
                            {
                                reservations.Add(id);
                            }
                            break;
                        case 4 when reservations.Count > 0:
                            book.Release(reservations[r.Next(reservations.Count)]);
                            break;
                        case 5 when reservations.Count > 0:
                            book.Settle(reservations[r.Next(reservations.Count)], targets[r.Next(targets.Length)], amount);
                            break;
                        default:
                            break;
                    }
                });
            }
        }));

    [Fact]
    public void AnySequence_MoneyNeverAppearsOrVanishes()
    {
        Check((book, step) =>
        {
            var before = book.Accounts.Values.Where(a => a.Kind != CashAccountKind.ExternalBank).Sum(a => a.Balance);
            var bankBefore = book.Accounts[CashBook.BankId].Balance;

            step();

            Assert.Equal(0m, book.Accounts.Values.Sum(a => a.Balance));
            var inside = book.Accounts.Values.Where(a => a.Kind != CashAccountKind.ExternalBank).Sum(a => a.Balance);
            Assert.Equal(before - inside, book.Accounts[CashBook.BankId].Balance - bankBefore);
        });
    }

    [Fact]
    public void AnySequence_NoMemberAccountGoesNegative()
    {
        Check((book, step) =>
        {
            step();

            Assert.All(book.Accounts.Values.Where(a => a.Kind != CashAccountKind.ExternalBank), a => Assert.True(a.Balance >= 0m));
        });
    }

    [Fact]
    public void AnySequence_ReservationsNeverExceedTheBalance()
    {
        Check((book, step) =>
        {
            step();

            foreach (var account in book.Accounts.Values)
            {
                var held = book.Reservations.Values.Where(r => r.AccountId == account.Id && r.Open).Sum(r => r.Amount.Value);
                Assert.Equal(held, account.Reserved);
                Assert.True(held <= Math.Max(account.Balance, 0m));
            }
        });
    }
}
