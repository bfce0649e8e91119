using System.Buffers.Binary;
using System.Text;
using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

/// <summary>Real (tiny) JPEG files built byte by byte: SOI, APP segments, a TIFF structure in either byte order, then
/// the start of a scan. The reader must find time and place in both orders and never throw on anything else.</summary>
public class JpegExifTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // 6°58'52.428" S, 110°24'36" E: Simpang Lima, Semarang.
    private static readonly (uint D, uint M, uint SecondsMilli) Lat = (6, 58, 52428);
    private static readonly (uint D, uint M, uint SecondsMilli) Lon = (110, 24, 36000);
    private const double LatDegrees = -(6 + (58 / 60.0) + (52.428 / 3600));
    private const double LonDegrees = 110 + (24 / 60.0) + (36.0 / 3600);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_ExifInEitherByteOrder_GivesTimeAndPlace(bool littleEndian)
    {
        var jpeg = Jpeg(Tiff(littleEndian, "2026:11:20 14:03:27", null, ("S", Lat), ("E", Lon)));

        var photo = JpegExif.Read(jpeg);

        Assert.Equal(new DateTime(2026, 11, 20, 14, 3, 27), photo.TakenAtLocal);
        Assert.Null(photo.TakenAtOffset);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 3, 27, Wib), photo.TakenAt(Wib));
        Assert.Equal(LatDegrees, photo.Latitude!.Value, 9);
        Assert.Equal(LonDegrees, photo.Longitude!.Value, 9);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_OffsetTimeOriginal_IsTheZoneOfTheTime(bool littleEndian)
    {
        var photo = JpegExif.Read(Jpeg(Tiff(littleEndian, "2026:11:20 15:03:27", "+08:00", null, null)));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 3, 27, TimeSpan.Zero), photo.TakenAt(Wib));
        Assert.False(photo.HasPlace);
    }

    [Fact]
    public void Read_PlaceButNoTime_GivesThePlaceOnly()
    {
        var photo = JpegExif.Read(Jpeg(Tiff(false, null, null, ("N", (1, 0, 0)), ("W", (2, 30, 0)))));

        Assert.Null(photo.TakenAtLocal);
        Assert.Equal(1, photo.Latitude);
        Assert.Equal(-2.5, photo.Longitude);
    }

    [Fact]
    public void Read_JfifWithoutExif_IsUnknown()
    {
        var jfif = Segment(0xE0, [.. "JFIF\0"u8, 1, 2, 0, 0, 1, 0, 1, 0, 0]);

        Assert.Equal(PhotoMetadata.None, JpegExif.Read(Jpeg(null, jfif)));
    }

    [Fact]
    public void Read_XmpSegmentBeforeTheExifOne_StillFindsTheExif()
    {
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. "<x:xmpmeta/>"u8]);

        var photo = JpegExif.Read(Jpeg(Tiff(true, "2026:11:20 14:03:27", null, null, null), xmp));

        Assert.Equal(new DateTime(2026, 11, 20, 14, 3, 27), photo.TakenAtLocal);
    }

    [Theory]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData("2026:13:40 25:61:00")]
    [InlineData("20 Nov 2026 14:03")]
    [InlineData("")]
    public void Read_MeaninglessDate_LeavesTheTimeUnknown(string date)
    {
        Assert.Null(JpegExif.Read(Jpeg(Tiff(true, date, "+07:00", null, null))).TakenAtLocal);
    }

    [Theory]
    [InlineData("S", 0u, 0u, "E", 0u)]
    [InlineData("", 6u, 58u, "E", 110u)]
    [InlineData("S", 6u, 75u, "E", 110u)]
    [InlineData("S", 95u, 0u, "E", 110u)]
    [InlineData("S", 6u, 58u, "X", 110u)]
    [InlineData("S", 6u, 58u, "E", 200u)]
    public void Read_ImplausibleGps_LeavesThePlaceUnknown(string latRef, uint latDegrees, uint latMinutes, string lonRef, uint lonDegrees)
    {
        var photo = JpegExif.Read(Jpeg(Tiff(true, "2026:11:20 14:03:27", null, (latRef, (latDegrees, latMinutes, 0)), (lonRef, (lonDegrees, 0, 0)))));

        Assert.Null(photo.Latitude);
        Assert.Null(photo.Longitude);
        Assert.NotNull(photo.TakenAtLocal);
    }

    [Fact]
    public void Read_ZeroDenominator_LeavesThePlaceUnknown()
    {
        var tiff = Tiff(true, null, null, ("S", Lat), ("E", Lon));
        var at = IndexOf(tiff, BitConverter.GetBytes(1000u), start: 8);
        tiff[at] = 0;
        tiff[at + 1] = 0;

        Assert.False(JpegExif.Read(Jpeg(tiff)).HasPlace);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x49, 0x49, 0x2A, 0, 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8, 0xFF, 0xFF })]
    public void Read_NotAJpegOrBrokenHeaders_IsUnknown(byte[] bytes)
    {
        Assert.Equal(PhotoMetadata.None, JpegExif.Read(bytes));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_TruncatedAnywhere_NeverThrowsAndNeverInventsAValue(bool littleEndian)
    {
        var jpeg = Jpeg(Tiff(littleEndian, "2026:11:20 14:03:27", "+07:00", ("S", Lat), ("E", Lon)));

        for (var length = 0; length < jpeg.Length; length++)
        {
            var photo = JpegExif.Read(jpeg.AsSpan(0, length));

            Assert.True(photo.TakenAtLocal is null || photo.TakenAtLocal == new DateTime(2026, 11, 20, 14, 3, 27), $"length {length}");
            Assert.True(photo.Latitude is null || Math.Abs(photo.Latitude.Value - LatDegrees) < 1e-9, $"length {length}");
            Assert.Equal(photo.Latitude is null, photo.Longitude is null);
        }

        Assert.Null(JpegExif.Read(jpeg.AsSpan(0, jpeg.Length / 2)).Longitude);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_GarbledBytes_NeverThrows(bool littleEndian)
    {
        var original = Jpeg(Tiff(littleEndian, "2026:11:20 14:03:27", "+07:00", ("S", Lat), ("E", Lon)));
        var random = new Random(1708);

        for (var round = 0; round < 5000; round++)
        {
            var jpeg = (byte[])original.Clone();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                // Keep SOI, so the garbling reaches the EXIF rather than stopping at the first check.
                jpeg[random.Next(2, jpeg.Length)] = (byte)random.Next(256);
            }

            var photo = JpegExif.Read(jpeg);

            Assert.True(photo.Latitude is null or >= -90 and <= 90);
            Assert.True(photo.Longitude is null or >= -180 and <= 180);
        }
    }

    /// <summary>SOI, the given segments, APP1 Exif (when <paramref name="tiff"/> is given), a minimal scan, EOI.</summary>
    internal static byte[] Jpeg(byte[]? tiff, params byte[][] before)
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        foreach (var segment in before)
        {
            bytes.AddRange(segment);
        }

        if (tiff is not null)
        {
            bytes.AddRange(Segment(0xE1, [.. "Exif\0\0"u8, .. tiff]));
        }

        bytes.AddRange(Segment(0xDB, new byte[65]));
        bytes.AddRange(Segment(0xDA, [1, 1, 0, 0, 0x3F, 0]));
        bytes.AddRange(new byte[] { 0x12, 0x34, 0xFF, 0xD9 });
        return [.. bytes];
    }

    internal static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    /// <summary>A TIFF structure as cameras write it: IFD0 pointing to an Exif IFD and a GPS IFD, values after them.</summary>
    internal static byte[] Tiff(
        bool little,
        string? dateTimeOriginal,
        string? offsetTimeOriginal,
        (string Ref, (uint D, uint M, uint SecondsMilli) Dms)? latitude,
        (string Ref, (uint D, uint M, uint SecondsMilli) Dms)? longitude)
    {
        var exif = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>();
        if (dateTimeOriginal is not null)
        {
            exif.Add((0x9003, 2, (uint)dateTimeOriginal.Length + 1, [.. Encoding.ASCII.GetBytes(dateTimeOriginal), 0]));
        }

        if (offsetTimeOriginal is not null)
        {
            exif.Add((0x9011, 2, (uint)offsetTimeOriginal.Length + 1, [.. Encoding.ASCII.GetBytes(offsetTimeOriginal), 0]));
        }

        var gps = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>();
        foreach (var (tag, value) in new[] { ((ushort)1, latitude), ((ushort)3, longitude) })
        {
            if (value is { } v)
            {
                gps.Add((tag, 2, (uint)v.Ref.Length + 1, [.. Encoding.ASCII.GetBytes(v.Ref), 0]));
                gps.Add(((ushort)(tag + 1), 5, 3, [.. U32(v.Dms.D, little), .. U32(1, little), .. U32(v.Dms.M, little), .. U32(1, little), .. U32(v.Dms.SecondsMilli, little), .. U32(1000, little)]));
            }
        }

        static int IfdSize(int entries) => 2 + (12 * entries) + 4;
        var ifd0Entries = (exif.Count > 0 ? 1 : 0) + (gps.Count > 0 ? 1 : 0);
        var exifAt = 8 + IfdSize(ifd0Entries);
        var gpsAt = exifAt + (exif.Count > 0 ? IfdSize(exif.Count) : 0);
        var dataAt = gpsAt + (gps.Count > 0 ? IfdSize(gps.Count) : 0);

        var ifd0 = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>();
        if (exif.Count > 0)
        {
            ifd0.Add((0x8769, 4, 1, U32((uint)exifAt, little)));
        }

        if (gps.Count > 0)
        {
            ifd0.Add((0x8825, 4, 1, U32((uint)gpsAt, little)));
        }

        var head = new List<byte>();
        var data = new List<byte>();
        head.AddRange(little ? "II"u8.ToArray() : "MM"u8.ToArray());
        head.AddRange(U16(42, little));
        head.AddRange(U32(8, little));
        foreach (var ifd in new[] { ifd0, exif, gps }.Where(i => i.Count > 0))
        {
            head.AddRange(U16((ushort)ifd.Count, little));
            foreach (var (tag, type, count, value) in ifd)
            {
                head.AddRange(U16(tag, little));
                head.AddRange(U16(type, little));
                head.AddRange(U32(count, little));
                if (value.Length <= 4)
                {
                    head.AddRange([.. value, .. new byte[4 - value.Length]]);
                }
                else
                {
                    head.AddRange(U32((uint)(dataAt + data.Count), little));
                    data.AddRange(value);
                }
            }

            head.AddRange(U32(0, little));
        }

        return [.. head, .. data];
    }

    private static byte[] U16(ushort value, bool little)
    {
        var bytes = new byte[2];
        if (little)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }

        return bytes;
    }

    private static byte[] U32(uint value, bool little)
    {
        var bytes = new byte[4];
        if (little)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }

        return bytes;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start)
    {
        for (var i = start; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("not found");
    }
}
