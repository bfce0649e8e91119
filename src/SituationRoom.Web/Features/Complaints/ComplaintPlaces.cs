using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>Checks a kecamatan and kelurahan given by a sender or an operator against the city's reference list.</summary>
public static class ComplaintPlaces
{
    /// <returns>The fields at fault ("kecamatanCode", "kelurahanCode") with a bilingual message; empty when the place is fine.</returns>
    public static Dictionary<string, string[]> Check(string? kecamatanCode, string? kelurahanCode)
    {
        var errors = new Dictionary<string, string[]>();
        if (kecamatanCode is not null && SemarangReference.Kecamatan.All(k => k.Code != kecamatanCode))
        {
            errors["kecamatanCode"] = ["Kode kecamatan tidak dikenal. / Unknown kecamatan code."];
        }

        var kelurahan = kelurahanCode is null ? null : SemarangReference.Kelurahan.FirstOrDefault(k => k.Code == kelurahanCode);
        if (kelurahanCode is not null && kelurahan is null)
        {
            errors["kelurahanCode"] = ["Kode kelurahan tidak dikenal. / Unknown kelurahan code."];
        }
        else if (kelurahan is not null && kecamatanCode is not null && kelurahan.KecamatanCode != kecamatanCode)
        {
            errors["kelurahanCode"] = ["Kelurahan ini tidak berada di kecamatan tersebut. / This kelurahan is not in that kecamatan."];
        }

        return errors;
    }
}
