using Microsoft.Extensions.Options;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Evidence photos uploaded by OPD staff: checked to be a photo by its first bytes (not just its name), stored under a
/// random name in <see cref="ComplaintsOptions.EvidenceFolder"/>, and served from /complaints/evidence/{name}.
/// </summary>
public sealed class ComplaintEvidenceFiles(IWebHostEnvironment environment, IOptions<ComplaintsOptions> options)
{
    public const string RoutePrefix = "/complaints/evidence/";

    private static readonly (string Extension, string ContentType, byte[] Magic)[] Photos =
    [
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47]),
        (".webp", "image/webp", [0x52, 0x49, 0x46, 0x46]),
    ];

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.EvidenceFolder));

    public long MaxBytes => options.Value.EvidenceMaxBytes;

    /// <summary>Reads an upload into memory (at most <see cref="MaxBytes"/>), or says why not (Indonesian / English).</summary>
    public async Task<(byte[]? Bytes, string? Error)> ReadAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        if (length <= 0 || length > MaxBytes)
        {
            return (null, $"Foto harus ada dan paling besar {MaxBytes / (1024 * 1024)} MB. / The photo must be present and at most {MaxBytes / (1024 * 1024)} MB.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.Length > MaxBytes ? (null, "Foto terlalu besar. / The photo is too large.") : (buffer.ToArray(), null);
    }

    /// <summary>When and where the photo was taken, from its EXIF; unknown for PNG and WebP (phones write EXIF to JPEG).</summary>
    public static PhotoMetadata Describe(byte[] bytes) => JpegExif.Read(bytes);

    /// <summary>Stores the photo and returns its site address, or the reason it was refused (Indonesian / English).</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        var (bytes, error) = await ReadAsync(content, length, cancellationToken);
        return bytes is null ? (null, error) : await SaveAsync(bytes, cancellationToken);
    }

    public async Task<(string? Url, string? Error)> SaveAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length == 0 || bytes.Length > MaxBytes)
        {
            return (null, $"Foto harus ada dan paling besar {MaxBytes / (1024 * 1024)} MB. / The photo must be present and at most {MaxBytes / (1024 * 1024)} MB.");
        }

        var kind = Photos.FirstOrDefault(p => bytes.AsSpan().StartsWith(p.Magic));
        if (kind.Extension is null)
        {
            return (null, "Hanya foto JPEG, PNG atau WebP. / Only JPEG, PNG or WebP photos.");
        }

        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + kind.Extension;
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), bytes, cancellationToken);
        return (RoutePrefix + name, null);
    }

    /// <summary>Removes a photo stored for a move that was then refused, so a refusal leaves nothing behind.</summary>
    public void Delete(string url)
    {
        if (PathOf(url) is { } path)
        {
            File.Delete(path);
        }
    }

    internal IResult Serve(string name) =>
        PathOf(RoutePrefix + name) is { } path
            ? TypedResults.PhysicalFile(path, Photos.First(p => path.EndsWith(p.Extension, StringComparison.Ordinal)).ContentType)
            : TypedResults.NotFound();

    private string? PathOf(string url)
    {
        if (!url.StartsWith(RoutePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = url[RoutePrefix.Length..];
        // Only names this class made: 32 hex digits and a known extension, so no path can escape the folder.
        var valid = name.Length > 32 && name[..32].All(char.IsAsciiHexDigitLower) && Photos.Any(p => name[32..] == p.Extension);
        var path = Path.Combine(Folder, name);
        return valid && File.Exists(path) ? path : null;
    }
}
