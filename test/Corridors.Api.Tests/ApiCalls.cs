using System.Text;
using System.Text.Json;

namespace Corridors.Tests;

/// <summary>Calls the tests of the API make: a JSON post, polling a job until it ends, a problem's errors of one field.</summary>
internal static class ApiCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> Post(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    /// <summary>The job at <paramref name="location"/> once it has ended (or after five minutes).</summary>
    public static async Task<JsonElement> Finished(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            using var job = JsonDocument.Parse(await client.GetStringAsync(new Uri(location, UriKind.Relative), Ct));
            var status = job.RootElement.GetProperty("status").GetString();
            if (status is "succeeded" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return job.RootElement.Clone();
            }

            await Task.Delay(100, Ct);
        }
    }

    public static string Errors(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
