using System.Text;

namespace SituationRoom.Web.Features.Devices;

/// <summary>
/// Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), comma- or semicolon-separated
/// as spreadsheets in Indonesian locales write it. The registry import is small; this keeps it dependency-free.
/// </summary>
public static class DeviceCsv
{
    /// <summary>Rows as lists of fields; null with a message when a quote is never closed.</summary>
    public static (List<List<string>>? Rows, string? Error) Parse(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString().Trim());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                row.Add(field.ToString().Trim());
                field.Clear();
                AddRow(rows, row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return (null, $"Tanda kutip tidak ditutup sampai baris {line}. / A quote is never closed (line {line}).");
        }

        row.Add(field.ToString().Trim());
        AddRow(rows, row);
        return (rows, null);
    }

    private static void AddRow(List<List<string>> rows, List<string> row)
    {
        // Blank lines (a trailing newline, spacing) are not rows.
        if (row.Any(f => f.Length > 0))
        {
            rows.Add(row);
        }
    }
}
