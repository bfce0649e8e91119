using SituationRoom.Core.Wilayah;

namespace SituationRoom.Core.Tests.Wilayah;

public sealed class SemarangSchematicTests
{
    private static readonly Dictionary<string, string> Names = File.ReadLines(ReferenceCsv())
        .Skip(1)
        .Select(l => l.Split(','))
        .DistinctBy(p => p[0])
        .ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public void Areas_EveryKecamatanOfTheReference_ExactlyOnce()
    {
        Assert.Equal(16, Names.Count);
        Assert.Equal(Names.Keys.Order(), SemarangSchematic.Areas.Select(a => a.Code).Order());
    }

    [Fact]
    public void Areas_TileTheGridWithoutGapsOrOverlaps()
    {
        var owner = new string?[SemarangSchematic.Columns, SemarangSchematic.Rows];
        foreach (var area in SemarangSchematic.Areas)
        {
            for (var c = area.Column; c < area.Column + area.Columns; c++)
            {
                for (var r = area.Row; r < area.Row + area.Rows; r++)
                {
                    Assert.Null(owner[c, r]);
                    owner[c, r] = area.Code;
                }
            }
        }

        Assert.DoesNotContain(null, owner.Cast<string?>());
    }

    [Fact]
    public void Areas_CoastAlongTheTopWestToEast_UplandsAlongTheBottom()
    {
        var coast = SemarangSchematic.Areas.Where(a => a.Row == 0).OrderBy(a => a.Column).Select(a => Names[a.Code]);
        var south = SemarangSchematic.Areas.Where(a => a.Row + a.Rows == SemarangSchematic.Rows).OrderBy(a => a.Column).Select(a => Names[a.Code]);

        Assert.Equal(["Tugu", "Semarang Barat", "Semarang Utara", "Semarang Timur", "Gayamsari", "Genuk"], coast);
        Assert.Equal(["Mijen", "Gunungpati", "Banyumanik", "Tembalang"], south);
    }

    [Fact]
    public void Weights_OnePositiveWeightPerColumnAndRow()
    {
        Assert.Equal(SemarangSchematic.Columns, SemarangSchematic.ColumnWeights.Count);
        Assert.Equal(SemarangSchematic.Rows, SemarangSchematic.RowWeights.Count);
        Assert.All(SemarangSchematic.ColumnWeights.Concat(SemarangSchematic.RowWeights), w => Assert.True(w > 0));
    }

    private static string ReferenceCsv()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SituationRoom.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "assets", "reference", "semarang-wilayah.csv");
    }
}
