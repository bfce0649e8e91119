namespace SituationRoom.Core.Complaints;

/// <summary>How a complaint reached the city. Stored as text.</summary>
public enum ComplaintChannel
{
    Sms,
    Web,
    App,
    WhatsApp,
    SocialMedia,
    CallCentre,
    Open311,
}
