using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class LaporSmsTests
{
    private const string Complaint = "complaint";
    private const string Reopen = "reopen";

    // Columns: text, outcome ("complaint", "reopen" or the reason code), category, kecamatan code.
    // For category and kecamatan, null means "not asserted" and "-" means "none expected".
    // For "reopen" rows the last two columns are the ticket and the reason the citizen gave.
    public static TheoryData<string, string, string?, string?> Messages => new()
    {
        { "LaporHendi jalan berlubang di Jl. Fatmawati depan Indomaret, Pedurungan", Complaint, "jalan", "33.74.06" },
        { "laporhendi sampah menumpuk di TPS Pasar Karangayu sudah 3 hari", Complaint, "sampah", "33.74.13" },
        { "LAPORHENDI: banjir rob setinggi lutut di Kemijen, pompa tidak jalan", Complaint, "drainase", "33.74.03" },
        { "#LaporHendi lampu PJU mati sepanjang jalan Srondol Kulon, peteng banget", Complaint, "pju", "33.74.11" },
        { "Lapor Hendi parkir liar di depan Stasiun Poncol bikin macet", Complaint, "lalu-lintas", "33.74.02" },
        { "LaporHendi  air PDAM mati 2 hari di Perum Bukit Kencana Jaya, Meteseh", Complaint, "air-bersih", "33.74.10" },
        { "LaporHendi PKL berjualan di trotoar Simpang Lima, pejalan kaki turun ke jalan", Complaint, "ketertiban", "33.74.07" },
        { "LaporHendi dalane rusak parah nang Gunung Pati, akeh jeglongan", Complaint, "jalan", "33.74.12" },
        { "laporhendi uwuh numpuk ning pinggir kali Banjir Kanal, mambu", Complaint, "sampah", null },
        { "LaporHendi, Pak. Wonten wit ambruk nutup dalan ing Jatingaleh", Complaint, "bencana", "33.74.08" },
        { "Selamat pagi Pak, LaporHendi tanah longsor di belakang rumah RT 05 RW 02 Kel. Sadeng", Complaint, "bencana", "33.74.12" },
        { "Pak, #laporhendi Puskesmas Ngaliyan antrian panjang, dokter belum datang jam 9", Complaint, "kesehatan", "33.74.15" },
        { "LaporHendi ktp elektronik saya belum jadi sudah 3 bulan, blangko habis kata petugas kecamatan Genuk", Complaint, "adminduk", "33.74.05" },
        { "LaporHendi anak saya tidak diterima PPDB zonasi padahal rumah dekat SDN Sendangmulyo", Complaint, "pendidikan", "33.74.10" },
        { "LaporHendi nenek di Bangetayu Wetan belum pernah dapat bansos PKH", Complaint, "sosial", "33.74.05" },
        { "LaporHendi tetangga bangun rumah 3 lantai tanpa PBG di Tlogosari Kulon", Complaint, "perizinan", "33.74.06" },
        { "LaporHendi taman di Tembalang rumputnya tinggi tidak terawat", Complaint, "taman", "33.74.10" },
        { "LaporHendi got depan rumah mampet, kalau hujan banjir. Jl. Bulusan Raya", Complaint, "drainase", "33.74.10" },
        { "LaporHendi lampu merah perempatan Kalibanteng mati, semrawut", Complaint, "lalu-lintas", null },
        { "laporhendi rob masuk rumah warga Tambak Lorok lagi", Complaint, "drainase", "33.74.02" },
        { "LaporHendi jalan ambles di Jl. Setiabudi dekat Vihara Watugong", Complaint, "jalan", "33.74.11" },
        { "Laporhendi: Ada ODGJ mengamuk di sekitar Pasar Johar, mohon ditangani", Complaint, "sosial", "33.74.01" },
        { "LaporHendi\U0001F621\U0001F621 sampah di kali belakang Pasar Johar belum diangkut", Complaint, "sampah", "33.74.01" },
        { "LaporHendi\U0001F64F mohon fogging, banyak kasus DBD di RW 7 Kelurahan Jomblang", Complaint, "kesehatan", "33.74.08" },
        { "LaporHendi air pdam keruh kaya kopi susu di Perumnas Banyumanik\n\nSent from my iPhone", Complaint, "air-bersih", "33.74.11" },
        { "LaporHendi pohon tumbang menutup jalan di Jl. Pahlawan -- dikirim dari HP Samsung", Complaint, "bencana", "-" },
        { "LaporHendi KK saya salah nama, sudah ke kelurahan Gajahmungkur tapi disuruh ke Dukcapil", Complaint, "adminduk", "33.74.09" },
        { "LaporHendijalan rusak di Sampangan", Complaint, "jalan", "33.74.09" },
        { "Jalan rusak di Krobokan, motor sering jatuh #LaporHendi", Complaint, "jalan", "33.74.13" },
        { "lapor  hendi , lampune mati nang gang 3 Kel. Bugangan", Complaint, "pju", "33.74.03" },
        { "Lapor.Hendi lampu taman di Taman Menteri Supeno mati", Complaint, "pju", null },
        { "Assalamualaikum wr wb, LaporHendi jalan Kedungmundu bergelombang membahayakan pengendara", Complaint, "jalan", "33.74.10" },
        { "Nuwun sewu Pak Hendi, LaporHendi banyu PDAM ra mili wis 3 dina ning Sambiroto", Complaint, "air-bersih", "33.74.10" },
        { "Lapor Hendi\nJalan di depan SDN Pudakpayung 02 berlubang dalam, sudah ada yang jatuh.\nTerima kasih, Budi", Complaint, "jalan", "33.74.11" },
        { "LaporHendi macet total tiap sore di bundaran Kalibanteng arah Bandara", Complaint, "lalu-lintas", "33.74.13" },
        { "LaporHendi test", Complaint, "-", "-" },
        { "LaporHendi <script>alert(1)</script>", Complaint, "-", "-" },
        { "LaporHendi =HYPERLINK(\"http://contoh.id\",\"klik\")", Complaint, "-", "-" },
        { "LaporHendi", SmsParseReason.KeywordOnly, null, null },
        { "  #LaporHendi  ", SmsParseReason.KeywordOnly, null, null },
        { "LAPORHENDI: \U0001F64F\U0001F64F", SmsParseReason.KeywordOnly, null, null },
        { "LaporHendi\n-- \nBudi", SmsParseReason.KeywordOnly, null, null },
        { "", SmsParseReason.Empty, null, null },
        { "   \r\n ", SmsParseReason.Empty, null, null },
        { "\u200B", SmsParseReason.Empty, null, null },
        { "Selamat siang, saya mau tanya jadwal pengambilan KTP", SmsParseReason.NoKeyword, null, null },
        { "Pak tolong jalan di Pedurungan rusak", SmsParseReason.NoKeyword, null, null },
        { "Hendi lapor jalan rusak", SmsParseReason.NoKeyword, null, null },
        { "Laporan jalan rusak di Genuk", SmsParseReason.NoKeyword, null, null },
        { "REG LAPORHENDI", SmsParseReason.NoKeyword, null, null },
        { "PROMO! Paket internet 10GB cuma 10rb. Hub *123#", SmsParseReason.NoKeyword, null, null },
        { "LaporHendy jalan rusak", SmsParseReason.NoKeyword, null, null },
        { "\U0001F44D", SmsParseReason.NoKeyword, null, null },
        { "LaporHendi BUKA LH-2026-000123 lubang ambles lagi setelah hujan", Reopen, "LH-2026-000123", "lubang ambles lagi setelah hujan" },
        { "laporhendi buka lh-2026-123 masih bocor", Reopen, "LH-2026-000123", "masih bocor" },
        { "LAPORHENDI: BUKA KEMBALI LH-2026-000045. Belum diperbaiki sama sekali", Reopen, "LH-2026-000045", "Belum diperbaiki sama sekali" },
        { "Pak, LaporHendi buka LH-2026-000007: lampune mati maneh", Reopen, "LH-2026-000007", "lampune mati maneh" },
        { "LaporHendi BUKA LH-2026-000123", Reopen, "LH-2026-000123", "" },
        { "LaporHendi buka-LH-2026-000009 sampah belum diangkut\n\nSent from my iPhone", Reopen, "LH-2026-000009", "sampah belum diangkut" },
        { "LaporHendi buka jalan ditutup warga tanpa izin di Jl. Pandanaran", Complaint, null, null },
        { "LaporHendi BUKA LH-20-1 lampu mati", Complaint, null, null },
        { "LaporHendi bukalapak penipuan", Complaint, null, null },
        { "BUKA LH-2026-000123 belum selesai", SmsParseReason.NoKeyword, null, null },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_RealLookingMessage_GivesExpectedOutcomeAndRoute(string text, string outcome, string? category, string? kecamatan)
    {
        var parse = LaporSms.Parse(text, LaporSmsOptions.Default);

        Assert.Equal(outcome == Complaint, parse.IsComplaint);
        Assert.Equal(outcome == Reopen, parse.IsReopen);
        if (parse.IsReopen)
        {
            Assert.Equal(category, parse.ReopenTicket);
            Assert.Equal(kecamatan, parse.Body);
            Assert.Null(parse.Reason);
            return;
        }

        if (!parse.IsComplaint)
        {
            Assert.Equal(outcome, parse.Reason);
            Assert.Null(parse.Body);
            return;
        }

        Assert.Null(parse.Reason);
        Assert.False(string.IsNullOrWhiteSpace(parse.Body));
        var route = ComplaintRouter.Route(parse.Body!, SemarangWilayah.Gazetteer, CategoryRules.Default, ComplaintCategories.Default);
        if (category is not null)
        {
            Assert.Equal(category == "-" ? null : category, route.CategoryCode);
        }

        if (kecamatan is not null)
        {
            Assert.Equal(kecamatan == "-" ? null : kecamatan, route.Place?.KecamatanCode);
        }
    }

    [Fact]
    public void Messages_Table_HasAtLeastFortyRows()
    {
        Assert.True(Messages.Count() >= 40);
    }

    [Theory]
    [InlineData("LaporHendi jalan rusak", "jalan rusak")]
    [InlineData("LAPORHENDI:jalan rusak", "jalan rusak")]
    [InlineData("Lapor Hendi  -  jalan rusak", "jalan rusak")]
    [InlineData("lapor-hendi: jalan rusak", "jalan rusak")]
    [InlineData("LaporHendijalan rusak", "jalan rusak")]
    [InlineData("LaporHendi LaporHendi jalan rusak", "jalan rusak")]
    [InlineData("#LaporHendi!!! jalan rusak \U0001F621", "jalan rusak \U0001F621")]
    [InlineData("Pak, LaporHendi jalan rusak", "jalan rusak")]
    [InlineData("Selamat malam min. LaporHendi jalan rusak", "jalan rusak")]
    [InlineData("  \tLaporHendi   jalan rusak  \n", "jalan rusak")]
    [InlineData("jalan rusak #LaporHendi", "jalan rusak")]
    [InlineData("LaporHendi jalan rusak\n--\nBudi\n081234567890", "jalan rusak")]
    [InlineData("LaporHendi jalan rusak -- dikirim dari HP Samsung", "jalan rusak")]
    [InlineData("LaporHendi jalan rusak\nDikirim dari iPhone saya", "jalan rusak")]
    [InlineData("LaporHendi jalan rusak. Sent from my iPhone", "jalan rusak.")]
    [InlineData("LaporHendi jalan rusak. Terima kasih, Budi", "jalan rusak. Terima kasih, Budi")]
    [InlineData("LaporHendi bansos dikirim dari kelurahan tidak sampai", "bansos dikirim dari kelurahan tidak sampai")]
    [InlineData("LaporHendi (Jl. Pemuda) lampu mati", "(Jl. Pemuda) lampu mati")]
    public void Parse_KeywordVariant_ExtractsTrimmedBody(string text, string body)
    {
        var parse = LaporSms.Parse(text, LaporSmsOptions.Default);

        Assert.True(parse.IsComplaint);
        Assert.Equal(body, parse.Body);
    }

    [Fact]
    public void Parse_Null_IsEmpty()
    {
        Assert.Equal(SmsParse.NotComplaint(SmsParseReason.Empty), LaporSms.Parse(null, LaporSmsOptions.Default));
    }

    [Fact]
    public void Parse_ConfiguredShortKeyword_MatchesOnlyAsWholeWord()
    {
        var options = new LaporSmsOptions { Keywords = ["Lapor"] };

        Assert.Equal("jalan rusak", LaporSms.Parse("LAPOR: jalan rusak", options).Body);
        Assert.Equal(SmsParseReason.NoKeyword, LaporSms.Parse("Laporan jalan rusak", options).Reason);
        Assert.Equal(SmsParseReason.NoKeyword, LaporSms.Parse("LaporHendi jalan rusak", options).Reason);
    }

    [Fact]
    public void Parse_SeveralConfiguredKeywords_AcceptsEach()
    {
        var options = new LaporSmsOptions { Keywords = ["LaporHendi", "LaporAgustina"] };

        Assert.Equal("jalan rusak", LaporSms.Parse("lapor agustina jalan rusak", options).Body);
        Assert.Equal("jalan rusak", LaporSms.Parse("LaporHendi jalan rusak", options).Body);
    }

    [Fact]
    public void Parse_ConfiguredReopenKeyword_ReplacesTheDefault()
    {
        var options = new LaporSmsOptions { ReopenKeywords = ["Ulang"] };

        Assert.Equal("LH-2026-000003", LaporSms.Parse("LaporHendi ULANG LH-2026-000003 masih rusak", options).ReopenTicket);
        Assert.True(LaporSms.Parse("LaporHendi BUKA LH-2026-000003 masih rusak", options).IsComplaint);
    }

    [Fact]
    public void Parse_GreetingThenOtherWordsBeforeKeyword_IsNotAComplaint()
    {
        var parse = LaporSms.Parse("Pak saya mau LaporHendi jalan rusak", LaporSmsOptions.Default);

        Assert.Equal(SmsParseReason.NoKeyword, parse.Reason);
    }

    [Fact]
    public void Parse_HtmlLookingBody_IsKeptAsGiven()
    {
        var parse = LaporSms.Parse("LaporHendi <b>jalan</b> & \"got\" =1+1", LaporSmsOptions.Default);

        Assert.Equal("<b>jalan</b> & \"got\" =1+1", parse.Body);
    }
}
