using System.Globalization;
using System.Text.RegularExpressions;

namespace SituationRoom.Core.Complaints;

/// <summary>
/// The keyword matches ignoring case and spaces, dots or dashes inside it, after noise ("#", emoji) and greeting
/// words only ("Pak, "): other text before it leaves the message for a person, as guessing would file chatter as
/// complaints. A "#LaporHendi" hashtag anywhere also counts. Stripped: a device signature ("-- dikirim dari ...",
/// "Sent from my iPhone", a last line "Dikirim dari HP Samsung"), noise after the keyword, a repeated keyword.
/// Sign-offs such as "Terima kasih, Budi" stay: they are the citizen's words.
/// A reopen keyword right after the keyword followed by a ticket number ("LaporHendi BUKA LH-2026-000123 masih
/// bocor") asks to reopen that ticket; without a valid ticket it is an ordinary complaint ("LaporHendi buka jalan").
/// </summary>
public static partial class LaporSms
{
    // Shorter keywords are prefixes of ordinary words ("lapor" of "laporan"), so only long ones may run into the body.
    private const int MinimumKeywordLengthForGluedBody = 8;
    private const int MaximumGreetingWords = 5;

    private static readonly HashSet<string> GreetingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "pak", "bu", "bpk", "bapak", "ibu", "mas", "mbak", "mba", "kak", "min", "admin", "hendi", "wali", "walikota", "kota",
        "halo", "hallo", "hai", "hi", "yth", "selamat", "pagi", "siang", "sore", "malam", "salam", "permisi",
        "assalamualaikum", "assalamu", "alaikum", "wr", "wb", "punten", "nuwun", "sewu", "sugeng", "enjing", "sonten", "dalu",
    };

    public static SmsParse Parse(string? text, LaporSmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var message = RemoveInvisible(text ?? string.Empty).Trim();
        if (message.Length == 0)
        {
            return SmsParse.NotComplaint(SmsParseReason.Empty);
        }

        message = StripSignature(message).Trim();
        var keywords = options.Keywords
            .Select(Letters)
            .Where(keyword => keyword.Length > 0)
            .Distinct()
            .OrderByDescending(keyword => keyword.Length)
            .ToList();

        string body;
        var bodyStart = FindLeadingKeyword(message, keywords);
        if (bodyStart >= 0)
        {
            body = message[bodyStart..];
        }
        else if (RemoveHashtag(message, keywords) is { } withoutHashtag)
        {
            body = withoutHashtag;
        }
        else
        {
            return SmsParse.NotComplaint(SmsParseReason.NoKeyword);
        }

        body = body.Trim();
        if (bodyStart >= 0 && FindReopen(body, options) is { } reopen)
        {
            return reopen;
        }

        return body.Any(char.IsLetterOrDigit)
            ? SmsParse.Complaint(body)
            : SmsParse.NotComplaint(SmsParseReason.KeywordOnly);
    }

    private static SmsParse? FindReopen(string body, LaporSmsOptions options)
    {
        var reopenKeywords = options.ReopenKeywords
            .Select(Letters)
            .Where(keyword => keyword.Length > 0)
            .Distinct()
            .OrderByDescending(keyword => keyword.Length)
            .ToList();
        var end = MatchAnyKeyword(body, 0, reopenKeywords, allowGluedBody: false);
        if (end < 0)
        {
            return null;
        }

        var start = SkipNoise(body, end);
        var tokenEnd = start;
        while (tokenEnd < body.Length && (char.IsAsciiLetterOrDigit(body[tokenEnd]) || body[tokenEnd] == '-'))
        {
            tokenEnd++;
        }

        if (!TicketNumber.TryParse(body[start..tokenEnd].TrimEnd('-'), out var ticket))
        {
            return null;
        }

        return SmsParse.Reopen(ticket, body[SkipNoise(body, tokenEnd)..].Trim());
    }

    private static int FindLeadingKeyword(string message, List<string> keywords)
    {
        var position = SkipNoise(message, 0);
        for (var greetings = 0; greetings <= MaximumGreetingWords; greetings++)
        {
            var end = MatchAnyKeyword(message, position, keywords);
            if (end >= 0)
            {
                return SkipRepeatedKeywords(message, end, keywords);
            }

            var wordEnd = position;
            while (wordEnd < message.Length && char.IsLetter(message[wordEnd]))
            {
                wordEnd++;
            }

            if (wordEnd == position || !GreetingWords.Contains(message[position..wordEnd]))
            {
                return -1;
            }

            position = SkipNoise(message, wordEnd);
        }

        return -1;
    }

    private static int SkipRepeatedKeywords(string message, int position, List<string> keywords)
    {
        while (true)
        {
            position = SkipNoise(message, position);
            var again = MatchAnyKeyword(message, position, keywords);
            if (again < 0)
            {
                return position;
            }

            position = again;
        }
    }

    private static string? RemoveHashtag(string message, List<string> keywords)
    {
        for (var hash = message.IndexOf('#'); hash >= 0; hash = message.IndexOf('#', hash + 1))
        {
            if (hash > 0 && char.IsLetterOrDigit(message[hash - 1]))
            {
                continue;
            }

            var end = MatchAnyKeyword(message, hash + 1, keywords, allowGluedBody: false);
            if (end >= 0)
            {
                return (message[..hash].TrimEnd() + " " + message[SkipNoise(message, end)..]).Trim();
            }
        }

        return null;
    }

    private static int MatchAnyKeyword(string message, int start, List<string> keywords, bool allowGluedBody = true)
    {
        foreach (var keyword in keywords)
        {
            var end = MatchKeyword(message, start, keyword, allowGluedBody);
            if (end >= 0)
            {
                return end;
            }
        }

        return -1;
    }

    private static int MatchKeyword(string message, int start, string keyword, bool allowGluedBody)
    {
        var i = start;
        var k = 0;
        while (k < keyword.Length)
        {
            if (i >= message.Length)
            {
                return -1;
            }

            var c = message[i];
            if (k > 0 && c is ' ' or '\t' or '-' or '_' or '.')
            {
                i++;
                continue;
            }

            if (char.ToLowerInvariant(c) != keyword[k])
            {
                return -1;
            }

            i++;
            k++;
        }

        var glued = i < message.Length && char.IsLetterOrDigit(message[i]);
        if (glued && (!allowGluedBody || keyword.Length < MinimumKeywordLengthForGluedBody))
        {
            return -1;
        }

        return i;
    }

    private static int SkipNoise(string message, int position)
    {
        while (position < message.Length && IsNoise(message[position]))
        {
            position++;
        }

        return position;
    }

    private static bool IsNoise(char c) =>
        char.IsWhiteSpace(c)
        || c is ':' or ';' or ',' or '.' or '!' or '?' or '-' or '_' or '=' or '>' or '*' or '#' or '@' or '~' or '|' or '/' or '\\' or '"' or '\'' or '\u2013' or '\u2014' or '\u201C' or '\u201D' or '\u2018' or '\u2019'
        || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark or UnicodeCategory.Format;

    private static string StripSignature(string body)
    {
        var stripped = SignatureDelimiter().Replace(body, string.Empty);
        stripped = InlineDeviceSignature().Replace(stripped, string.Empty);
        return LastLineDeviceSignature().Replace(stripped.TrimEnd(), string.Empty);
    }

    private static string RemoveInvisible(string text) =>
        text.Replace("\uFEFF", string.Empty)
            .Replace("\u200B", string.Empty)
            .Replace("\u2060", string.Empty)
            .Replace('\u00A0', ' ');

    private static string Letters(string keyword) =>
        new(keyword.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    [GeneratedRegex(@"^[ \t]*--[ \t]*\r?$.*", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureDelimiter();

    [GeneratedRegex(@"\s*(?:--+|\u2014)\s*(?:dikirim|terkirim|sent)\b[^\n]*\z|\s*\bsent from my\b[^\n]*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineDeviceSignature();

    [GeneratedRegex(@"(?:^|\n)[ \t]*(?:dikirim|terkirim|sent)[ \t]+(?:dari|dr|melalui|via|lewat|from|with)[ \t]+(?:my[ \t]+|hp[ \t]+|ponsel[ \t]+|aplikasi[ \t]+)?(?:iphone|ipad|android|samsung|galaxy|xiaomi|redmi|oppo|vivo|realme|infinix|nokia|hp|ponsel|handphone|smartphone|yahoo|gmail|outlook|perangkat|aplikasi)\b[^\n]*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastLineDeviceSignature();
}
