using System.Text;

namespace ComplaintCloud.Api.Reports;

/// <summary>
/// Writes RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads Chinese text) straight to a stream, a row at a
/// time: nothing is built up in memory beyond the writer's buffer.
/// </summary>
public sealed class CsvWriter : IAsyncDisposable
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    private readonly StreamWriter _writer;

    private CsvWriter(Stream stream) => _writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);

    public static async Task<CsvWriter> StartAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Written by hand: StreamWriter's own preamble depends on the stream being at position 0.
        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        return new CsvWriter(stream);
    }

    public async Task RowAsync(params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                await _writer.WriteAsync(',');
            }

            await _writer.WriteAsync(Escape(fields[i] ?? ""));
        }

        await _writer.WriteAsync("\r\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    private static string Escape(string field)
    {
        // A customer's words starting with = + - @ would run as a formula in a spreadsheet: a leading quote defuses it.
        var text = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' ? "'" + field : field;
        return text.IndexOfAny(NeedsQuotes) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
