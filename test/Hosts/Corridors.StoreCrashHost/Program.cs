using System.Globalization;
using Corridors.Application.Runs;
using Corridors.Data.Store;

// Writes runs into a run store until killed, for the crash tests (RunStoreCrashTests): prints "begin N" before each
// write and "committed N ID" after it. Each run's result is a JSON string of PAYLOAD bytes derived from N, so the
// test can tell a whole run from a partial one. Usage: Corridors.StoreCrashHost PROVIDER CONNECTION PAYLOAD FIRST
if (args.Length != 4 || !RunStoreOptions.TryParseProvider(args[0], out var provider))
{
    Console.Error.WriteLine("usage: Corridors.StoreCrashHost sqlite|postgresql CONNECTION PAYLOAD_BYTES FIRST_INDEX");
    return 1;
}

var payload = int.Parse(args[2], CultureInfo.InvariantCulture);
var first = int.Parse(args[3], CultureInfo.InvariantCulture);
using var store = RunStores.Open(new RunStoreOptions(provider, args[1]));
Console.Out.Flush();
for (var n = first; ; n++)
{
    var json = CrashPayload.For(n, payload);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"begin {n}"));
    Console.Out.Flush();
    var run = store.Save(new RunRecord { Command = "crash-test", Arguments = n.ToString(CultureInfo.InvariantCulture), DataFingerprint = "crash", Seed = n, ResultJson = json });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {n} {run.Id}"));
    Console.Out.Flush();
}

/// <summary>The result document of run N: a JSON object whose text is exactly the given number of bytes.</summary>
public static class CrashPayload
{
    /// <summary>The document of run <paramref name="n"/>.</summary>
    public static string For(int n, int bytes)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{n},\"fill\":\"");
        const string Tail = "\"}";
        var fill = new char[Math.Max(0, bytes - head.Length - Tail.Length)];
        for (var i = 0; i < fill.Length; i++)
        {
            fill[i] = (char)('a' + ((i + n) % 26));
        }

        return head + new string(fill) + Tail;
    }
}
