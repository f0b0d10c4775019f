using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;

namespace ComplaintCloud.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the tests: it speaks enough of RFC 5321 for MailKit (EHLO, STARTTLS, AUTH
/// PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every message it accepts as MailKit's MimeKit parses it, and can
/// refuse messages with a temporary error. Given a certificate it speaks TLS only: from the first byte (implicit TLS,
/// as on port 465) or after STARTTLS, refusing mail sent in the clear.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly X509Certificate2? _certificate;
    private readonly bool _implicitTls;
    private int _connections;

    public SmtpSink(X509Certificate2? certificate = null, bool implicitTls = false)
    {
        _certificate = certificate;
        _implicitTls = implicitTls;
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>A self-signed certificate for 127.0.0.1, as a relay inside a private network may have.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The hex SHA-256 thumbprint of a certificate, as the configuration pins it.</summary>
    public static string Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>What arrived: the envelope and the parsed message.</summary>
    public List<(string? User, string From, List<string> To, MimeMessage Message)> Received { get; } = [];

    /// <summary>How many SMTP connections clients opened.</summary>
    public int Connections => _connections;

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
        Interlocked.Increment(ref _connections);
        Stream stream = client.GetStream();
        var secure = false;
        if (_implicitTls)
        {
            stream = await SecureAsync(stream);
            secure = true;
        }

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
                    await writer.WriteLineAsync(_certificate is not null && !secure
                        ? "250-127.0.0.1\r\n250-STARTTLS\r\n250 8BITMIME"
                        : "250-127.0.0.1\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                    break;
                case "STARTTLS":
                    await writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                    stream = await SecureAsync(stream);
                    secure = true;
                    reader = new StreamReader(stream, Encoding.Latin1);
                    writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                    break;
                case "AUTH":
                    var plain = Encoding.UTF8.GetString(Convert.FromBase64String(line.Split(' ')[2])).Split('\0');
                    user = $"{plain[1]}:{plain[2]}";
                    await writer.WriteLineAsync("235 2.7.0 Authenticated");
                    break;
                case "MAIL" when _certificate is not null && !secure:
                    await writer.WriteLineAsync("530 5.7.0 Must issue a STARTTLS command first");
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

                    _arrived.Release();

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

    /// <summary>
    /// The messages to <paramref name="recipient"/> once one matching <paramref name="match"/> has arrived: for a
    /// service whose own outbox loop delivers. Fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string recipient, Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (Received)
            {
                var theirs = Received.Where(r => r.To.Contains(recipient)).Select(r => r.Message).ToList();
                if (theirs.Any(match))
                {
                    return theirs;
                }
            }

            await _arrived.WaitAsync(expiry.Token);
        }
    }

    private async Task<Stream> SecureAsync(Stream plain)
    {
        var tls = new SslStream(plain);
        await tls.AuthenticateAsServerAsync(_certificate!);
        return tls;
    }

    private static string Address(string line) => line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
        _arrived.Dispose();
    }
}
