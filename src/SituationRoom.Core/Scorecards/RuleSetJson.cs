using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using static System.FormattableString;

namespace SituationRoom.Core.Scorecards;

/// <summary>Rule sets as JSON, so a city can load its own catalogue when the national rules change. Reading is strict:
/// an unknown field is an error, because a misspelt optional field ("flor") would otherwise silently change a rule.
/// Comments and trailing commas are allowed for hand-edited files.</summary>
public static class RuleSetJson
{
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] RootFields = ["version", "effectiveFrom", "name", "minimumAutomaticCoverage", "dimensions", "indicators", "bands"];
    private static readonly string[] IndicatorFields = ["code", "dimension", "nameId", "nameEn", "descriptionId", "descriptionEn", "weight", "minimumEvidence", "source", "unit", "rubric"];
    private static readonly string[] BandFields = ["name", "nameEn", "minScore"];
    private static readonly string[] LinearFields = ["kind", "floor", "ceiling"];
    private static readonly string[] InverseLinearFields = ["kind", "best", "worst"];
    private static readonly string[] MaturityFields = ["kind", "maxRaw", "levels"];
    private static readonly string[] LevelFields = ["level", "minRaw", "score", "nameId", "nameEn"];

    /// <exception cref="RuleSetValidationException">Lists every field at fault, e.g. "indicators[4] (A.hotspot_uptime).rubric.floor: ...".</exception>
    public static RuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new RuleSetValidationException(
                [Invariant($"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}")]);
        }

        using (document)
        {
            var errors = new List<string>();
            var rules = ReadRuleSet(document.RootElement, errors);
            if (rules is null || errors.Count > 0)
            {
                throw new RuleSetValidationException(errors);
            }

            RuleSetValidation.ThrowIfInvalid(rules);
            return rules;
        }
    }

    public static string Serialize(RuleSet rules)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("version", rules.Version);
            writer.WriteString("effectiveFrom", rules.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("name", rules.Name);
            writer.WriteNumber("minimumAutomaticCoverage", rules.MinimumAutomaticCoverage);
            writer.WriteStartObject("dimensions");
            foreach (var dimension in rules.ScoredDimensions)
            {
                writer.WriteNumber(dimension.ToString(), rules.Dimensions[dimension]);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("indicators");
            foreach (var indicator in rules.Indicators)
            {
                WriteIndicator(writer, indicator);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("bands");
            foreach (var band in rules.Bands)
            {
                writer.WriteStartObject();
                writer.WriteString("name", band.Name);
                writer.WriteString("nameEn", band.NameEn);
                writer.WriteNumber("minScore", band.MinScore);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteIndicator(Utf8JsonWriter writer, IndicatorRule indicator)
    {
        writer.WriteStartObject();
        writer.WriteString("code", indicator.Code);
        writer.WriteString("dimension", indicator.Dimension.ToString());
        writer.WriteString("nameId", indicator.NameId);
        writer.WriteString("nameEn", indicator.NameEn);
        if (indicator.DescriptionId.Length > 0)
        {
            writer.WriteString("descriptionId", indicator.DescriptionId);
        }

        if (indicator.DescriptionEn.Length > 0)
        {
            writer.WriteString("descriptionEn", indicator.DescriptionEn);
        }

        writer.WriteNumber("weight", indicator.Weight);
        if (indicator.MinimumEvidence != 0)
        {
            writer.WriteNumber("minimumEvidence", indicator.MinimumEvidence);
        }

        writer.WriteString("source", indicator.Source.ToString());
        writer.WriteString("unit", indicator.Unit.ToString());
        writer.WriteStartObject("rubric");
        writer.WriteString("kind", indicator.Rubric.Kind.ToString());
        switch (indicator.Rubric)
        {
            case LinearRubric linear:
                writer.WriteNumber("floor", linear.Floor);
                writer.WriteNumber("ceiling", linear.Ceiling);
                break;
            case InverseLinearRubric inverse:
                writer.WriteNumber("best", inverse.Best);
                writer.WriteNumber("worst", inverse.Worst);
                break;
            case MaturityRubric maturity:
                writer.WriteNumber("maxRaw", maturity.MaxRaw);
                writer.WriteStartArray("levels");
                foreach (var level in maturity.Levels)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("level", level.Level);
                    writer.WriteNumber("minRaw", level.MinRaw);
                    writer.WriteNumber("score", level.Score);
                    writer.WriteString("nameId", level.NameId);
                    writer.WriteString("nameEn", level.NameEn);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static RuleSet? ReadRuleSet(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Invariant($"(root): must be a JSON object (got {Describe(root)})"));
            return null;
        }

        RejectUnknown(root, "", RootFields, errors);
        var version = Text(root, "", "version", errors);
        var effectiveFrom = Date(root, "", "effectiveFrom", errors);
        var name = Text(root, "", "name", errors);
        var coverage = Number(root, "", "minimumAutomaticCoverage", errors, required: false);
        var dimensions = ReadDimensions(root, errors);
        var indicators = ReadArray(root, "", "indicators", errors, ReadIndicator);
        var bands = ReadArray(root, "", "bands", errors, ReadBand);
        if (version is null || effectiveFrom is null || name is null || dimensions is null || indicators is null || bands is null)
        {
            return null;
        }

        return new RuleSet(version, effectiveFrom.Value, name, dimensions, indicators, bands) { MinimumAutomaticCoverage = coverage ?? 0 };
    }

    private static Dictionary<SmartDimension, double>? ReadDimensions(JsonElement root, List<string> errors)
    {
        if (Field(root, "", "dimensions", JsonValueKind.Object, errors) is not { } element)
        {
            return null;
        }

        var dimensions = new Dictionary<SmartDimension, double>();
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            var path = "dimensions." + property.Name;
            if (!Enum.GetNames<SmartDimension>().Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(Invariant($"{path}: unknown dimension (expected one of {string.Join(", ", Enum.GetNames<SmartDimension>())})"));
                ok = false;
            }
            else if (property.Value.ValueKind != JsonValueKind.Number)
            {
                errors.Add(Invariant($"{path}: must be a number (got {Describe(property.Value)})"));
                ok = false;
            }
            else if (!dimensions.TryAdd(Enum.Parse<SmartDimension>(property.Name), property.Value.GetDouble()))
            {
                errors.Add(Invariant($"{path}: appears more than once"));
                ok = false;
            }
        }

        return ok ? dimensions : null;
    }

    private static IndicatorRule? ReadIndicator(JsonElement element, string path, List<string> errors)
    {
        if (element.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
        {
            path = Invariant($"{path} ({code.GetString()})");
        }

        RejectUnknown(element, path, IndicatorFields, errors);
        var codeText = Text(element, path, "code", errors);
        var dimension = EnumValue<SmartDimension>(element, path, "dimension", errors);
        var nameId = Text(element, path, "nameId", errors);
        var nameEn = Text(element, path, "nameEn", errors);
        var descriptionId = Text(element, path, "descriptionId", errors, required: false) ?? "";
        var descriptionEn = Text(element, path, "descriptionEn", errors, required: false) ?? "";
        var weight = Number(element, path, "weight", errors);
        var minimumEvidence = Number(element, path, "minimumEvidence", errors, required: false);
        var source = EnumValue<IndicatorSource>(element, path, "source", errors);
        var unit = EnumValue<IndicatorUnit>(element, path, "unit", errors);
        var rubric = ReadRubric(element, path, errors);
        if (codeText is null || dimension is null || nameId is null || nameEn is null || weight is null
            || source is null || unit is null || rubric is null)
        {
            return null;
        }

        return new IndicatorRule(codeText, dimension.Value, nameId, nameEn, weight.Value, source.Value, unit.Value, rubric)
        {
            DescriptionId = descriptionId,
            DescriptionEn = descriptionEn,
            MinimumEvidence = minimumEvidence ?? 0,
        };
    }

    private static Rubric? ReadRubric(JsonElement indicator, string indicatorPath, List<string> errors)
    {
        if (Field(indicator, indicatorPath, "rubric", JsonValueKind.Object, errors) is not { } element)
        {
            return null;
        }

        var path = Join(indicatorPath, "rubric");
        switch (EnumValue<RubricKind>(element, path, "kind", errors))
        {
            case RubricKind.Linear:
            {
                RejectUnknown(element, path, LinearFields, errors);
                var floor = Number(element, path, "floor", errors, required: false);
                var ceiling = Number(element, path, "ceiling", errors, required: false);
                return new LinearRubric(floor ?? 0, ceiling ?? 100);
            }

            case RubricKind.InverseLinear:
            {
                RejectUnknown(element, path, InverseLinearFields, errors);
                var best = Number(element, path, "best", errors, required: false);
                var worst = Number(element, path, "worst", errors);
                return worst is null ? null : new InverseLinearRubric(best ?? 0, worst.Value);
            }

            case RubricKind.Maturity:
            {
                RejectUnknown(element, path, MaturityFields, errors);
                var maxRaw = Number(element, path, "maxRaw", errors);
                var levels = ReadArray(element, path, "levels", errors, ReadLevel);
                return maxRaw is null || levels is null ? null : new MaturityRubric(levels, maxRaw.Value);
            }

            default:
                return null;
        }
    }

    private static MaturityLevel? ReadLevel(JsonElement element, string path, List<string> errors)
    {
        RejectUnknown(element, path, LevelFields, errors);
        var level = Number(element, path, "level", errors);
        var minRaw = Number(element, path, "minRaw", errors);
        var score = Number(element, path, "score", errors);
        var nameId = Text(element, path, "nameId", errors);
        var nameEn = Text(element, path, "nameEn", errors);
        if (level is { } l && (l != Math.Floor(l) || l < int.MinValue || l > int.MaxValue))
        {
            errors.Add(Invariant($"{path}.level: must be a whole number (got {l})"));
            return null;
        }

        return level is null || minRaw is null || score is null || nameId is null || nameEn is null
            ? null
            : new MaturityLevel((int)level.Value, minRaw.Value, score.Value, nameId, nameEn);
    }

    private static GradeBand? ReadBand(JsonElement element, string path, List<string> errors)
    {
        if (element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            path = Invariant($"{path} ({name.GetString()})");
        }

        RejectUnknown(element, path, BandFields, errors);
        var nameText = Text(element, path, "name", errors);
        var nameEn = Text(element, path, "nameEn", errors);
        var minScore = Number(element, path, "minScore", errors);
        return nameText is null || nameEn is null || minScore is null ? null : new GradeBand(nameText, nameEn, minScore.Value);
    }

    private static List<T>? ReadArray<T>(
        JsonElement parent, string parentPath, string name, List<string> errors, Func<JsonElement, string, List<string>, T?> read)
        where T : class
    {
        if (Field(parent, parentPath, name, JsonValueKind.Array, errors) is not { } array)
        {
            return null;
        }

        var items = new List<T>();
        var ok = true;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = Invariant($"{Join(parentPath, name)}[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Invariant($"{path}: must be an object (got {Describe(element)})"));
                ok = false;
                continue;
            }

            if (read(element, path, errors) is { } item)
            {
                items.Add(item);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? items : null;
    }

    private static JsonElement? Field(JsonElement parent, string parentPath, string name, JsonValueKind kind, List<string> errors, bool required = true)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(Invariant($"{Join(parentPath, name)}: is missing"));
            }

            return null;
        }

        if (value.ValueKind != kind)
        {
            var expected = kind switch
            {
                JsonValueKind.Object => "an object",
                JsonValueKind.Array => "an array",
                JsonValueKind.Number => "a number",
                _ => "a string",
            };
            errors.Add(Invariant($"{Join(parentPath, name)}: must be {expected} (got {Describe(value)})"));
            return null;
        }

        return value;
    }

    private static string? Text(JsonElement parent, string parentPath, string name, List<string> errors, bool required = true) =>
        Field(parent, parentPath, name, JsonValueKind.String, errors, required)?.GetString();

    private static double? Number(JsonElement parent, string parentPath, string name, List<string> errors, bool required = true) =>
        Field(parent, parentPath, name, JsonValueKind.Number, errors, required)?.GetDouble();

    private static DateOnly? Date(JsonElement parent, string parentPath, string name, List<string> errors)
    {
        var text = Text(parent, parentPath, name, errors);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(Invariant($"{Join(parentPath, name)}: must be a date written yyyy-MM-dd (got \"{text}\")"));
        return null;
    }

    private static T? EnumValue<T>(JsonElement parent, string parentPath, string name, List<string> errors)
        where T : struct, Enum
    {
        var text = Text(parent, parentPath, name, errors);
        if (text is null)
        {
            return null;
        }

        // Enum.TryParse also accepts numbers and comma lists; only the exact names are part of the format.
        if (Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<T>(text);
        }

        errors.Add(Invariant($"{Join(parentPath, name)}: unknown value \"{text}\" (expected one of {string.Join(", ", Enum.GetNames<T>())})"));
        return null;
    }

    private static void RejectUnknown(JsonElement element, string path, string[] known, List<string> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(Invariant($"{Join(path, property.Name)}: unknown field (expected {string.Join(", ", known)})"));
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Invariant($"\"{element.GetString()}\""),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };
}
