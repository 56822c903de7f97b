using System.Text.Json;
using System.Text.Json.Serialization;
using Corridors.Api.Jobs;
using Corridors.Application.Contracts;
using Corridors.Application.Requests;
using Corridors.Application.Services;

namespace Corridors.Api;

/// <summary>The serializer metadata of the documents only the HTTP API writes (jobs), generated at build time.</summary>
[JsonSerializable(typeof(JobDocument))]
[JsonSerializable(typeof(JobFailureDocument))]
[JsonSerializable(typeof(JobListDocument))]
internal sealed partial class ApiDocumentJsonContext : JsonSerializerContext;

/// <summary>
/// The serializer metadata of every request body the API binds (<see cref="JsonBody"/>) and of the route request it
/// keys answers by, generated at build time like the documents' (<see cref="ContractJsonContext"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RouteQueryRequest))]
[JsonSerializable(typeof(RouteRequest))]
[JsonSerializable(typeof(RouteBodyExtras))]
[JsonSerializable(typeof(ReliabilityBodyExtras))]
[JsonSerializable(typeof(SeaBodyEnds))]
[JsonSerializable(typeof(SeaRouteOptions))]
[JsonSerializable(typeof(ScenarioCompareBody))]
[JsonSerializable(typeof(ScenarioSweepBody))]
[JsonSerializable(typeof(CaspianRequest))]
[JsonSerializable(typeof(AssignBody))]
[JsonSerializable(typeof(BypassRequest))]
[JsonSerializable(typeof(LeverageRequest))]
internal sealed partial class ApiRequestJsonContext : JsonSerializerContext;

/// <summary>The API's document options: the contract's (<see cref="ContractJson"/>) with the job documents added.</summary>
internal static class ApiJson
{
    /// <summary>Options that write both the application's and the API's documents.</summary>
    public static readonly JsonSerializerOptions Options = ContractJson.CreateOptions(ApiDocumentJsonContext.Default);

    /// <summary>Serialises a document of the application or of the API.</summary>
    public static string Serialize<T>(T document) => ContractJson.Serialize(document, Options);
}
