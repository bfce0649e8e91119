namespace SituationRoom.Core.Wilayah;

/// <summary>A kecamatan (district) with its Kemendagri code, e.g. 33.74.01 Semarang Tengah.</summary>
public sealed record Kecamatan(string Code, string Name);

/// <summary>A kelurahan (urban village) with its Kemendagri code, e.g. 33.74.01.1001 Miroto.</summary>
public sealed record Kelurahan(string Code, string KecamatanCode, string Name);
