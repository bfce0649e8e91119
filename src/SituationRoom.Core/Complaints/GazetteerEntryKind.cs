namespace SituationRoom.Core.Complaints;

internal enum GazetteerEntryKind
{
    Kecamatan,
    Kelurahan,
    Landmark,
}
