namespace SituationRoom.Web.Data;

/// <summary>An agency of the city government (Organisasi Perangkat Daerah). Its code is its identity in URLs and feeds.</summary>
public sealed class Opd
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string ShortName { get; set; }

    /// <summary>Dinas, Badan, Sekretariat, Satuan, Inspektorat, RSUD, BUMD.</summary>
    public required string Kind { get; set; }
}
