using Microsoft.AspNetCore.Components;

namespace SituationRoom.Web.Components.Shared;

/// <summary>
/// A wall tile renders only the panel it is given. Panels are immutable and kept by reference while unchanged,
/// so a tile re-renders only when its own part of the situation changed, not on every snapshot.
/// </summary>
public abstract class TileBase<TPanel> : ComponentBase
    where TPanel : class
{
    private TPanel? renderedPanel;
    private bool renderedStale;

    [Parameter, EditorRequired]
    public TPanel Panel { get; set; } = default!;

    /// <summary>The stream behind this tile has been silent past its threshold.</summary>
    [Parameter]
    public bool IsStale { get; set; }

    [Inject]
    protected Microsoft.Extensions.Localization.IStringLocalizer<Text> T { get; set; } = default!;

    protected override void OnInitialized()
    {
        // The first render always happens; remember what it showed so the next snapshot can be compared with it.
        renderedPanel = Panel;
        renderedStale = IsStale;
    }

    protected override bool ShouldRender()
    {
        if (ReferenceEquals(renderedPanel, Panel) && renderedStale == IsStale)
        {
            return false;
        }

        renderedPanel = Panel;
        renderedStale = IsStale;
        return true;
    }
}
