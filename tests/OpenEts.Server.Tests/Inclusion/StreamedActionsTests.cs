using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;
using OpenEts.Streaming.Inclusion;

namespace OpenEts.Server.Tests.Inclusion;

/// <summary>
/// A JetStream message's id stands for its partner and its actions' keys: the stream drops a message whose id it saw
/// within the duplicate window, so two different messages must never share one, or the second's actions would be lost.
/// </summary>
public sealed class StreamedActionsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    private static RecordActions.Item Ride(string source, string eventId) =>
        new(0, eventId, source, "c1", Behaviour.Metro, At, new ActionMeasure(5m, 30m), []);

    [Fact]
    public void MessageId_TheSameKeysInOrder_GiveTheSameIdAndAnythingElseAnother()
    {
        var id = StreamedActions.MessageId(7, [Ride("gate-1", "t-1"), Ride("gate-1", "t-2")]);

        Assert.Equal(id, StreamedActions.MessageId(7, [Ride("gate-1", "t-1"), Ride("gate-1", "t-2")]));
        Assert.NotEqual(id, StreamedActions.MessageId(8, [Ride("gate-1", "t-1"), Ride("gate-1", "t-2")]));
        Assert.NotEqual(id, StreamedActions.MessageId(7, [Ride("gate-1", "t-2"), Ride("gate-1", "t-1")]));
        Assert.NotEqual(id, StreamedActions.MessageId(7, [Ride("gate-1", "t-1")]));
    }

    [Fact]
    public void MessageId_KeysThatRunTogetherAsText_StayApart()
    {
        // Source and event id may hold any character: a separator inside one must not make it another pair's text.
        Assert.NotEqual(StreamedActions.MessageId(7, [Ride("a\nb", "c")]), StreamedActions.MessageId(7, [Ride("a", "b\nc")]));
        Assert.NotEqual(StreamedActions.MessageId(7, [Ride("ab", "c")]), StreamedActions.MessageId(7, [Ride("a", "bc")]));
        Assert.NotEqual(StreamedActions.MessageId(7, [Ride("a", "b"), Ride("c", "d")]), StreamedActions.MessageId(7, [Ride("a", "b\nc\nd")]));
    }
}
