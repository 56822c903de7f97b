using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Corridors.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Corridors.Benchmarks -- open-loop --url URL --rate N [--seconds 60] [--body JSON]
/// [--timeout 10]</c>: an open-loop load at a fixed rate. Requests are sent on a schedule whatever the answers, as
/// clients on the Internet do (wrk, closed-loop, waits for an answer before the next request, so it never offers more
/// than the server serves); latency is measured from each request's scheduled time, so a late send counts against
/// the server (no coordinated omission). Prints the offered and answered rates, answers by status and latency
/// percentiles of the 2xx.
/// </summary>
internal static class OpenLoop
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var url = new Uri(CaspianBench.Arg(args, "--url") ?? "http://127.0.0.1:5091/api/route");
        var rate = double.Parse(CaspianBench.Arg(args, "--rate") ?? "4000", Inv);
        var seconds = double.Parse(CaspianBench.Arg(args, "--seconds") ?? "60", Inv);
        var body = CaspianBench.Arg(args, "--body") ?? """{"from": "Xian", "to": "Duisburg", "depart": "2026-03-03"}""";
        var timeout = TimeSpan.FromSeconds(double.Parse(CaspianBench.Arg(args, "--timeout") ?? "10", Inv));
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4096, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = timeout };
        var bytes = Encoding.UTF8.GetBytes(body);

        var total = (long)(rate * seconds);
        var statuses = new long[600];
        long timeouts = 0, failures = 0;
        var latencies = new List<double>[Environment.ProcessorCount];
        for (var i = 0; i < latencies.Length; i++)
        {
            latencies[i] = [];
        }

        var clock = Stopwatch.StartNew();
        var pending = new List<Task>((int)Math.Min(total, 1_000_000));
        for (long i = 0; i < total; i++)
        {
            var due = i / rate;
            var wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0.001)
            {
                Thread.Sleep(TimeSpan.FromSeconds(wait));
            }

            pending.Add(Send(due));
        }

        var sent = clock.Elapsed.TotalSeconds;
        Task.WaitAll(pending);
        var all = latencies.SelectMany(l => l).Order().ToList();
        string Pct(double p) => all.Count == 0 ? "-" : (all[Math.Min(all.Count - 1, (int)(p / 100 * all.Count))] * 1000).ToString("0.0", Inv) + " ms";

        Console.WriteLine(string.Create(Inv, $"open loop: {url}, offered {rate:N0} req/s for {seconds:0} s ({total:N0} requests; the last sent at {sent:0.0} s)"));
        Console.WriteLine(string.Create(Inv, $"answered: {(total - timeouts - failures) / clock.Elapsed.TotalSeconds:N0} req/s over {clock.Elapsed.TotalSeconds:0.0} s"));
        for (var s = 0; s < statuses.Length; s++)
        {
            if (statuses[s] > 0)
            {
                Console.WriteLine(string.Create(Inv, $"status {s}: {statuses[s]:N0}"));
            }
        }

        Console.WriteLine(string.Create(Inv, $"status 5xx: {statuses.Skip(500).Sum():N0}"));
        Console.WriteLine(string.Create(Inv, $"client timeouts ({timeout.TotalSeconds:0} s): {timeouts:N0}; connection failures: {failures:N0}"));
        Console.WriteLine($"2xx latency from the scheduled time: p50 {Pct(50)}, p90 {Pct(90)}, p99 {Pct(99)}, max {Pct(100)}");
        return statuses.Skip(500).Sum() + timeouts + failures > 0 ? 1 : 0;

        async Task Send(double due)
        {
            try
            {
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync(url, content).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var code = (int)response.StatusCode;
                Interlocked.Increment(ref statuses[Math.Clamp(code, 0, statuses.Length - 1)]);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var list = latencies[Environment.CurrentManagedThreadId % latencies.Length];
                    lock (list)
                    {
                        list.Add(clock.Elapsed.TotalSeconds - due);
                    }
                }
            }
            catch (TaskCanceledException)
            {
                Interlocked.Increment(ref timeouts);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }
}
