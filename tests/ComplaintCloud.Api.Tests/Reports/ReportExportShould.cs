using System.Net;
using System.Text;
using System.Text.Json;
using ComplaintCloud.Api.Reports;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Reports;

[Collection(ApiFixture.Collection)]
public sealed class ReportExportShould(ApiFixture api)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Export_the_months_complaints_in_utf8_with_a_bom_in_the_tenants_time()
    {
        var month = await KnownMonth.LoadAsync(api);

        var response = await month.Tenant.Client.Http.GetAsync(new Uri("/reports/complaints.csv?month=2026-10", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, Bom.Length, bytes.Length - Bom.Length).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal(6, lines.Length);
        Assert.Equal("number,received_at,kind,channel,category,grade,status,resolved_at,reopen_count,duplicate,description", lines[0]);
        Assert.Equal("20261001-TEL-C1,2026-10-01 00:30:00,COMPLAINT,PHONE,产品/质量问题,MAJOR,CLOSED,2026-10-01 10:30:00,0,no,客户反映：产品/质量问题（C1）", lines[1]);
        Assert.Equal("20261001-TEL-C4,2026-10-20 12:00:00,INQUIRY,EMAIL,服务/态度,NORMAL,INVESTIGATING,,0,yes,客户反映：服务/态度（C4）", lines[4]);
    }

    [Fact]
    public async Task Export_the_reports_figures()
    {
        var month = await KnownMonth.LoadAsync(api);

        var response = await month.Tenant.Client.Http.GetAsync(new Uri("/reports/report.csv?month=2026-10", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("total,,,5,,,", lines);
        Assert.Contains("by_category,产品/质量问题,,3,,,", lines);
        Assert.Contains("rate,first_contact_resolution,,2,4,,0.5", lines);
        Assert.Contains("satisfaction,attitude,,3,,,4.33", lines);
        Assert.Contains("sla,RESOLVE,ALL,2,3,,0.6667", lines);
        Assert.Contains("top_category,产品/质量问题,UP,3,,1,", lines);
        Assert.Contains("typical_case,20261001-TEL-C1,MAJOR,,,,产品/质量问题", lines);
    }

    [Fact]
    public async Task Refuse_an_anonymous_export()
    {
        var response = await api.Client().Http.GetAsync(new Uri("/reports/complaints.csv?month=2026-10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", Error(await response.Content.ReadAsStringAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refuse_a_bad_period_naming_the_field()
    {
        var tenant = await api.SignUpAsync();

        var response = await tenant.Client.Http.GetAsync(new Uri("/reports/report.csv?quarter=2026-Q9", UriKind.Relative));
        var error = Error(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("code").GetString());
        Assert.Equal("period.quarter", error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Quote_separators_and_defuse_spreadsheet_formulas()
    {
        using var stream = new MemoryStream();
        await using (var csv = await CsvWriter.StartAsync(stream, CancellationToken.None))
        {
            await csv.RowAsync("酒有沉淀, \"很生气\"", "=HYPERLINK(\"x\")", null);
        }

        Assert.Equal("\"酒有沉淀, \"\"很生气\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\r\n", Encoding.UTF8.GetString(stream.ToArray()[3..]));
    }

    private static JsonElement Error(string json) => JsonDocument.Parse(json).RootElement.GetProperty("errors")[0].GetProperty("extensions");
}
