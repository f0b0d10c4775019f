using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace ComplaintCloud.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the tests: it speaks enough of RFC 5321 for MailKit (EHLO, AUTH PLAIN, MAIL,
/// RCPT, DATA, RSET, NOOP, QUIT), keeps every message it accepts as MailKit's MimeKit parses it, and can refuse
/// messages with a temporary error.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public SmtpSink()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>What arrived: the envelope and the parsed message.</summary>
    public List<(string? User, string From, List<string> To, MimeMessage Message)> Received { get; } = [];

    /// <summary>How many messages to refuse with 451 before accepting again; -1 refuses all.</summary>
    public int Refuse { get; set; }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => TalkAsync(client));
        }
    }

    private async Task TalkAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 127.0.0.1 test SMTP");
        string? user = null, from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-127.0.0.1\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                    break;
                case "AUTH":
                    var plain = Encoding.UTF8.GetString(Convert.FromBase64String(line.Split(' ')[2])).Split('\0');
                    user = $"{plain[1]}:{plain[2]}";
                    await writer.WriteLineAsync("235 2.7.0 Authenticated");
                    break;
                case "MAIL":
                    if (Refuse != 0)
                    {
                        Refuse = Math.Max(-1, Refuse - 1);
                        await writer.WriteLineAsync("451 4.3.0 Try again later");
                        break;
                    }

                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new MemoryStream();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        var unstuffed = dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine;
                        data.Write(Encoding.Latin1.GetBytes(unstuffed + "\r\n"));
                    }

                    data.Position = 0;
                    lock (Received)
                    {
                        Received.Add((user, from!, [.. to], MimeMessage.Load(data)));
                    }

                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private static string Address(string line) => line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
