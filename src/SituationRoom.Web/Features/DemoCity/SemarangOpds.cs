using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.DemoCity;

/// <summary>Kota Semarang's agencies as the demo city registers them. Codes are ours; names are the agencies' own.</summary>
public static class SemarangOpds
{
    public static IReadOnlyList<Opd> All { get; } =
    [
        Opd("SETDA", "Sekretariat Daerah", "Setda", "Sekretariat"),
        Opd("SETWAN", "Sekretariat DPRD", "Setwan", "Sekretariat"),
        Opd("INSPEKTORAT", "Inspektorat", "Inspektorat", "Inspektorat"),
        Opd("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Bappeda", "Badan"),
        Opd("BAPENDA", "Badan Pendapatan Daerah", "Bapenda", "Badan"),
        Opd("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "Badan"),
        Opd("BKPP", "Badan Kepegawaian, Pendidikan dan Pelatihan", "BKPP", "Badan"),
        Opd("BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD", "Badan"),
        Opd("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "Badan"),
        Opd("BRIDA", "Badan Riset dan Inovasi Daerah", "Brida", "Badan"),
        Opd("DISDIK", "Dinas Pendidikan", "Disdik", "Dinas"),
        Opd("DINKES", "Dinas Kesehatan", "Dinkes", "Dinas"),
        Opd("DPU", "Dinas Pekerjaan Umum", "DPU", "Dinas"),
        Opd("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "Dinas"),
        Opd("DISTARU", "Dinas Penataan Ruang", "Distaru", "Dinas"),
        Opd("SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP", "Satuan"),
        Opd("DAMKAR", "Dinas Pemadam Kebakaran", "Damkar", "Dinas"),
        Opd("DINSOS", "Dinas Sosial", "Dinsos", "Dinas"),
        Opd("DISNAKER", "Dinas Tenaga Kerja", "Disnaker", "Dinas"),
        Opd("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "Dinas"),
        Opd("DISHANPAN", "Dinas Ketahanan Pangan", "Dishanpan", "Dinas"),
        Opd("DLH", "Dinas Lingkungan Hidup", "DLH", "Dinas"),
        Opd("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Dinas"),
        Opd("DP2KB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "DP2KB", "Dinas"),
        Opd("DISHUB", "Dinas Perhubungan", "Dishub", "Dinas"),
        Opd("DISKOMINFO", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfo", "Dinas"),
        Opd("DINKOPUM", "Dinas Koperasi dan Usaha Mikro", "Dinkop UM", "Dinas"),
        Opd("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "Dinas"),
        Opd("DISPORA", "Dinas Kepemudaan dan Olahraga", "Dispora", "Dinas"),
        Opd("DISBUDPAR", "Dinas Kebudayaan dan Pariwisata", "Disbudpar", "Dinas"),
        Opd("DISARPUS", "Dinas Arsip dan Perpustakaan", "Disarpus", "Dinas"),
        Opd("DISTAN", "Dinas Pertanian", "Distan", "Dinas"),
        Opd("DISDAG", "Dinas Perdagangan", "Disdag", "Dinas"),
        Opd("DISPERIN", "Dinas Perindustrian", "Disperin", "Dinas"),
        Opd("DISKAN", "Dinas Perikanan", "Diskan", "Dinas"),
        Opd("RSUD", "RSUD K.R.M.T. Wongsonegoro", "RSUD Wongsonegoro", "RSUD"),
        Opd("PDAM", "Perumda Air Minum Tirta Moedal", "PDAM Tirta Moedal", "BUMD"),
        Opd("TRANSSMG", "BLU UPTD Trans Semarang", "Trans Semarang", "BLU"),
    ];

    private static Opd Opd(string code, string name, string shortName, string kind) =>
        new() { Code = code, Name = name, ShortName = shortName, Kind = kind };
}
