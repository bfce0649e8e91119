using SituationRoom.Core.Complaints;

namespace SituationRoom.Core.Tests.Complaints;

public class SemarangLandmarksTests
{
    [Fact]
    public void All_HasAtLeastTwentyFiveLandmarks()
    {
        Assert.True(SemarangLandmarks.All.Count >= 25);
    }

    [Fact]
    public void All_EveryLandmark_PointsToAKelurahanOfItsKecamatanInTheReferenceData()
    {
        var kecamatan = SemarangWilayah.Kecamatan.Select(k => k.Code).ToHashSet();
        var kelurahan = SemarangWilayah.Kelurahan.ToDictionary(k => k.Code);
        foreach (var landmark in SemarangLandmarks.All.Concat(SemarangGazetteer.SpellingVariants))
        {
            Assert.Contains(landmark.KecamatanCode, kecamatan);
            if (landmark.KelurahanCode is { } code)
            {
                Assert.True(kelurahan.ContainsKey(code), $"{landmark.Name}: no kelurahan {code}");
                Assert.Equal(landmark.KecamatanCode, kelurahan[code].KecamatanCode);
            }
        }
    }

    [Fact]
    public void All_EveryLandmark_IsFoundByItsOwnName()
    {
        foreach (var landmark in SemarangLandmarks.All)
        {
            var match = SemarangWilayah.Gazetteer.Find($"ada masalah di {landmark.Name} pak");

            Assert.Equal(new PlaceMatch(landmark.KecamatanCode, landmark.KelurahanCode, landmark.Name), match);
        }
    }
}
