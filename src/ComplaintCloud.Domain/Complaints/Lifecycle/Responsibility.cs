namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>Who is responsible for what went wrong (SPEC §2.6, seed 000).</summary>
public enum Responsibility
{
    Company,
    Customer,
    ThirdParty,
    ForceMajeure,
}

/// <summary>What can be offered to the customer.</summary>
public enum Remedy
{
    Repair,
    Replace,
    Refund,
    Compensation,
    ApologyAndServiceUpgrade,
    RedeliveryAndFreightRefund,
    ExplanationAndGuidance,
    CoordinateWithThirdParty,
    PayFirstAndRecover,
    Apology,
    Alternative,
}

/// <summary>The remedies each responsibility opens (SPEC §2.6).</summary>
public static class RemedyOptions
{
    public static IReadOnlyList<Remedy> For(Responsibility responsibility) => responsibility switch
    {
        Responsibility.Company =>
        [
            Remedy.Repair, Remedy.Replace, Remedy.Refund, Remedy.Compensation,
            Remedy.ApologyAndServiceUpgrade, Remedy.RedeliveryAndFreightRefund,
        ],
        // The customer's own doing: explain and guide, never compensate.
        Responsibility.Customer => [Remedy.ExplanationAndGuidance],
        Responsibility.ThirdParty => [Remedy.CoordinateWithThirdParty, Remedy.PayFirstAndRecover],
        Responsibility.ForceMajeure => [Remedy.Apology, Remedy.Alternative],
        _ => throw new ArgumentOutOfRangeException(nameof(responsibility), responsibility, null),
    };

    /// <summary>Whether money may change hands: compensation is only offered where a paying remedy is open.</summary>
    public static bool AllowsCompensation(Responsibility responsibility) =>
        For(responsibility).Any(r => r is Remedy.Compensation or Remedy.Refund or Remedy.PayFirstAndRecover);
}
