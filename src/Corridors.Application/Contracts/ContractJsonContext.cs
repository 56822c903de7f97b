using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corridors.Application.Contracts;

/// <summary>
/// The serializer metadata of every document <see cref="ContractJson"/> writes, generated at build time: no
/// reflection when a document is written, so the CLI starts fast and compiles ahead of time (Native AOT). A document
/// type missing here fails on first use with "JsonTypeInfo metadata ... was not provided", in every build, so the
/// tests that write it find it. Enums are written in kebab-case by a generic converter per enum (the non-generic
/// JsonStringEnumConverter needs code generated at run time); an enum without one is written as a number, which
/// a test over every document's properties catches.
/// </summary>
[JsonSourceGenerationOptions(Converters = [
    typeof(KebabCaseEnumConverter<Routing.PlaceMatchStatus>),
    typeof(KebabCaseEnumConverter<Services.ValidationQuantity>),
    typeof(KebabCaseEnumConverter<Services.ValidationStatistic>),
    typeof(KebabCaseEnumConverter<Services.ValidationCorridor>),
    typeof(KebabCaseEnumConverter<Services.ValidationServiceLevel>)])]
[JsonSerializable(typeof(BypassDocument))]
[JsonSerializable(typeof(CaspianCurveDocument))]
[JsonSerializable(typeof(CaspianDocument))]
[JsonSerializable(typeof(CompareLevelsDocument))]
[JsonSerializable(typeof(CorridorAssignmentDocument))]
[JsonSerializable(typeof(InvestmentDocument))]
[JsonSerializable(typeof(LeverageDocument))]
[JsonSerializable(typeof(NetworkDiffDocument))]
[JsonSerializable(typeof(NetworkSummaryDocument))]
[JsonSerializable(typeof(PlaceListDocument))]
[JsonSerializable(typeof(PlacesDocument))]
[JsonSerializable(typeof(ReliabilityDocument))]
[JsonSerializable(typeof(RoutesDocument))]
[JsonSerializable(typeof(RunExportDocument))]
[JsonSerializable(typeof(RunListDocument))]
[JsonSerializable(typeof(ScenarioComparisonDocument))]
[JsonSerializable(typeof(ScenarioListDocument))]
[JsonSerializable(typeof(ScenarioShowDocument))]
[JsonSerializable(typeof(ScenarioValidationDocument))]
[JsonSerializable(typeof(SeaBatchDocument))]
[JsonSerializable(typeof(SeaRouteDocument))]
[JsonSerializable(typeof(StoredRunDocument))]
[JsonSerializable(typeof(SweepDocument))]
[JsonSerializable(typeof(Services.SweepJob))]
[JsonSerializable(typeof(TntpAssignmentDocument))]
[JsonSerializable(typeof(ValidationDocument))]
[JsonSerializable(typeof(ValidationReportDocument))]
public sealed partial class ContractJsonContext : JsonSerializerContext;

/// <summary>Writes and reads <typeparamref name="TEnum"/> by its kebab-case name (<c>NotFound</c> as <c>not-found</c>).</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower)
    where TEnum : struct, Enum;
