using System.Buffers;
using System.Globalization;
using System.Text;

namespace SituationRoom.Core.Trends;

/// <summary>
/// CSV as RFC 4180 with the defences a spreadsheet needs: exports are opened in Excel by people who did not write
/// the data, and a complaint's text is written by any citizen. A text cell that a spreadsheet would read as a formula
/// (starting with = + - @, a tab or a carriage return, or their full-width forms) gets a leading apostrophe, so it
/// is shown as text and never evaluated. Numbers are written by <see cref="Number(double?, int)"/> and never touched.
/// </summary>
public static class Csv
{
    /// <summary>The UTF-8 byte order mark: without it Excel reads UTF-8 as the machine's code page and mangles names.</summary>
    public const string Bom = "\uFEFF";

    public const string NewLine = "\r\n";

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>A text cell: neutralised if it could be read as a formula, quoted if it holds a comma, quote or line break.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (FormulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.AsSpan().ContainsAny(NeedsQuotes) || value[0] == ' ' || value[^1] == ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>A number with a point for decimals whatever the culture, so every tool reads it the same; empty for null.</summary>
    public static string Number(double? value, int decimals = 1) =>
        value is { } v && double.IsFinite(v) ? Math.Round(v, decimals).ToString("0.##########", CultureInfo.InvariantCulture) : string.Empty;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cells already made by <see cref="Text"/> or <see cref="Number(long)"/>, joined into one line.</summary>
    public static string Line(params IEnumerable<string> cells) => string.Join(',', cells) + NewLine;

    /// <summary>A header or data line whose every cell is text.</summary>
    public static string TextLine(params IEnumerable<string?> cells) => Line(cells.Select(Text));

    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
