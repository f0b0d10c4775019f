using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.PreventiveMeasures;
using NodaTime;

namespace ComplaintCloud.UnitTests.PreventiveMeasures;

/// <summary>The measure's state machine and its refusals, on the entity alone.</summary>
public sealed class PreventiveMeasureShould
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 3, 2, 0);
    private static readonly LocalDate Today = new(2026, 11, 3);
    private static readonly string[] Leadership = ["VP", "LEGAL", "PR"];
    private static readonly Actor Agent = new(Guid.NewGuid(), ["AGENT"]);
    private static readonly Actor Owner = new(Guid.NewGuid(), ["AGENT"]);
    private static readonly Actor Vp = new(Guid.NewGuid(), ["VP"]);
    private static readonly Actor Admin = new(Guid.NewGuid(), ["TENANT_ADMIN"]);

    [Fact]
    public void StartProposedAndAuditTheRecording()
    {
        var measure = Recorded();

        Assert.Equal(MeasureStatus.Proposed, measure.Status);
        var recorded = Assert.Single(measure.TakeNewEvents());
        Assert.Equal("RECORDED", recorded.Type);
        Assert.Equal(Agent.UserId, recorded.ActorId);
        Assert.Contains("\"problemKind\":\"ROOT_CAUSE\"", recorded.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void BeSignedOffByAHolderOfALeadershipRole()
    {
        var measure = Recorded();

        measure.SignOff(Vp, Leadership, Now);

        Assert.Equal((MeasureStatus.SignedOff, Vp.UserId, Now, "VP"), (measure.Status, measure.SignedOffById!.Value, measure.SignedOffAt!.Value, measure.SignedOffAs));
        Assert.Equal(["RECORDED", "SIGNED_OFF"], measure.TakeNewEvents().Select(e => e.Type));
    }

    [Fact]
    public void RefuseSignOffByAnyoneElseATenantAdminIncluded()
    {
        foreach (var actor in new[] { Agent, Owner, Admin })
        {
            var measure = Recorded();

            var refused = Assert.Throws<DomainException>(() => measure.SignOff(actor, Leadership, Now));

            Assert.Equal(ErrorCode.Forbidden, refused.Code);
            Assert.Equal(MeasureStatus.Proposed, measure.Status);
        }
    }

    [Fact]
    public void RefuseASecondSignOff()
    {
        var measure = SignedOff();

        Assert.Equal(ErrorCode.InvalidTransition, Assert.Throws<DomainException>(() => measure.SignOff(Vp, Leadership, Now)).Code);
    }

    [Fact]
    public void MoveInProgressOnAFollowUpAndDoneWhenDone()
    {
        var measure = SignedOff();

        measure.FollowUp(Owner, Leadership, "Fridges ordered.", false, Now);
        Assert.Equal(MeasureStatus.InProgress, measure.Status);
        measure.FollowUp(Vp, Leadership, "Fridges installed.", true, Now.Plus(Duration.FromDays(9)));

        Assert.Equal(MeasureStatus.Done, measure.Status);
        Assert.Equal(Now.Plus(Duration.FromDays(9)), measure.DoneAt);
        Assert.Equal(
            ["Fridges ordered. InProgress", "Fridges installed. Done"],
            measure.FollowUps.Select(f => $"{f.Note} {f.Status}"));
        Assert.Equal(["RECORDED", "SIGNED_OFF", "FOLLOWED_UP", "DONE"], measure.TakeNewEvents().Select(e => e.Type));
    }

    [Fact]
    public void RefuseAFollowUpBeforeSignOffAndAfterDone()
    {
        var proposed = Recorded();
        var done = SignedOff();
        done.FollowUp(Owner, Leadership, "Done.", true, Now);

        Assert.Equal(ErrorCode.InvalidTransition, Assert.Throws<DomainException>(() => proposed.FollowUp(Owner, Leadership, "Early.", false, Now)).Code);
        Assert.Equal(ErrorCode.InvalidTransition, Assert.Throws<DomainException>(() => done.FollowUp(Owner, Leadership, "Again.", false, Now)).Code);
    }

    [Fact]
    public void RefuseAFollowUpByNeitherTheOwnerNorLeadership()
    {
        var measure = SignedOff();

        var refused = Assert.Throws<DomainException>(() => measure.FollowUp(Agent, Leadership, "Not mine.", false, Now));

        Assert.Equal(ErrorCode.Forbidden, refused.Code);
        Assert.Empty(measure.FollowUps);
    }

    [Theory]
    [InlineData("problemKey", "input.problemKey")]
    [InlineData("measure", "input.measure")]
    [InlineData("dueOn", "input.dueOn")]
    public void RefuseBadInputNamingTheField(string fault, string field)
    {
        var draft = fault switch
        {
            "problemKey" => Draft() with { ProblemKey = " " },
            "measure" => Draft() with { Measure = new string('x', PreventiveMeasure.MaxMeasureLength + 1) },
            _ => Draft() with { DueOn = Today.PlusDays(-1) },
        };

        var refused = Assert.Throws<DomainException>(() => PreventiveMeasure.Record(Guid.NewGuid(), Agent, draft, Today, Now));

        Assert.Equal((ErrorCode.BadUserInput, field), (refused.Code, refused.Field));
    }

    [Fact]
    public void RefuseAnEmptyFollowUpNote()
    {
        var measure = SignedOff();

        Assert.Equal("input.note", Assert.Throws<DomainException>(() => measure.FollowUp(Owner, Leadership, "", false, Now)).Field);
        Assert.Equal(MeasureStatus.SignedOff, measure.Status);
    }

    private static PreventiveMeasureDraft Draft() =>
        new(ProblemKind.RootCause, "储存温度过高", new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 31), "Refrigerate the store room.", Owner.UserId, Today.PlusDays(30));

    private static PreventiveMeasure Recorded() => PreventiveMeasure.Record(Guid.NewGuid(), Agent, Draft(), Today, Now);

    private static PreventiveMeasure SignedOff()
    {
        var measure = Recorded();
        measure.SignOff(Vp, Leadership, Now);
        return measure;
    }
}
