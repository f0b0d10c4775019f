namespace ComplaintCloud.Api.Tests.Support;

/// <summary>The GraphQL documents the tests send, written once.</summary>
public static class Operations
{
    public const string ComplaintFields = """
        id number status kind channel category description request amountInvolved receivedAt policyId policyVersion
        grade { code rank name nameZh: name(locale: "zh") reason }
        customer { name contact customerNumber tier }
        clocks { kind startedAt warnAt dueAt state }
        history { type at actorId data }
        """;

    public const string Submit = $$"""
        mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { {{ComplaintFields}} } }
        """;

    public const string ReadOne = $$"""
        query($id: ID!) { complaint(id: $id) { {{ComplaintFields}} } }
        """;

    public const string Count = """
        { complaints { totalCount } }
        """;

    /// <summary>A calm customer's single malfunction: NORMAL for the general enterprise.</summary>
    public static object CalmMalfunction(string description = KettleStory) => new { input = CalmMalfunctionInput(description) };

    public const string KettleStory = "The kettle stopped heating after two days. 水壶用了两天就不加热了。";

    /// <summary>The same input as a dictionary, for tests that change one field.</summary>
    public static Dictionary<string, object?> CalmMalfunctionInput(string description = KettleStory) => new()
    {
        ["channel"] = "PHONE",
        ["kind"] = "COMPLAINT",
        ["category"] = "product/malfunction",
        ["description"] = description,
        ["customer"] = new { name = "Li Lei", contact = "13812345678", customerNumber = "C-1001", tier = "NORMAL" },
        ["request"] = "repair or replace",
        ["amountInvolved"] = 199.00m,
    };

    /// <summary>The same calm complaint in a category of the policy's own tree: a winery knows no "product/malfunction".</summary>
    public static Dictionary<string, object?> CalmComplaintInput(string policyId)
    {
        var input = CalmMalfunctionInput();
        input["category"] = policyId switch
        {
            "winery" => "product/quality",
            "gas-station" => "fuel/quantity",
            _ => "product/malfunction",
        };
        return input;
    }

    /// <summary>A customer's own complaint, with the tenant named by X-Tenant or sub-domain.</summary>
    public const string PublicSubmit = """
        mutation($input: PublicComplaintInput!) { submitPublicComplaint(input: $input) { number receivedAt } }
        """;

    public static object PublicComplaint(string contact = "13900001111") => new
    {
        input = new
        {
            kind = "COMPLAINT",
            category = "product/malfunction",
            description = "The kettle leaks. 水壶漏水。",
            customerName = "Han Meimei",
            contact,
        },
    };
}
