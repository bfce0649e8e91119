using System.Text;
using SituationRoom.Core.Trends;

namespace SituationRoom.Web.Features.Trends;

/// <summary>A CSV download: UTF-8 with a byte order mark (so Excel reads Indonesian names right), streamed line by line.</summary>
public sealed class CsvFile(string fileName, Func<Func<string, Task>, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = fileName,
            FileName = "\"" + new string(fileName.Select(c => char.IsAscii(c) && c != '"' ? c : '_').ToArray()) + "\"",
        }.ToString();
        response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(response.Body, Csv.Encoding, bufferSize: 64 * 1024);
        await writer.WriteAsync(Csv.Bom);
        await write(line => writer.WriteAsync(line), httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>A file name part from free text: letters, digits and dashes only.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-');
        }

        return slug.ToString().Trim('-');
    }
}
