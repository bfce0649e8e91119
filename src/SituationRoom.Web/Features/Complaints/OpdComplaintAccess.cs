using System.Security.Claims;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Who may work an OPD's complaint queue. REVIEW: everyone may until the access feature lands; the integrator puts the
/// check "this officer belongs to this OPD (or is city staff)" here, and the queue page, its only caller, refuses the rest.
/// Each move is also bound to the OPD of the queue it was made from (ComplaintMove.ExpectedOpdCode).
/// </summary>
public static class OpdComplaintAccess
{
    public static bool MayWork(ClaimsPrincipal officer, string opdCode) => officer is not null && opdCode.Length > 0;
}
