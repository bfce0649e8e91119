namespace SituationRoom.Core.Complaints;

public static class OpdCodes
{
    public const string Dpu = "DPU";
    public const string Dlh = "DLH";
    public const string Disperkim = "DISPERKIM";
    public const string Dishub = "DISHUB";
    public const string Pdam = "PDAM";
    public const string SatpolPp = "SATPOLPP";
    public const string Dinkes = "DINKES";
    public const string Disdik = "DISDIK";
    public const string Disdukcapil = "DISDUKCAPIL";
    public const string Bpbd = "BPBD";
    public const string Dpmptsp = "DPMPTSP";
    public const string Dinsos = "DINSOS";
}
