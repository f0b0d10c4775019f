using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints.Lifecycle;

namespace ComplaintCloud.Api.GraphQL.Types;

/// <summary>Files sent inside a GraphQL input as base64.</summary>
internal static class FileUploads
{
    /// <summary>The file's bytes; BAD_USER_INPUT on <paramref name="field"/> when the text is no base64.</summary>
    public static EvidenceUpload Decode(string? fileName, string? contentType, string base64, string field)
    {
        var content = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64, content, out var length))
        {
            throw new DomainException(ErrorCode.BadUserInput, "The file is not valid base64.", field);
        }

        return new EvidenceUpload(fileName ?? "", contentType ?? "application/octet-stream", content[..length]);
    }
}
