using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Tenants;
using GraphQL;
using GraphQL.Types;
using NodaTime;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>Fields for choosing and tuning a policy beyond selectPolicy.</summary>
internal static class PolicyFields
{
    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<PolicyPluginType>>("uploadCustomPolicy")
            .Description("Keeps a version of the tenant's own declarative policy (id custom; see /schemas/custom-policy.schema.json). Select it with selectPolicy. Tenant admins only.")
            .Argument<NonNullGraphType<UploadCustomPolicyInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UploadCustomPolicyInput>("input");
                return await c.Service<UploadCustomPolicyHandler>().HandleAsync(
                    new UploadCustomPolicyCommand(JsonGraphType.ToJsonText(input.Document)), c.CancellationToken);
            });

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PolicyPreviewType>>("previewPolicy")
            .Description("How a policy, with these settings, would grade and clock a sample complaint on this tenant's calendar. Saves nothing.")
            .Argument<NonNullGraphType<PreviewPolicyInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<PreviewPolicyInput>("input");
                var sample = input.Sample;
                return await c.Service<PreviewPolicyHandler>().HandleAsync(
                    new PreviewPolicyCommand(
                        input.PolicyId,
                        JsonGraphType.ToStringMap(input.Settings, "input.settings"),
                        new PolicySample(
                            sample.Channel,
                            sample.Kind,
                            sample.Category,
                            sample.CustomerTier,
                            sample.AmountInvolved,
                            (sample.Facts ?? new ComplaintFactsInput()).ToIntakeFacts("input.sample.facts"),
                            sample.ReceivedAt is { } at ? Instant.FromDateTimeUtc(at.ToUniversalTime()) : null)),
                    c.CancellationToken);
            });
}
