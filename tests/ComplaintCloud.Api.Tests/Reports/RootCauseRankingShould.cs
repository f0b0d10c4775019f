using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    private Task AddAsync(SignedInTenant tenant, Instant from, params string[] whys) =>
        Task.WhenAll(whys.Select((why, i) => AddChainAsync(tenant, from.Plus(Duration.FromMinutes(i)), [why])));

    private async Task AddChainAsync(SignedInTenant tenant, Instant receivedAt, string[] whys)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var tenantId = Guid.Parse(tenant.TenantId);
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        var id = Guid.CreateVersion7();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaints (id, tenant_id, number, status, kind, channel, category, description, customer_name, customer_tier,
              safety_risk, legal_risk, publicity_risk, affected_customers, customer_emotion, attributes, policy_id, policy_version,
              received_at, handler_ids, root_cause)
            VALUES ({id}, {tenantId}, {"R-" + id}, 'Investigating', 'Complaint', 'Phone', '产品/质量问题', '客户反映的问题', '王先生', 'Normal',
              false, false, false, 1, 'Calm', jsonb_build_object(), 'general-enterprise', '1.0.0', {receivedAt}, {Array.Empty<Guid>()}, {whys})
            """);
    }
}
