using System.Globalization;
using System.Text;

namespace SituationRoom.Core.Complaints;

internal static class SearchText
{
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>
    /// Folds old and variant spellings together: "oe" as "u" (Soegijapranata), "dh" as "d" (Bendan Dhuwur),
    /// doubled letters as one (Mugassari). Applied to both sides of a comparison, never shown.
    /// </summary>
    public static string Fold(string lowerLetters)
    {
        var replaced = lowerLetters.Replace("oe", "u").Replace("dh", "d");
        var folded = new StringBuilder(replaced.Length);
        foreach (var c in replaced)
        {
            if (folded.Length == 0 || folded[^1] != c || char.IsDigit(c))
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    public static string Key(string name) => Fold(string.Concat(Words(name)));
}
