using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SituationRoom.Core.Complaints;

/// <summary>
/// Reads the taken-at time and GPS place from a JPEG's EXIF (the APP1 "Exif" segment: a TIFF structure whose IFD0
/// points to the Exif IFD, with DateTimeOriginal and OffsetTimeOriginal, and to the GPS IFD, with latitude and
/// longitude as degrees, minutes and seconds). Both byte orders. Anything missing, out of bounds or implausible is
/// left unknown rather than guessed, and no input makes it throw: the bytes come from whoever uploads the photo.
/// </summary>
/// <remarks>Only what the evidence needs is read. IFD0's DateTime is deliberately not a fallback: editing software
/// rewrites it, so it says when the file was saved, not when the work was photographed.</remarks>
public static class JpegExif
{
    private const ushort ExifIfdPointer = 0x8769;
    private const ushort GpsIfdPointer = 0x8825;
    private const ushort DateTimeOriginal = 0x9003;
    private const ushort OffsetTimeOriginal = 0x9011;
    private const ushort GpsLatitudeRef = 0x0001;
    private const ushort GpsLatitude = 0x0002;
    private const ushort GpsLongitudeRef = 0x0003;
    private const ushort GpsLongitude = 0x0004;

    private const ushort TypeAscii = 2;
    private const ushort TypeLong = 4;
    private const ushort TypeRational = 5;

    private static ReadOnlySpan<byte> ExifHeader => "Exif\0\0"u8;

    public static PhotoMetadata Read(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return PhotoMetadata.None;
        }

        var position = 2;
        while (position + 4 <= jpeg.Length)
        {
            if (jpeg[position] != 0xFF)
            {
                return PhotoMetadata.None;
            }

            var marker = jpeg[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            if (marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }

            // Start of scan or end of image: the metadata segments all come before the picture itself.
            if (marker is 0xDA or 0xD9)
            {
                return PhotoMetadata.None;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 2)..]);
            if (length < 2)
            {
                return PhotoMetadata.None;
            }

            var start = position + 4;
            var end = Math.Min(jpeg.Length, position + 2 + length);
            var payload = jpeg[start..end];
            if (marker == 0xE1 && payload.StartsWith(ExifHeader))
            {
                return ReadTiff(payload[ExifHeader.Length..]);
            }

            position = position + 2 + length;
        }

        return PhotoMetadata.None;
    }

    private static PhotoMetadata ReadTiff(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return PhotoMetadata.None;
        }

        bool little;
        if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            little = true;
        }
        else if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            little = false;
        }
        else
        {
            return PhotoMetadata.None;
        }

        var reader = new TiffReader(tiff, little);
        if (reader.U16(2) != 42 || reader.U32(4) is not { } ifd0)
        {
            return PhotoMetadata.None;
        }

        DateTime? takenAt = null;
        TimeSpan? offset = null;
        double? latitude = null;
        double? longitude = null;
        if (reader.Find(ifd0, ExifIfdPointer) is { } exifEntry && reader.Long(exifEntry) is { } exifIfd)
        {
            takenAt = ParseDateTime(reader.Find(exifIfd, DateTimeOriginal) is { } d ? reader.Ascii(d) : null);
            offset = takenAt is null ? null : ParseOffset(reader.Find(exifIfd, OffsetTimeOriginal) is { } o ? reader.Ascii(o) : null);
        }

        if (reader.Find(ifd0, GpsIfdPointer) is { } gpsEntry && reader.Long(gpsEntry) is { } gpsIfd)
        {
            latitude = Coordinate(reader, gpsIfd, GpsLatitudeRef, GpsLatitude, 'N', 'S', 90);
            longitude = Coordinate(reader, gpsIfd, GpsLongitudeRef, GpsLongitude, 'E', 'W', 180);

            // Phones without a fix write 0/0; a place needs both halves, and "Null Island" is no place in Semarang.
            if (latitude is null || longitude is null || (latitude == 0 && longitude == 0))
            {
                latitude = longitude = null;
            }
        }

        return new PhotoMetadata(takenAt, offset, latitude, longitude);
    }

    private static double? Coordinate(TiffReader reader, uint ifd, ushort refTag, ushort valueTag, char positive, char negative, double limit)
    {
        var hemisphere = reader.Find(ifd, refTag) is { } r ? reader.Ascii(r) : null;
        if (hemisphere is not { Length: > 0 } || reader.Find(ifd, valueTag) is not { } value || reader.Rationals(value, 3) is not { } dms)
        {
            return null;
        }

        var (degrees, minutes, seconds) = (dms[0], dms[1], dms[2]);
        if (degrees < 0 || minutes is < 0 or >= 60 || seconds is < 0 or >= 60)
        {
            return null;
        }

        var magnitude = degrees + (minutes / 60) + (seconds / 3600);
        if (magnitude > limit)
        {
            return null;
        }

        var sign = char.ToUpperInvariant(hemisphere[0]);
        return sign == positive ? magnitude : sign == negative ? -magnitude : null;
    }

    private static DateTime? ParseDateTime(string? text) =>
        text is not null && DateTime.TryParseExact(text.Trim(), "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    private static TimeSpan? ParseOffset(string? text)
    {
        var value = text?.Trim();
        if (value is not { Length: 6 } || value[0] is not ('+' or '-') || value[3] != ':'
            || !int.TryParse(value.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(value.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14 || minutes > 59)
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return value[0] == '-' ? -offset : offset;
    }

    /// <summary>Bounds-checked reads of one TIFF structure: every offset comes from the file and may point anywhere.</summary>
    private readonly ref struct TiffReader(ReadOnlySpan<byte> tiff, bool little)
    {
        private readonly ReadOnlySpan<byte> tiff = tiff;

        public ushort? U16(long at) =>
            at >= 0 && at + 2 <= tiff.Length
                ? little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff[(int)at..]) : BinaryPrimitives.ReadUInt16BigEndian(tiff[(int)at..])
                : null;

        public uint? U32(long at) =>
            at >= 0 && at + 4 <= tiff.Length
                ? little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[(int)at..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[(int)at..])
                : null;

        /// <summary>The 12-byte entry of <paramref name="tag"/> in the IFD at <paramref name="ifd"/>, by its position.</summary>
        public long? Find(uint ifd, ushort tag)
        {
            if (U16(ifd) is not { } count)
            {
                return null;
            }

            for (var i = 0; i < count; i++)
            {
                long entry = ifd + 2L + (12L * i);
                if (entry + 12 > tiff.Length)
                {
                    return null;
                }

                if (U16(entry) == tag)
                {
                    return entry;
                }
            }

            return null;
        }

        public uint? Long(long entry) => U16(entry + 2) == TypeLong && U32(entry + 4) >= 1 ? U32(entry + 8) : null;

        public string? Ascii(long entry)
        {
            if (U16(entry + 2) != TypeAscii || U32(entry + 4) is not { } count || count == 0 || count > 256)
            {
                return null;
            }

            long at = count <= 4 ? entry + 8 : U32(entry + 8) ?? long.MaxValue;
            if (at + count > tiff.Length)
            {
                return null;
            }

            var bytes = tiff.Slice((int)at, (int)count);
            var nul = bytes.IndexOf((byte)0);
            return Encoding.ASCII.GetString(nul >= 0 ? bytes[..nul] : bytes);
        }

        public double[]? Rationals(long entry, int wanted)
        {
            if (U16(entry + 2) != TypeRational || U32(entry + 4) is not { } count || count < wanted || U32(entry + 8) is not { } at)
            {
                return null;
            }

            var values = new double[wanted];
            for (var i = 0; i < wanted; i++)
            {
                if (U32(at + (8L * i)) is not { } numerator || U32(at + (8L * i) + 4) is not { } denominator || denominator == 0)
                {
                    return null;
                }

                values[i] = (double)numerator / denominator;
            }

            return values;
        }
    }
}
