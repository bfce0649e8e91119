using System.Security.Claims;
using SituationRoom.Web.Features.Access;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Who may work an OPD's complaints (move them, see the reporter's number): administrators, and that OPD's own head
/// and staff. Leadership and analysts read the queue without its actions. ComplaintTransitions asks it again for each
/// move against the complaint's stored OPD (ComplaintMove.Officer), and each move is bound to the OPD of the queue it
/// was made from (ComplaintMove.ExpectedOpdCode), so a forged event is refused and audited either way.
/// </summary>
public static class OpdComplaintAccess
{
    public static bool MayWork(ClaimsPrincipal officer, string? opdCode) => OpdAccess.MayAct(officer, opdCode);

    /// <summary>
    /// Triage in /complaints/inbox (verify and route or reject a complaint no OPD owns yet, make an unparsed SMS a
    /// complaint or dismiss it): whoever may act on a complaint without an OPD, the same rule ComplaintTransitions
    /// applies to each move. That is administrators: there is no separate role for the city's operators, and
    /// leadership and analysts read everything but act on nothing.
    /// </summary>
    public static bool MayTriage(ClaimsPrincipal officer) => MayWork(officer, opdCode: null);
}
