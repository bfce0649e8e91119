using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>Field-by-field reading of request bodies, so a bad request is answered with the field at fault.</summary>
internal static partial class ApiRequests
{
    /// <summary>Clocks of senders run a little fast; more than this ahead of ours is a wrong clock, not a message from the future.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The fields of a JSON object or a form post, as text; null when the body cannot be read (the error names "body").</summary>
    public static async Task<(Dictionary<string, string?>? Fields, Dictionary<string, string[]> Errors)> ReadFieldsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            return (fields, errors);
        }

        if (!request.HasJsonContentType())
        {
            errors["body"] = ["Kirim JSON (application/json) atau formulir (application/x-www-form-urlencoded). / Send JSON or a form."];
            return (null, errors);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["Badan permintaan harus berupa objek JSON. / The body must be a JSON object."];
                return (null, errors);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[property.Name] = property.Value.GetString();
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        fields[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        fields[property.Name] = null;
                        break;
                    default:
                        errors[Camel(property.Name)] = ["Harus berupa teks atau angka. / Must be text or a number."];
                        break;
                }
            }
        }
        catch (JsonException)
        {
            errors["body"] = ["JSON tidak valid. / The JSON is not valid."];
            return (null, errors);
        }

        return (fields, errors);
    }

    /// <summary>A required text field: present (maybe empty when <paramref name="allowEmpty"/>), at most <paramref name="maxLength"/> characters.</summary>
    public static string? Text(Dictionary<string, string?> fields, Dictionary<string, string[]> errors, string name, int maxLength, bool allowEmpty = false)
    {
        if (!fields.TryGetValue(name, out var value) || value is null)
        {
            errors[name] = ["Wajib diisi. / Required."];
            return null;
        }

        if (!allowEmpty && string.IsNullOrWhiteSpace(value))
        {
            errors[name] = ["Tidak boleh kosong. / Must not be empty."];
            return null;
        }

        if (value.Length > maxLength)
        {
            errors[name] = [$"Paling banyak {maxLength} karakter. / At most {maxLength} characters."];
            return null;
        }

        return value;
    }

    public static string? OptionalText(Dictionary<string, string?> fields, Dictionary<string, string[]> errors, string name, int maxLength)
    {
        var value = fields.GetValueOrDefault(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            errors[name] = [$"Paling banyak {maxLength} karakter. / At most {maxLength} characters."];
            return null;
        }

        return value.Trim();
    }

    /// <summary>An ISO-8601 instant with its offset (Z or ±hh:mm): without one, the city's clock and the sender's could differ by hours.</summary>
    public static DateTimeOffset? Instant(Dictionary<string, string?> fields, Dictionary<string, string[]> errors, string name, DateTimeOffset now, bool required)
    {
        var value = fields.GetValueOrDefault(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[name] = ["Wajib diisi, ISO-8601 dengan zona waktu, mis. 2026-11-20T10:15:00+07:00. / Required, ISO-8601 with an offset."];
            }

            return null;
        }

        if (!TryParseInstant(value, out var instant))
        {
            errors[name] = ["Harus ISO-8601 dengan zona waktu, mis. 2026-11-20T10:15:00+07:00. / Must be ISO-8601 with an offset, e.g. 2026-11-20T10:15:00+07:00."];
            return null;
        }

        if (instant > now + FutureTolerance)
        {
            errors[name] = ["Waktu ini masih di masa depan; periksa jam pengirim. / This time lies in the future; check the sender's clock."];
            return null;
        }

        return instant;
    }

    public static bool TryParseInstant(string value, out DateTimeOffset instant)
    {
        instant = default;
        return IsoWithOffset().IsMatch(value.Trim())
            && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    public static double? Number(Dictionary<string, string?> fields, Dictionary<string, string[]> errors, string name, double min, double max)
    {
        var value = fields.GetValueOrDefault(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || number < min || number > max)
        {
            errors[name] = [$"Harus angka antara {min} dan {max}. / Must be a number between {min} and {max}."];
            return null;
        }

        return number;
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
