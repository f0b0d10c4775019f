using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ComplaintCloud.Infrastructure.Data;

/// <summary>
/// A PostgreSQL cluster of our own, created and started from the installed server binaries: it listens on
/// 127.0.0.1 only, trusts loopback connections and stops when disposed or, at the latest, when this process ends.
/// </summary>
public sealed partial class PrivatePostgres : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    // PostgreSQL refuses to run as root, so root hands the cluster to the OS user the distro package creates.
    private const string ServiceUser = "postgres";
    private const string LogFileName = "postmaster.log";
    private const string PortFileName = "complaintcloud.port";
    private const string PidFileName = "postmaster.pid";
    private const string InstallCommand = "apt-get install postgresql";
    private const int StartAttempts = 3;
    private const int LogTailLines = 40;
    // The longest socket path the kernel accepts (sun_path holds 108 bytes with the terminating NUL).
    private const int MaxSocketPathLength = 107;
    private const string ServerTimeoutSeconds = "120";

    private readonly string _dataDirectory;
    private readonly ILogger _logger;
    private readonly Watchdog _watchdog;
    private readonly EventHandler _stopOnProcessExit;
    private readonly Lock _gate = new();
    private Task? _stopTask;

    private PrivatePostgres(string dataDirectory, int port, Watchdog watchdog, ILogger logger)
    {
        _dataDirectory = dataDirectory;
        _watchdog = watchdog;
        _logger = logger;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = SuperUser,
            Database = "postgres",
        }.ConnectionString;
        // Stops the server before a normal exit; the watchdog covers the exits that run no handlers.
        _stopOnProcessExit = (_, _) => StopAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += _stopOnProcessExit;
    }

    /// <summary>Superuser connection to the database "postgres" on 127.0.0.1:<see cref="Port"/>.</summary>
    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>
    /// Creates the cluster in <paramref name="dataDirectory"/> when it holds none yet, and starts it on a free port
    /// (the one it used last time, when that is free). A <paramref name="throwaway"/> cluster trades crash safety
    /// for speed, which suits tests.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// No server binaries are installed, or the server cannot start.
    /// </exception>
    public static async Task<PrivatePostgres> StartAsync(
        string dataDirectory, ILogger logger, bool throwaway = false, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(logger);
        var directory = Path.GetFullPath(dataDirectory);
        var tools = new Toolbox(await FindBinDirectoryAsync(ct).ConfigureAwait(false), Environment.UserName == "root");
        LogStarting(logger, tools.BinDirectory, directory);

        await PrepareDirectoryAsync(tools, directory, ct).ConfigureAwait(false);
        if (!File.Exists(Path.Combine(directory, "PG_VERSION")))
        {
            LogInitializing(logger, directory);
            await InitializeAsync(tools, directory, throwaway, ct).ConfigureAwait(false);
        }

        RemoveStaleLocks(directory, logger);
        // Watching from before the start leaves no moment in which a dying process could orphan the server.
        var watchdog = Watchdog.Start(tools, directory);
        try
        {
            var port = await StartServerAsync(tools, directory, throwaway, logger, ct).ConfigureAwait(false);
            LogStarted(logger, port);
            return new PrivatePostgres(directory, port, watchdog, logger);
        }
        catch
        {
            await watchdog.StopServerAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server (pg_ctl stop -m fast). Calling it again does nothing more.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stopTask ??= StopCoreAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StopCoreAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _stopOnProcessExit;
        var (exitCode, output) = await _watchdog.StopServerAsync().ConfigureAwait(false);
        // pg_ctl also fails when the server is already gone, which is what we want.
        if (exitCode != 0 && File.Exists(Path.Combine(_dataDirectory, PidFileName)))
        {
            throw new InvalidOperationException($"Could not stop PostgreSQL in {_dataDirectory}:\n{output}");
        }

        LogStopped(_logger, _dataDirectory);
    }

    private static async Task<string> FindBinDirectoryAsync(CancellationToken ct)
    {
        const string versionsRoot = "/usr/lib/postgresql";
        var versioned = Directory.Exists(versionsRoot)
            ? Directory.EnumerateDirectories(versionsRoot)
                .OrderByDescending(d => decimal.TryParse(
                    Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var major) ? major : -1)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        if (versioned.FirstOrDefault(HasServerTools) is { } newest)
        {
            return newest;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return onPath.Prepend(await PgConfigBinDirectoryAsync(ct).ConfigureAwait(false)).FirstOrDefault(HasServerTools)
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were found neither in /usr/lib/postgresql/*/bin, "
                + $"nor in pg_config --bindir, nor on PATH. Install them as root: {InstallCommand}");

        static bool HasServerTools(string directory) =>
            Path.IsPathRooted(directory)
            && File.Exists(Path.Combine(directory, "initdb"))
            && File.Exists(Path.Combine(directory, "pg_ctl"));
    }

    // pg_config may come with the client library alone, so its answer is only a candidate.
    private static async Task<string> PgConfigBinDirectoryAsync(CancellationToken ct)
    {
        var result = await TryRunAsync(new ProcessStartInfo("pg_config", ["--bindir"]), ct).ConfigureAwait(false);
        return result is (0, var output) ? output : "";
    }

    private static async Task PrepareDirectoryAsync(Toolbox tools, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        if (!tools.AsRoot)
        {
            return;
        }

        await RunCheckedAsync(new ProcessStartInfo("chown", ["-R", $"{ServiceUser}:", directory]), ct)
            .ConfigureAwait(false);
        if ((await RunAsync(tools.AsServiceUser("test", "-w", directory), ct).ConfigureAwait(false)).ExitCode == 0)
        {
            return;
        }

        // Name the folder that shuts the service user out, which is far from obvious in a failed initdb.
        var blocked = directory;
        for (var ancestor = Path.GetDirectoryName(directory);
             ancestor is not null;
             ancestor = Path.GetDirectoryName(ancestor))
        {
            if ((await RunAsync(tools.AsServiceUser("test", "-x", ancestor), ct).ConfigureAwait(false)).ExitCode != 0)
            {
                blocked = ancestor;
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL runs as the OS user '{ServiceUser}' when started by root, and that user cannot reach "
            + $"{directory}: {blocked} is not traversable for it. Make it so (chmod o+x {blocked}) "
            + "or choose a data directory outside it.");
    }

    private static async Task InitializeAsync(Toolbox tools, string directory, bool throwaway, CancellationToken ct)
    {
        var locale = await HasLocaleAsync("C.utf8", ct).ConfigureAwait(false) ? "C.UTF-8" : "C";
        List<string> arguments =
        [
            "-D", directory, "--auth=trust", $"--username={SuperUser}", "--encoding=UTF8", $"--locale={locale}",
        ];
        if (throwaway)
        {
            arguments.Add("--no-sync");
        }

        await RunCheckedAsync(tools.Tool("initdb", arguments), ct).ConfigureAwait(false);
    }

    private static async Task<bool> HasLocaleAsync(string name, CancellationToken ct)
    {
        var result = await TryRunAsync(new ProcessStartInfo("locale", ["-a"]), ct).ConfigureAwait(false);
        return result is (0, var output)
            && output.Split('\n').Any(l => l.Trim().Replace("-", "", StringComparison.Ordinal)
                .Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A killed server leaves its lock files behind; PostgreSQL clears them itself unless their PID has since been
    /// reused by another process, which is common in containers. A live postgres process keeps its locks.
    /// </summary>
    private static void RemoveStaleLocks(string directory, ILogger logger)
    {
        var pidFile = Path.Combine(directory, PidFileName);
        if (File.Exists(pidFile)
            && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid)
            && IsPostgresProcess(pid))
        {
            throw new InvalidOperationException(
                $"A PostgreSQL server (PID {pid}) is already running on {directory}. "
                + $"Stop it first: pg_ctl stop -D {directory} -m fast");
        }

        foreach (var stale in Directory.EnumerateFiles(directory, ".s.PGSQL.*").Append(pidFile).Where(File.Exists))
        {
            LogRemovingStaleLock(logger, stale);
            File.Delete(stale);
        }

        static bool IsPostgresProcess(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return process.ProcessName == "postgres";
            }
            catch (ArgumentException)
            {
                return false; // no such process
            }
        }
    }

    private static async Task<int> StartServerAsync(
        Toolbox tools, string directory, bool throwaway, ILogger logger, CancellationToken ct)
    {
        var portFile = Path.Combine(directory, PortFileName);
        var logFile = Path.Combine(directory, LogFileName);
        var lastPort = File.Exists(portFile) ? File.ReadAllText(portFile) : "";
        int.TryParse(lastPort, CultureInfo.InvariantCulture, out var port);
        for (var attempt = 1; ; attempt++)
        {
            port = IsFree(port) ? port : FreePort();
            var logStart = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
            var start = tools.Tool(
                "pg_ctl", "start", "-D", directory, "-l", logFile, "-w", "-t", ServerTimeoutSeconds,
                "-o", ServerOptions(directory, port, throwaway));
            var (exitCode, output) = await RunAsync(start, ct).ConfigureAwait(false);
            if (exitCode == 0)
            {
                await File.WriteAllTextAsync(portFile, port.ToString(CultureInfo.InvariantCulture), ct)
                    .ConfigureAwait(false);
                return port;
            }

            var log = ReadLogTail(logFile, logStart);
            // Another process may take the port between our check and the server's bind.
            if (attempt < StartAttempts && log.Contains("could not bind", StringComparison.Ordinal))
            {
                LogPortTaken(logger, port);
                port = 0;
                continue;
            }

            throw new InvalidOperationException(
                $"PostgreSQL did not start in {directory}:\n{output}\n--- last lines of {logFile} ---\n{log}");
        }
    }

    /// <summary>The server's command line; pg_ctl hands it to /bin/sh, hence the quoting.</summary>
    private static string ServerOptions(string directory, int port, bool throwaway)
    {
        // Without a usable socket path the server still serves TCP, which is all we connect through.
        var socketDirectory =
            Path.Combine(directory, $".s.PGSQL.{port}").Length <= MaxSocketPathLength ? directory : "";
        List<string> settings =
        [
            $"listen_addresses={IPAddress.Loopback}", $"port={port}", $"unix_socket_directories={socketDirectory}",
            "max_connections=200",
        ];
        if (throwaway)
        {
            settings.AddRange(["fsync=off", "synchronous_commit=off", "full_page_writes=off"]);
        }

        return string.Join(' ', settings.Select(s => "-c " + ShellQuote(s)));
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool IsFree(int port)
    {
        if (port is <= 0 or > IPEndPoint.MaxPort)
        {
            return false;
        }

        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static string ReadLogTail(string logFile, long from)
    {
        if (!File.Exists(logFile))
        {
            return "(no log written)";
        }

        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(from, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(LogTailLines)).TrimEnd();
    }

    private static async Task RunCheckedAsync(ProcessStartInfo start, CancellationToken ct)
    {
        var (exitCode, output) = await RunAsync(start, ct).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"{start.FileName} {string.Join(' ', start.ArgumentList)} failed with exit code {exitCode}:\n{output}");
        }
    }

    /// <summary>Like <see cref="RunAsync"/>, but a program that is not installed yields null.</summary>
    private static async Task<(int ExitCode, string Output)?> TryRunAsync(ProcessStartInfo start, CancellationToken ct)
    {
        try
        {
            return await RunAsync(start, ct).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, CancellationToken ct)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // The service user may not be allowed into our working directory.
        start.WorkingDirectory = "/";
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false)).Trim());
    }

    /// <summary>Where the server binaries are, and whether they must run as the service user.</summary>
    private sealed record Toolbox(string BinDirectory, bool AsRoot)
    {
        public ProcessStartInfo Tool(string name, params IEnumerable<string> arguments) =>
            AsServiceUser(Path.Combine(BinDirectory, name), arguments);

        public ProcessStartInfo AsServiceUser(string program, params IEnumerable<string> arguments) =>
            AsRoot
                ? new ProcessStartInfo("runuser", ["-u", ServiceUser, "--", program, .. arguments])
                : new ProcessStartInfo(program, arguments);
    }

    /// <summary>
    /// A shell that waits for its standard input to close, then stops the server. We hold the only writer of that
    /// pipe, and the kernel closes it however this process ends, even when it is killed, so the server cannot
    /// outlive us. Closing it on purpose is how <see cref="StopAsync"/> stops the server, too.
    /// </summary>
    private sealed class Watchdog
    {
        // Terminal signals meant for us must not take the watchdog first; a vanished reader must not cut pg_ctl short.
        private const string Script =
            "exec 2>&1; trap '' HUP INT QUIT PIPE; while read -r line; do :; done; exec \"$@\"";

        private readonly Process _process;
        private readonly Task<string> _output;

        private Watchdog(Process process)
        {
            _process = process;
            _output = process.StandardOutput.ReadToEndAsync();
        }

        public static Watchdog Start(Toolbox tools, string directory)
        {
            var stop = tools.Tool("pg_ctl", "stop", "-D", directory, "-m", "fast", "-w", "-t", ServerTimeoutSeconds);
            var start = new ProcessStartInfo("/bin/sh", ["-c", Script, "watchdog", stop.FileName, .. stop.ArgumentList])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                WorkingDirectory = "/",
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /bin/sh.");
            return new Watchdog(process);
        }

        public async Task<(int ExitCode, string Output)> StopServerAsync()
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().ConfigureAwait(false);
            var output = await _output.ConfigureAwait(false);
            var exitCode = _process.ExitCode;
            _process.Dispose();
            return (exitCode, output.Trim());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting private PostgreSQL from {BinDirectory} in {DataDirectory}")]
    private static partial void LogStarting(ILogger logger, string binDirectory, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating a new PostgreSQL cluster in {DataDirectory}")]
    private static partial void LogInitializing(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing {LockFile}, left behind by a server that no longer runs")]
    private static partial void LogRemovingStaleLock(ILogger logger, string lockFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Port {Port} was taken while PostgreSQL started; trying another")]
    private static partial void LogPortTaken(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL accepts connections on 127.0.0.1:{Port}")]
    private static partial void LogStarted(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped PostgreSQL in {DataDirectory}")]
    private static partial void LogStopped(ILogger logger, string dataDirectory);
}
