using ComplaintCloud.Api.Tests.Support;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// The report's <c>topRootCauses</c>: the 3 most frequent deepest whys of the period, equal counts in the order of
/// their words, however long a why is (up to 2,000 characters), with their count in the previous month.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class RootCauseRankingShould(ApiFixture api)
{
    private const string TopRootCauses = """
        query { report(period: {month: "2026-10"}) { topRootCauses { key count previousCount trend } } }
        """;

    [Fact]
    public async Task Rank_equal_counts_by_their_words_when_more_than_three_tie_for_a_place()
    {
        var tenant = await api.SignUpAsync();
        await AddAsync(tenant, KnownMonth.At(10, 3, 9, 0), "e-late", "e-late", "e-late", "d-cause", "d-cause", "c-cause", "c-cause", "b-cause", "b-cause", "a-cause", "a-cause");
        await AddAsync(tenant, KnownMonth.At(9, 3, 9, 0), "b-cause", "z-gone");

        Assert.Equal("e-late 3<0 NEW, a-cause 2<0 NEW, b-cause 2<1 UP", await TopAsync(tenant));
    }

    [Fact]
    public async Task Count_a_why_of_2_000_characters_like_any_other()
    {
        var tenant = await api.SignUpAsync();
        var longWhy = string.Concat(Enumerable.Repeat("储存温度过高", 2_000 / 6)) + "高高";
        await AddAsync(tenant, KnownMonth.At(10, 3, 9, 0), longWhy, longWhy, "司机绕路");
        await AddAsync(tenant, KnownMonth.At(9, 3, 9, 0), longWhy);

        Assert.Equal($"{longWhy} 2<1 UP, 司机绕路 1<0 NEW", await TopAsync(tenant));
    }

    [Fact]
    public async Task Count_only_complaints_whose_deepest_why_it_is()
    {
        var tenant = await api.SignUpAsync();
        await AddAsync(tenant, KnownMonth.At(10, 3, 9, 0), "包装破损", "包装破损");
        await AddChainAsync(tenant, KnownMonth.At(10, 4, 9, 0), ["包装破损", "司机绕路"]);

        Assert.Equal("包装破损 2<0 NEW, 司机绕路 1<0 NEW", await TopAsync(tenant));
    }

    private static async Task<string> TopAsync(SignedInTenant tenant)
    {
        var result = await tenant.Client.SendAsync(TopRootCauses);
        result.AssertNoErrors();
        return string.Join(", ", result.Data.GetProperty("report").GetProperty("topRootCauses").EnumerateArray().Select(p =>
            $"{p.GetProperty("key").GetString()} {p.GetProperty("count").GetInt32()}<{p.GetProperty("previousCount").GetInt32()} {p.GetProperty("trend").GetString()}"));
    }

    // One complaint per why, each a single-why root cause, a minute apart from the given local time on.
    private async Task AddAsync(SignedInTenant tenant, Instant from, params string[] whys) =>
        await Task.WhenAll(whys.Select((why, i) => new ReportRows(api, tenant).ComplaintAsync(from.Plus(Duration.FromMinutes(i)), [why])));

    private async Task AddChainAsync(SignedInTenant tenant, Instant receivedAt, string[] whys) => await new ReportRows(api, tenant).ComplaintAsync(receivedAt, whys);
}
