using System.Net;
using System.Net.Sockets;

namespace ComplaintCloud.IntegrationTests.Notifications;

/// <summary>An SMS provider's HTTP API on 127.0.0.1 that records each request and answers with the statuses given
/// (the last one repeating).</summary>
public sealed class SmsProviderDouble : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpStatusCode[] _answers;
    private readonly Task _serving;

    public SmsProviderDouble(params HttpStatusCode[] answers)
    {
        _answers = answers.Length > 0 ? answers : [HttpStatusCode.Created];
        Url = $"http://127.0.0.1:{FreePort()}/2010-04-01/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Url { get; }

    public List<(string Path, string? Authorization, Dictionary<string, string> Form)> Requests { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var form = (await reader.ReadToEndAsync()).Split('&').Select(pair => pair.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));
            lock (Requests)
            {
                Requests.Add((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], form));
                context.Response.StatusCode = (int)_answers[Math.Min(Requests.Count, _answers.Length) - 1];
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
