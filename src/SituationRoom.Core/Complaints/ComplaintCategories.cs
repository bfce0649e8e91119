namespace SituationRoom.Core.Complaints;

public static class ComplaintCategories
{
    public const string Other = "lainnya";

    public static IReadOnlyList<ComplaintCategory> Default { get; } =
    [
        new("jalan", "Jalan dan jembatan", "Roads and bridges", OpdCodes.Dpu),
        new("sampah", "Sampah dan kebersihan", "Waste and cleanliness", OpdCodes.Dlh),
        new("drainase", "Drainase, banjir dan rob", "Drainage, flooding and tidal flooding", OpdCodes.Dpu),
        new("pju", "Penerangan jalan umum", "Street lights", OpdCodes.Disperkim),
        new("lalu-lintas", "Lalu lintas dan parkir", "Traffic and parking", OpdCodes.Dishub),
        new("air-bersih", "Air bersih", "Water supply", OpdCodes.Pdam),
        new("ketertiban", "Ketertiban umum dan PKL", "Public order and street vendors", OpdCodes.SatpolPp),
        new("kesehatan", "Kesehatan", "Health", OpdCodes.Dinkes),
        new("pendidikan", "Pendidikan", "Education", OpdCodes.Disdik),
        new("adminduk", "Administrasi kependudukan (KTP, KK, akta)", "Civil registration (ID card, family card, certificates)", OpdCodes.Disdukcapil),
        new("bencana", "Bencana (longsor, pohon tumbang, kebakaran)", "Disasters and hazards (landslides, fallen trees, fire)", OpdCodes.Bpbd),
        new("taman", "Taman dan ruang terbuka hijau", "Parks and green space", OpdCodes.Disperkim),
        new("perizinan", "Perizinan (PBG/IMB, izin usaha)", "Permits (building, business)", OpdCodes.Dpmptsp),
        new("sosial", "Bantuan sosial dan kesejahteraan", "Social assistance and welfare", OpdCodes.Dinsos),
        new(Other, "Lainnya", "Other", null),
    ];
}
