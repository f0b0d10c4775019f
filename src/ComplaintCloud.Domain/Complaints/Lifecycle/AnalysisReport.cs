using NodaTime;

namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>
/// Seed 002: once a serious or major complaint is handled, the customer-service centre writes an analysis report — the
/// root cause and the fix — and afterwards audits whether the fix was carried out (事後客服中心製作分析報告並督查整改情況).
/// </summary>
public sealed record AnalysisReport(string Cause, string Fix, Guid WrittenBy, Instant WrittenAt, AnalysisAudit? Audit);

/// <summary>The audit of an analysis report's fix: what was found, and whether the fix took effect.</summary>
public sealed record AnalysisAudit(string Result, bool FixEffective, Guid AuditedBy, Instant AuditedAt);
