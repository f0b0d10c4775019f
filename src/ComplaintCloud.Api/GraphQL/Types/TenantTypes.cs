using System.Text.Json;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Plugins.Abstractions;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

public sealed class TenantType : ObjectGraphType<Tenant>
{
    public TenantType()
    {
        Name = "Tenant";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(c => c.Source.TimeZone);
        Field<TenantPolicyType>("policy").Resolve(c => c.Source.Policy);
        Field<DateTimeGraphType>("policyChosenAt")
            .Description("When an admin last chose the policy (signUp with a policyId, or selectPolicy); null while a company that signed up without one has not.")
            .Resolve(c => c.Source.PolicyChosenAt?.ToDateTimeUtc());
        Field<NonNullGraphType<IntGraphType>>("duplicateWindowDays").Description("How far back intake looks for a repeat complaint.").Resolve(c => c.Source.DuplicateWindowDays);
        Field<NonNullGraphType<IntGraphType>>("retentionYears").Description("Closed complaints are kept at least this long.").Resolve(c => c.Source.RetentionYears);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelStandardType>>>>("channelStandards")
            .Description("First-response standards per channel and tier the report measures against (seed 001's unless set).")
            .Resolve(c => c.Source.ChannelStandardsInUse());
        Field<NonNullGraphType<BusinessCalendarType>>("calendar").Description("The business calendar SLA clocks count in, in timeZone.").Resolve(c => c.Source.CalendarSettingsInUse());
    }
}

public sealed class TenantPolicyType : ObjectGraphType<TenantPolicy>
{
    public TenantPolicyType()
    {
        Name = "TenantPolicy";
        Field<NonNullGraphType<StringGraphType>>("policyId").Resolve(c => c.Source.PolicyId);
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<JsonGraphType>>("settings").Resolve(c => c.Source.Settings);
    }
}

public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = "User";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Resolve(c => c.Source.Roles);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("False once a tenant admin deactivated the user.").Resolve(c => c.Source.IsActive);
        Field<DateTimeGraphType>("deactivatedAt").Resolve(c => c.Source.DeactivatedAt?.ToDateTimeUtc());
    }
}

public sealed class AuthPayloadType : ObjectGraphType<AuthResult>
{
    public AuthPayloadType()
    {
        Name = "AuthPayload";
        Field<NonNullGraphType<StringGraphType>>("token").Description("Send as Authorization: Bearer <token>.").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<TenantType>>("tenant").Resolve(c => c.Source.Tenant);
        Field<NonNullGraphType<UserType>>("user").Resolve(c => c.Source.User);
    }
}

public sealed class PolicyPluginStatusType : EnumerationGraphType
{
    public PolicyPluginStatusType()
    {
        Name = "PolicyPluginStatus";
        Add("LOADED", "LOADED", "Loaded and selectable.");
        Add("REJECTED", "REJECTED", "Found but not used; see rejection.");
    }
}

public sealed class PolicyPluginType : ObjectGraphType<PolicyPlugin>
{
    public PolicyPluginType()
    {
        Name = "PolicyPlugin";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<StringGraphType>("locale", "\"zh\" for Chinese; English otherwise.")
            .Resolve(c => c.Source.Policy?.Descriptor.Name.For(c.GetArgument<string?>("locale")) ?? c.Source.Id);
        Field<NonNullGraphType<PolicyPluginStatusType>>("status").Resolve(c => c.Source.IsLoaded ? "LOADED" : "REJECTED");
        Field<StringGraphType>("rejection").Description("Why no tenant can choose it.").Resolve(c => c.Source.Rejection);
        Field<StringGraphType>("folder")
            .Description("Where this version was found, relative to Plugins:Path, e.g. winery/1.0.0; null for a tenant's custom policy.")
            .Resolve(c => c.Source.Folder);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GradeType>>>>("grades")
            .Resolve(c => c.Source.Policy?.Descriptor.Grades.Select(g => new GradeView(g.Code, g.Name, g.Rank, null)).ToList() ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyRoleType>>>>("roles")
            .Description("The roles the policy names: approvers, escalation targets, penalty holders; what escalateComplaint's toRole and users' roles take.")
            .Resolve(c => c.Source.Policy?.Descriptor.Roles ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicySettingType>>>>("settings")
            .Description("What a tenant may tune in selectPolicy's settings, with defaults and limits.")
            .WithComplexityImpact(1, 4)
            .Resolve(c => c.Source.Policy?.Descriptor.Settings ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GradeTermsType>>>>("gradeTerms")
            .Description("Each grade's clocks and approvers under the default settings, for an ordinary complaint (a calm customer's phone call); other facts may change them.")
            // A policy declares a handful of settings, grades and clocks: the analyzer's default guess would refuse the wizard's query.
            .WithComplexityImpact(1, 4)
            .ResolveAsync(async c => c.Source.IsLoaded ? await c.Service<TenantPolicies>().GradeTermsAsync(c.Source) : []);
        Field<JsonGraphType>("document")
            .Description("A kept version of the tenant's custom policy: its document as uploaded, to reopen in the editor; null for a plugin. Tenant admins only: FORBIDDEN otherwise.")
            .ResolveAsync(async c => await c.Service<PolicyListing>().CustomDocumentAsync(c.Source, c.CancellationToken) is { } document
                ? JsonDocument.Parse(document).RootElement.Clone()
                : (object?)null);
    }
}

public sealed class PolicyRoleType : ObjectGraphType<RoleDescriptor>
{
    public PolicyRoleType()
    {
        Name = "PolicyRole";
        Field<NonNullGraphType<StringGraphType>>("code").Description("e.g. CS_SUPERVISOR.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<StringGraphType>("locale", "\"zh\" for Chinese; English otherwise.")
            .Resolve(c => c.Source.Name.For(c.GetArgument<string?>("locale")));
    }
}
