namespace SituationRoom.Web.Features.Complaints;

/// <summary>What an operator picks when routing by hand: the text, category, OPD and place; all optional except where a move needs them.</summary>
public sealed class RouteForm
{
    public string? Text { get; set; }

    public string? CategoryCode { get; set; }

    public string? OpdCode { get; set; }

    public string? KecamatanCode { get; set; }

    public string? KelurahanCode { get; set; }
}
