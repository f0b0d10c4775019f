using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.UnitTests.Penalties;

public sealed class PenaltyAttributionShould
{
    private static readonly Guid Owner = Guid.CreateVersion7();
    private static readonly Guid Colleague = Guid.CreateVersion7();

    [Fact]
    public void Charge_the_department_of_the_owners_own_task()
    {
        var attribution = PenaltyAttribution.Of(Owner, "wang@winery.example", [("Logistics", Colleague), ("Quality", Owner)]);

        Assert.Equal(new PenaltyAttribution("Quality", Owner, "wang@winery.example"), attribution);
    }

    [Fact]
    public void Charge_the_one_department_of_a_plan_the_owner_has_no_task_in()
    {
        var attribution = PenaltyAttribution.Of(Owner, "wang@winery.example", [("Quality", Colleague), ("Quality", null)]);

        Assert.Equal("Quality", attribution.Department);
    }

    [Fact]
    public void Charge_no_department_when_the_plan_spreads_over_several_none_of_them_the_owners()
    {
        Assert.Null(PenaltyAttribution.Of(Owner, "wang@winery.example", [("Quality", Colleague), ("Logistics", null)]).Department);
        Assert.Null(PenaltyAttribution.Of(null, null, []).Department);
    }

    [Fact]
    public void Name_the_owner_only_on_the_responsible_persons_penalty()
    {
        var attribution = PenaltyAttribution.Of(Owner, "wang@winery.example", [("Quality", Owner)]);

        var person = Book(PenaltyTarget.ResponsiblePerson, attribution);
        var head = Book(PenaltyTarget.DepartmentHead, attribution);

        Assert.Equal(("Quality", Owner, "wang@winery.example"), (person.Department, person.PersonId, person.PersonEmail));
        Assert.Equal(("Quality", (Guid?)null, (string?)null), (head.Department, head.PersonId, head.PersonEmail));
    }

    private static PenaltyEntry Book(PenaltyTarget target, PenaltyAttribution attribution) =>
        PenaltyEntry.Book(Guid.CreateVersion7(), Guid.CreateVersion7(), new PenaltyRule(target, 10, "rule"), PenaltyOccasion.ComplaintConfirmed, "key", attribution, Instant.FromUtc(2026, 10, 1, 0, 0));
}
