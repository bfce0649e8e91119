using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SituationRoom.Core.Complaints;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Features.Complaints;

namespace SituationRoom.Web.Tests.Features.Complaints;

/// <summary>Every status change through the web layer's ComplaintTransitions on the real store: each legal one is
/// stored with who, when and what it needs; each illegal one is refused by field and leaves the complaint as it was.</summary>
public sealed class ComplaintTransitionsTests(ComplaintsAppFactory factory) : IClassFixture<ComplaintsAppFactory>
{
    private const string Officer = "Sri Wahyuni (uji)";

    public static TheoryData<ComplaintStatus, ComplaintStatus> EveryPair()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintStatus>();
        foreach (var from in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var to in Enum.GetValues<ComplaintStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task Move_AnyPair_IsStoredWhenLegalAndRefusedOtherwise(ComplaintStatus from, ComplaintStatus to)
    {
        var (id, ticket) = await ComplaintInAsync(from);
        var before = State(ticket);
        var events = factory.Scalar("SELECT COUNT(*) FROM ComplaintEvents WHERE ComplaintId = $id", ("$id", id));

        var outcome = await Transitions.MoveAsync(id, CompleteMove(from, to), CancellationToken.None);

        if (ComplaintWorkflow.IsLegal(from, to))
        {
            Assert.True(outcome.Moved, string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            Assert.Equal(to.ToString(), State(ticket).Split('|')[0]);
            Assert.Equal(
                [$"{from}|{to}|{Officer}"],
                factory.Rows("SELECT FromStatus, ToStatus, Actor FROM ComplaintEvents WHERE ComplaintId = $id ORDER BY Id DESC LIMIT 1", ("$id", id)));
            Assert.Equal(to == ComplaintStatus.Resolved ? 1 : 0, factory.Scalar("SELECT COUNT(*) FROM ComplaintEvidence e JOIN ComplaintEvents s ON s.Id = e.EventId WHERE e.ComplaintId = $id AND s.ToStatus = 'Resolved' AND s.FromStatus = $from", ("$id", id), ("$from", from.ToString())));
        }
        else
        {
            Assert.False(outcome.Moved);
            Assert.Contains("Status tidak dapat diubah", Assert.Single(outcome.Errors["to"]), StringComparison.Ordinal);
            Assert.Equal(before, State(ticket));
            Assert.Equal(events, factory.Scalar("SELECT COUNT(*) FROM ComplaintEvents WHERE ComplaintId = $id", ("$id", id)));
        }
    }

    [Theory]
    [InlineData(ComplaintStatus.InProgress, ComplaintStatus.Resolved, "evidence")]
    [InlineData(ComplaintStatus.InProgress, ComplaintStatus.Resolved, "resolutionNote")]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Rejected, "reason")]
    [InlineData(ComplaintStatus.Verified, ComplaintStatus.Dispatched, "targetOpdCode")]
    [InlineData(ComplaintStatus.Dispatched, ComplaintStatus.HandedOver, "targetOpdCode")]
    public async Task Move_LegalButIncomplete_IsRefusedNamingWhatIsMissing(ComplaintStatus from, ComplaintStatus to, string field)
    {
        var (id, ticket) = await ComplaintInAsync(from);
        var before = State(ticket);
        var move = CompleteMove(from, to) switch
        {
            var m when field == "evidence" => m with { Evidence = [] },
            var m when field is "resolutionNote" or "reason" => m with { Note = " " },
            var m => m with { TargetOpdCode = field == "targetOpdCode" && to == ComplaintStatus.HandedOver ? "DPU" : null },
        };

        var outcome = await Transitions.MoveAsync(id, move, CancellationToken.None);

        Assert.False(outcome.Moved);
        Assert.True(outcome.Errors.ContainsKey(field), string.Join(", ", outcome.Errors.Keys));
        Assert.Equal(before, State(ticket));
    }

    [Fact]
    public async Task Move_StatusChangedSinceTheOfficerLooked_IsRefused()
    {
        var (id, ticket) = await ComplaintInAsync(ComplaintStatus.Verified);

        var outcome = await Transitions.MoveAsync(id, new ComplaintMove(ComplaintStatus.Verified, Officer, ExpectedStatus: ComplaintStatus.Received), CancellationToken.None);

        Assert.False(outcome.Moved);
        Assert.True(outcome.Errors.ContainsKey("expectedStatus"));
        Assert.StartsWith("Verified|", State(ticket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_FromAnotherOpdsQueue_IsRefused()
    {
        var (id, ticket) = await ComplaintInAsync(ComplaintStatus.Dispatched);

        var outcome = await Transitions.MoveAsync(id, new ComplaintMove(ComplaintStatus.InProgress, Officer, ExpectedOpdCode: "DLH"), CancellationToken.None);

        Assert.False(outcome.Moved);
        Assert.True(outcome.Errors.ContainsKey("expectedOpdCode"));
        Assert.Equal("Dispatched|DPU", State(ticket));
    }

    [Fact]
    public async Task Move_FromAnotherOpdsQueue_IsAuditedAsAccessDeniedAndChangesNothingElse()
    {
        var (id, ticket) = await ComplaintInAsync(ComplaintStatus.Dispatched);
        var before = factory.Counts();
        var audit = factory.Scalar("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

        var outcome = await Transitions.MoveAsync(id, new ComplaintMove(ComplaintStatus.InProgress, Officer, ExpectedStatus: ComplaintStatus.Dispatched, ExpectedOpdCode: "DLH"), CancellationToken.None);

        Assert.False(outcome.Moved);
        Assert.True(outcome.Errors.ContainsKey("expectedOpdCode"));
        Assert.Equal("Dispatched|DPU", State(ticket));
        Assert.Equal(before, factory.Counts());
        var written = factory.Rows("SELECT Actor, Action, Subject, OpdCode, Detail FROM AuditEntries WHERE Id > $id", ("$id", audit));
        Assert.Equal($"{Officer}|AccessDenied|complaint:{ticket}|DPU|move Dispatched -> InProgress from the queue of DLH; the complaint belongs to DPU", Assert.Single(written));
    }

    [Theory]
    [InlineData(Infrastructure.SignIn.Leadership)]
    [InlineData(Infrastructure.SignIn.Analyst)]
    [InlineData(Infrastructure.SignIn.OpdHeadDinkes)]
    public async Task Move_ByAPersonWhoMayNotActOnItsOpd_IsRefusedAuditedAndChangesNothing(string userName)
    {
        var (id, ticket) = await ComplaintInAsync(ComplaintStatus.Dispatched);
        var person = await PersonAsync(userName);
        var before = factory.Counts();
        var audit = factory.Scalar("SELECT COALESCE(MAX(Id), 0) FROM AuditEntries");

        // What a forged event would ask for: the right queue, the right status, only the person is wrong.
        var outcome = await Transitions.MoveAsync(
            id,
            new ComplaintMove(ComplaintStatus.InProgress, userName, ExpectedStatus: ComplaintStatus.Dispatched, ExpectedOpdCode: "DPU", Officer: person),
            CancellationToken.None);

        Assert.False(outcome.Moved);
        Assert.True(outcome.Errors.ContainsKey("complaint"));
        Assert.Equal("Dispatched|DPU", State(ticket));
        Assert.Equal(before, factory.Counts());
        var written = Assert.Single(factory.Rows("SELECT Actor, Action, Subject, OpdCode, Detail FROM AuditEntries WHERE Id > $id", ("$id", audit))).Split('|');
        Assert.Equal([userName, "AccessDenied", "complaint:" + ticket, "DPU"], written[..4]);
        Assert.StartsWith("move Dispatched -> InProgress of DPU's complaint as ", written[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_ByTheOpdsOwnStaff_IsStoredWithThemAsActor()
    {
        var (id, ticket) = await ComplaintInAsync(ComplaintStatus.Dispatched);
        var person = await PersonAsync(Infrastructure.SignIn.OpdStaffDpu);

        var outcome = await Transitions.MoveAsync(
            id,
            new ComplaintMove(ComplaintStatus.InProgress, Infrastructure.SignIn.OpdStaffDpu, ExpectedStatus: ComplaintStatus.Dispatched, ExpectedOpdCode: "DPU", Officer: person),
            CancellationToken.None);

        Assert.True(outcome.Moved);
        Assert.Equal("InProgress|DPU", State(ticket));
        Assert.Equal(0, factory.Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'AccessDenied' AND Subject = $s", ("$s", "complaint:" + ticket)));
    }

    [Fact]
    public async Task Move_Handover_KeepsItOpenWithTheNewOwnerAndTellsTheCitizen()
    {
        var (id, ticket) = await ComplaintInAsync(ComplaintStatus.Dispatched);

        var outcome = await Transitions.MoveAsync(id, new ComplaintMove(ComplaintStatus.HandedOver, Officer, "Saluran milik Dinas Lingkungan Hidup", "DLH"), CancellationToken.None);

        Assert.True(outcome.Moved);
        Assert.Equal("HandedOver|DLH", State(ticket));
        Assert.Equal(1, factory.Scalar("SELECT COUNT(*) FROM SmsOutbox WHERE ComplaintId = $id AND Text LIKE '%dialihkan dari DPU ke DLH%'", ("$id", id)));
    }

    private ComplaintTransitions Transitions => factory.Services.GetRequiredService<ComplaintTransitions>();

    /// <summary>The principal a session of this demo user carries, made the way sign-in makes it.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> PersonAsync(string userName)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<Web.Data.SituationDbContext>>().CreateDbContextAsync();
        return Sessions.Person(await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));
    }

    /// <summary>Status and owner, as stored.</summary>
    private string State(string ticket) => factory.Rows("SELECT Status, OpdCode FROM Complaints WHERE Ticket = $t", ("$t", ticket)).Single();

    /// <summary>A move with everything any transition could need: a note, another OPD, a photo taken just now.</summary>
    private static ComplaintMove CompleteMove(ComplaintStatus from, ComplaintStatus to) => new(
        to,
        Officer,
        "Sudah ditangani: lubang ditambal tim UPTD",
        from is ComplaintStatus.Dispatched or ComplaintStatus.InProgress ? "DLH" : "DPU",
        [new Evidence("/complaints/evidence/uji.jpg", SituationAppFactoryNow.AddMinutes(-30), -6.9931, 110.4760)]);

    private static readonly DateTimeOffset SituationAppFactoryNow = Infrastructure.SituationAppFactory.Now;

    /// <summary>A fresh complaint brought to <paramref name="status"/> along the legal path.</summary>
    private async Task<(long Id, string Ticket)> ComplaintInAsync(ComplaintStatus status)
    {
        var intake = factory.Services.GetRequiredService<ComplaintIntake>();
        var receipt = await intake.SubmitAsync(
            new ComplaintSubmission(ComplaintChannel.CallCentre, "Jalan berlubang di Jl. Fatmawati, Pedurungan", SituationAppFactoryNow.AddHours(-2), ReporterPhone: "081234500000"),
            CancellationToken.None);
        ComplaintStatus[] path = status switch
        {
            ComplaintStatus.Received => [],
            ComplaintStatus.Verified => [ComplaintStatus.Verified],
            ComplaintStatus.Dispatched => [ComplaintStatus.Verified, ComplaintStatus.Dispatched],
            ComplaintStatus.InProgress => [ComplaintStatus.Verified, ComplaintStatus.Dispatched, ComplaintStatus.InProgress],
            ComplaintStatus.WaitingOnCitizen => [ComplaintStatus.Verified, ComplaintStatus.Dispatched, ComplaintStatus.WaitingOnCitizen],
            ComplaintStatus.HandedOver => [ComplaintStatus.Verified, ComplaintStatus.Dispatched, ComplaintStatus.HandedOver],
            ComplaintStatus.Resolved => [ComplaintStatus.Verified, ComplaintStatus.Dispatched, ComplaintStatus.InProgress, ComplaintStatus.Resolved],
            _ => [ComplaintStatus.Rejected],
        };
        var at = ComplaintStatus.Received;
        foreach (var step in path)
        {
            var move = CompleteMove(at, step) with { TargetOpdCode = step == ComplaintStatus.HandedOver ? "DLH" : "DPU" };
            var outcome = await Transitions.MoveAsync(receipt.Id, move, CancellationToken.None);
            Assert.True(outcome.Moved, $"{at} → {step}: {string.Join(", ", outcome.Errors.Keys)}");
            at = step;
        }

        return (receipt.Id, receipt.Ticket);
    }
}
