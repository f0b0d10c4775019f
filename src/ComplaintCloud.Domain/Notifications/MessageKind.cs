namespace ComplaintCloud.Domain.Notifications;

/// <summary>Who a kind of message goes to: the customer at the contact they gave, or staff by e-mail.</summary>
public enum Audience
{
    Customer,
    Staff,
}

/// <summary>
/// A kind of message the service sends, named as the outbox topic that carries it, with the placeholders its
/// template may use (optional ones may be empty: a line using an empty one is left out) and the default wording in
/// Chinese and English, from the seeds where they give it.
/// </summary>
public sealed record MessageKind(
    string Code,
    Audience Audience,
    IReadOnlyList<string> Placeholders,
    IReadOnlyList<string> OptionalPlaceholders,
    IReadOnlyDictionary<string, TemplateText> Defaults)
{
    public const string Acknowledgement = "ACKNOWLEDGEMENT";
    public const string UrgentContact = "URGENT_CONTACT";
    public const string PlanOffered = "PLAN_OFFERED";
    public const string ProgressUpdate = "PROGRESS_UPDATE";
    public const string Resolved = "RESOLVED";
    public const string CallbackSurvey = "CALLBACK_SURVEY";
    public const string Escalation = "ESCALATION";
    public const string ApprovalWaiting = "APPROVAL_WAITING";
    public const string ClockWarning = "CLOCK_WARNING";
    public const string ClockBreached = "CLOCK_BREACHED";
    public const string PasswordReset = "PASSWORD_RESET";

    /// <summary>The languages every template exists in; the first is the default.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh", "en"];

    private static readonly string[] AboutComplaint = ["tenantName", "complaintNumber", "category", "customerName"];
    private static readonly string[] ForStaff = ["tenantName", "complaintNumber", "category", "grade", "role"];
    private static readonly string[] AboutClock = [.. ForStaff, "clock", "dueAt", "action"];

    public static readonly IReadOnlyList<MessageKind> All =
    [
        new(Acknowledgement, Audience.Customer, AboutComplaint, [], Wording(
            "已收到您的反馈（{{complaintNumber}}）",
            "尊敬的客户，您反馈的{{category}}问题已记录（编号{{complaintNumber}}），我们将在24小时内联系您处理，感谢您的理解！\n{{tenantName}}",
            "We have received your feedback ({{complaintNumber}})",
            "Dear customer, your feedback about {{category}} is recorded as {{complaintNumber}}; we will contact you within 24 hours. Thank you for your understanding.\n{{tenantName}}")),
        new(UrgentContact, Audience.Customer, [.. AboutComplaint, "contactBy"], [], Wording(
            "您的紧急反馈已受理（{{complaintNumber}}）",
            "尊敬的客户，您反馈的{{category}}问题已作为紧急事项受理（编号{{complaintNumber}}），我们将在{{contactBy}}前与您联系。\n{{tenantName}}",
            "Your urgent feedback is being handled ({{complaintNumber}})",
            "Dear customer, your feedback about {{category}} is being handled as urgent ({{complaintNumber}}); we will contact you by {{contactBy}}.\n{{tenantName}}")),
        new(PlanOffered, Audience.Customer, [.. AboutComplaint, "plan", "responseLink"], ["responseLink"], Wording(
            "关于您的反馈{{complaintNumber}}的处理方案",
            "尊敬的客户，关于您的反馈{{complaintNumber}}，我们的处理方案如下：\n{{plan}}\n请在此确认是否接受：{{responseLink}}\n{{tenantName}}",
            "How we propose to resolve {{complaintNumber}}",
            "Dear customer, this is how we propose to resolve your feedback {{complaintNumber}}:\n{{plan}}\nAccept or decline it here: {{responseLink}}\n{{tenantName}}")),
        new(ProgressUpdate, Audience.Customer, [.. AboutComplaint, "progress"], [], Wording(
            "您的反馈{{complaintNumber}}有新进展",
            "尊敬的客户，您反馈的问题（编号{{complaintNumber}}）有新进展：\n{{progress}}\n{{tenantName}}",
            "News about your feedback {{complaintNumber}}",
            "Dear customer, there is news about your feedback {{complaintNumber}}:\n{{progress}}\n{{tenantName}}")),
        new(Resolved, Audience.Customer, AboutComplaint, [], Wording(
            "您的反馈{{complaintNumber}}已处理完毕",
            "尊敬的客户，您反馈的{{category}}问题（编号{{complaintNumber}}）已处理完毕。我们将回访确认问题是否彻底解决，感谢您的耐心！\n{{tenantName}}",
            "Your feedback {{complaintNumber}} is resolved",
            "Dear customer, your feedback about {{category}} ({{complaintNumber}}) is resolved. We will call you back to make sure it is settled for good. Thank you for your patience.\n{{tenantName}}")),
        new(CallbackSurvey, Audience.Customer, [.. AboutComplaint, "surveyLink"], ["surveyLink"], Wording(
            "请评价我们对{{complaintNumber}}的处理",
            "尊敬的客户，您对我们处理反馈{{complaintNumber}}的结果满意吗？回访时请为处理结果、服务态度、处理效率和专业程度打分（1–5分）。\n在线评价：{{surveyLink}}\n{{tenantName}}",
            "How did we handle {{complaintNumber}}?",
            "Dear customer, are you satisfied with how we handled {{complaintNumber}}? When we call you back, please rate the outcome, our attitude, speed and professionalism from 1 to 5.\nAnswer online: {{surveyLink}}\n{{tenantName}}")),
        new(Escalation, Audience.Staff, [.. ForStaff, "action"], [], Wording(
            "升级：投诉{{complaintNumber}}（{{grade}}）",
            "投诉{{complaintNumber}}（{{category}}，等级{{grade}}）已升级至{{role}}，请立即处理：{{action}}。\n{{tenantName}}",
            "Escalated: complaint {{complaintNumber}} ({{grade}})",
            "Complaint {{complaintNumber}} ({{category}}, grade {{grade}}) is escalated to {{role}}; act now: {{action}}.\n{{tenantName}}")),
        new(ApprovalWaiting, Audience.Staff, ForStaff, [], Wording(
            "待审批：投诉{{complaintNumber}}的处理方案",
            "投诉{{complaintNumber}}（{{category}}，等级{{grade}}）的处理方案等待{{role}}审批。\n{{tenantName}}",
            "Waiting for your approval: the plan for {{complaintNumber}}",
            "The plan for complaint {{complaintNumber}} ({{category}}, grade {{grade}}) is waiting for {{role}} to approve it.\n{{tenantName}}")),
        new(ClockWarning, Audience.Staff, AboutClock, [], Wording(
            "即将超时：投诉{{complaintNumber}}的{{clock}}时限",
            "投诉{{complaintNumber}}（{{category}}，等级{{grade}}）的{{clock}}时限将于{{dueAt}}到期，请{{role}}跟进（{{action}}）。\n{{tenantName}}",
            "Due soon: the {{clock}} limit of complaint {{complaintNumber}}",
            "The {{clock}} limit of complaint {{complaintNumber}} ({{category}}, grade {{grade}}) falls due at {{dueAt}}; {{role}}, please follow up ({{action}}).\n{{tenantName}}")),
        new(ClockBreached, Audience.Staff, AboutClock, [], Wording(
            "已超时：投诉{{complaintNumber}}的{{clock}}时限",
            "投诉{{complaintNumber}}（{{category}}，等级{{grade}}）的{{clock}}时限已于{{dueAt}}超时，请{{role}}立即处理（{{action}}）。\n{{tenantName}}",
            "Breached: the {{clock}} limit of complaint {{complaintNumber}}",
            "The {{clock}} limit of complaint {{complaintNumber}} ({{category}}, grade {{grade}}) was breached at {{dueAt}}; {{role}}, act now ({{action}}).\n{{tenantName}}")),
        new(PasswordReset, Audience.Staff, ["tenantName", "resetLink", "expiresAt"], [], Wording(
            "重置您在{{tenantName}}的密码",
            "请通过以下链接重置密码，链接仅可使用一次，有效期至{{expiresAt}}：\n{{resetLink}}\n如非本人操作，请忽略本邮件。",
            "Reset your {{tenantName}} password",
            "Reset your password with this link; it works once, until {{expiresAt}}:\n{{resetLink}}\nIf you did not ask for it, ignore this message.")),
    ];

    /// <summary>What each placeholder stands for, as a preview shows it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Samples = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["complaintNumber"] = "20261123-PHONE-0001",
        ["category"] = "product/quality",
        ["customerName"] = "Wang",
        ["contactBy"] = "2026-11-23 10:30",
        ["plan"] = "We replace the bottle and refund the delivery fee within 3 working days.",
        ["responseLink"] = "https://desk.example/track/8f3a",
        ["progress"] = "The quality department has found the cause; the replacement ships tomorrow.",
        ["surveyLink"] = "https://desk.example/survey/8f3a",
        ["grade"] = "URGENT",
        ["role"] = "CS_SUPERVISOR",
        ["clock"] = "RESOLVE",
        ["dueAt"] = "2026-11-26 18:00",
        ["action"] = "Notify",
        ["resetLink"] = "https://desk.example/reset/8f3a",
        ["expiresAt"] = "2026-11-23 11:00",
    };

    private static readonly Dictionary<string, MessageKind> ByCode = All.ToDictionary(k => k.Code, StringComparer.Ordinal);

    public static MessageKind? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The kind by code, or BAD_USER_INPUT on <paramref name="field"/>.</summary>
    public static MessageKind Require(string code, string field) =>
        Find(code) ?? throw new DomainException(ErrorCode.BadUserInput, $"'{code}' is no message kind; the kinds are {string.Join(", ", ByCode.Keys)}.", field);

    /// <summary>The language by code, or BAD_USER_INPUT on <paramref name="field"/>.</summary>
    public static string RequireLanguage(string language, string field) =>
        Languages.Contains(language, StringComparer.Ordinal)
            ? language
            : throw new DomainException(ErrorCode.BadUserInput, $"Templates exist in {string.Join(" and ", Languages)}.", field);

    private static Dictionary<string, TemplateText> Wording(string zhSubject, string zhBody, string enSubject, string enBody) => new(StringComparer.Ordinal)
    {
        ["zh"] = new TemplateText(zhSubject, zhBody),
        ["en"] = new TemplateText(enSubject, enBody),
    };
}
