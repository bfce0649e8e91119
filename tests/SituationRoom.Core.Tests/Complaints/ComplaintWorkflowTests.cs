using SituationRoom.Core.Complaints;
using static SituationRoom.Core.Complaints.ComplaintStatus;

namespace SituationRoom.Core.Tests.Complaints;

public class ComplaintWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, Wib.Offset);

    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> ExpectedTable = new()
    {
        [Received] = [Verified, Rejected],
        [Verified] = [Dispatched, Rejected],
        [Dispatched] = [InProgress, HandedOver, Rejected, WaitingOnCitizen],
        [InProgress] = [Resolved, WaitingOnCitizen, HandedOver, Rejected],
        [WaitingOnCitizen] = [InProgress, Rejected],
        [HandedOver] = [Dispatched],
        [Resolved] = [InProgress],
        [Rejected] = [InProgress],
    };

    public static TheoryData<ComplaintStatus, ComplaintStatus> AllPairs()
    {
        var pairs = new TheoryData<ComplaintStatus, ComplaintStatus>();
        foreach (var from in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var to in Enum.GetValues<ComplaintStatus>())
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    private static Evidence Photo(DateTimeOffset? takenAt = null, double? latitude = -6.99, double? longitude = 110.42) =>
        new("https://files.semarangkota.go.id/bukti/1.jpg", takenAt ?? Now.AddHours(-2), latitude, longitude);

    private static TransitionRequest CompleteRequest(ComplaintStatus to) => new(
        to,
        ResolutionNote: "Lubang sudah ditambal aspal.",
        Evidence: [Photo()],
        Reason: "Alasan dari petugas atau pelapor.",
        CurrentOpdCode: "DPU",
        TargetOpdCode: "DISHUB");

    private static TransitionCheck Check(ComplaintStatus from, TransitionRequest request, DateTimeOffset? resolvedAt = null) =>
        ComplaintWorkflow.Check(from, request, Now, resolvedAt ?? Now.AddDays(-1));

    [Fact]
    public void AllPairs_CoverEveryStatusCombination()
    {
        var count = Enum.GetValues<ComplaintStatus>().Length;

        Assert.Equal(count * count, AllPairs().Count());
        Assert.Equal(Enum.GetValues<ComplaintStatus>().Order(), ExpectedTable.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsLegal_EveryPair_MatchesTheTable(ComplaintStatus from, ComplaintStatus to)
    {
        Assert.Equal(ExpectedTable[from].Contains(to), ComplaintWorkflow.IsLegal(from, to));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Check_EveryPairWithCompleteRequest_AllowsExactlyTheLegalOnes(ComplaintStatus from, ComplaintStatus to)
    {
        var check = Check(from, CompleteRequest(to));

        if (ExpectedTable[from].Contains(to))
        {
            Assert.True(check.IsAllowed, string.Join("; ", check.Errors));
        }
        else
        {
            var error = Assert.Single(check.Errors);
            Assert.Equal("to", error.Field);
            Assert.Contains(from.IndonesianName(), error.MessageId);
            Assert.Contains(to.ToString(), error.MessageEn);
        }
    }

    [Fact]
    public void NextStatuses_Resolved_IsOnlyAReopen()
    {
        Assert.Equal([InProgress], ComplaintWorkflow.NextStatuses(Resolved));
        Assert.True(ComplaintWorkflow.IsReopen(Resolved, InProgress));
        Assert.True(ComplaintWorkflow.IsReopen(Rejected, InProgress));
        Assert.False(ComplaintWorkflow.IsReopen(WaitingOnCitizen, InProgress));
    }

    [Fact]
    public void Check_ResolvedWithoutNoteOrEvidence_NamesBothFields()
    {
        var check = Check(InProgress, new TransitionRequest(Resolved, ResolutionNote: "  "));

        Assert.False(check.IsAllowed);
        Assert.Equal(["resolutionNote", "evidence"], check.Errors.Select(e => e.Field));
        Assert.All(check.Errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.MessageId));
            Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
        });
    }

    [Fact]
    public void Check_ResolvedWithBadPhotos_NamesEachPhoto()
    {
        var request = CompleteRequest(Resolved) with
        {
            Evidence = [Photo(), new Evidence(" ", Now.AddHours(1), null, null), Photo(latitude: -6.99, longitude: null), Photo(latitude: 95)],
        };

        var check = Check(InProgress, request);

        Assert.Equal(
            ["evidence[1].url", "evidence[1].takenAt", "evidence[2].latitude", "evidence[3].latitude"],
            check.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Check_PhotoStampedAMinuteAheadOfServer_IsAccepted()
    {
        var request = CompleteRequest(Resolved) with { Evidence = [Photo(takenAt: Now.AddMinutes(1), latitude: null, longitude: null)] };

        Assert.True(Check(InProgress, request).IsAllowed);
    }

    [Theory]
    [InlineData(Received)]
    [InlineData(Dispatched)]
    [InlineData(WaitingOnCitizen)]
    public void Check_RejectedWithoutReason_NeedsReason(ComplaintStatus from)
    {
        var error = Assert.Single(Check(from, new TransitionRequest(Rejected)).Errors);

        Assert.Equal("reason", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("DPU")]
    [InlineData(" dpu ")]
    public void Check_HandoverWithoutOtherTargetOpd_IsRefused(string? target)
    {
        var request = new TransitionRequest(HandedOver, CurrentOpdCode: "DPU", TargetOpdCode: target);

        Assert.Equal("targetOpdCode", Assert.Single(Check(InProgress, request).Errors).Field);
    }

    [Fact]
    public void Check_HandoverToAnotherOpd_IsAllowed()
    {
        Assert.True(Check(Dispatched, new TransitionRequest(HandedOver, CurrentOpdCode: "DPU", TargetOpdCode: "DISHUB")).IsAllowed);
    }

    [Fact]
    public void Check_DispatchWithoutTargetOpd_IsRefused()
    {
        Assert.Equal("targetOpdCode", Assert.Single(Check(Verified, new TransitionRequest(Dispatched)).Errors).Field);
    }

    [Theory]
    [InlineData(Resolved, 1, true)]
    [InlineData(Resolved, 30, true)]
    [InlineData(Resolved, 31, false)]
    [InlineData(Rejected, 29, true)]
    [InlineData(Rejected, 45, false)]
    public void Check_ReopenOrAppeal_OnlyWithinThirtyDays(ComplaintStatus from, int daysAfter, bool allowed)
    {
        var request = new TransitionRequest(InProgress, Reason: "Masih berlubang.", CurrentOpdCode: "DPU");

        var check = Check(from, request, resolvedAt: Now.AddDays(-daysAfter));

        Assert.Equal(allowed, check.IsAllowed);
        if (!allowed)
        {
            Assert.Equal("resolvedAt", Assert.Single(check.Errors).Field);
        }
    }

    [Fact]
    public void Check_ReopenWithoutReasonOrKnownResolution_IsRefused()
    {
        var check = ComplaintWorkflow.Check(Resolved, new TransitionRequest(InProgress, CurrentOpdCode: "DPU"), Now, resolvedAt: null);

        Assert.Equal(["resolvedAt", "reason"], check.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Check_AppealOfRejectionBeforeDispatch_NeedsAnOpd()
    {
        var withoutOpd = new TransitionRequest(InProgress, Reason: "Ini bukan spam.");

        Assert.Equal("targetOpdCode", Assert.Single(Check(Rejected, withoutOpd).Errors).Field);
        Assert.True(Check(Rejected, withoutOpd with { TargetOpdCode = "DLH" }).IsAllowed);
    }
}
