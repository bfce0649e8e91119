using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SituationRoom.Web.Tests.Infrastructure;

/// <summary>
/// The built app run as its own process on a real Kestrel port, as an operator would run it, so a browser
/// test can talk to it over a real socket and a test can stop and start it again (a server restart).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly TempDatabase database = new();
    private Process? process;

    public AppProcess(IReadOnlyDictionary<string, string> settings)
    {
        this.settings = settings;
        Port = FreePort();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The app's SQLite file, for a test to read what it holds.</summary>
    public string DatabasePath => database.Path;

    private readonly System.Text.StringBuilder output = new();

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(WebExecutable(), ["--urls", BaseUrl])
        {
            WorkingDirectory = Path.Combine(RepositoryRoot(), "src", "SituationRoom.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Path"] = database.Path;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not answer /health within two minutes:\n{Output}");
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        database.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SituationRoom.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SituationRoom.sln not found above the test folder.");
    }

    /// <summary>The Web app built in the same configuration and runtime as these tests (e.g. Release/net9.0/linux-x64).</summary>
    private static string WebExecutable()
    {
        var root = RepositoryRoot();
        var testBin = Path.Combine(root, "tests", "SituationRoom.Web.Tests", "bin");
        var flavour = Path.GetRelativePath(testBin, AppContext.BaseDirectory);
        var exe = Path.Combine(root, "src", "SituationRoom.Web", "bin", flavour, "SituationRoom.Web");
        return File.Exists(exe) ? exe : throw new FileNotFoundException("Build the solution first: the Web app was not found.", exe);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
