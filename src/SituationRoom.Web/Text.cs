namespace SituationRoom.Web;

/// <summary>Marker for the shared user-facing texts in Resources/Text.resx (Bahasa Indonesia) and Text.en.resx.</summary>
/// <remarks>Edit Resources/texts.tsv and run tools/texts.py; the two .resx files are written from it.</remarks>
public sealed class Text;
