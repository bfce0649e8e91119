namespace SituationRoom.Core.Complaints;

/// <summary>Stable machine codes for messages that are not complaints; stored with the inbox row, so never rename.</summary>
public static class SmsParseReason
{
    public const string Empty = "empty";
    public const string NoKeyword = "no_keyword";
    public const string KeywordOnly = "keyword_only";
}
