using System.Security.Cryptography;
using System.Text;

namespace SituationRoom.Web.Features.Access;

/// <summary>Keys and tokens: 256 random bits, kept only as SHA-256. A slow hash is not needed for secrets this long
/// (there is no dictionary to try), and a fast one keeps the ingestion path cheap at 200 messages a second.</summary>
public static class Secrets
{
    public static string NewKey(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Prefix(string secret) => secret.Length <= 10 ? secret[..Math.Min(4, secret.Length)] : secret[..10];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
