using System.Security.Claims;
using SituationRoom.Web.Features.Access;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Who may work an OPD's complaint queue: city staff, and that OPD's own head and staff. The queue page, its only
/// caller, refuses the rest; each move is also bound to the OPD of the queue it was made from
/// (ComplaintMove.ExpectedOpdCode), so a forged event for another OPD's complaint is refused too.
/// </summary>
public static class OpdComplaintAccess
{
    public static bool MayWork(ClaimsPrincipal officer, string opdCode) => OpdAccess.MayAct(officer, opdCode);
}
