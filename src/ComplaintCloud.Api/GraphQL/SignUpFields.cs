using ComplaintCloud.Api.Security;
using ComplaintCloud.Application.Tenants;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>What the sign-up form asks before a company has an account.</summary>
public static class SignUpFields
{
    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<SlugAvailabilityType>>("slugAvailability")
            .Description("Whether signUp would take this slug now, and why not; no sign-in needed. At most RateLimits:SlugChecksPerHour per client address, then RATE_LIMITED.")
            .Argument<NonNullGraphType<StringGraphType>>("slug")
            .ResolveAsync(async c =>
            {
                c.Service<PublicPageLimits>().TakeSlugCheck(c.Service<IHttpContextAccessor>().HttpContext!);
                return await c.Service<SlugAvailabilityCheck>().CheckAsync(c.GetArgument<string>("slug"), c.CancellationToken);
            });
    }
}

public sealed class SlugAvailabilityType : ObjectGraphType<SlugAvailability>
{
    public SlugAvailabilityType()
    {
        Name = "SlugAvailability";
        Field<NonNullGraphType<StringGraphType>>("slug").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<BooleanGraphType>>("available").Resolve(c => c.Source.Available);
        Field<StringGraphType>("reason").Description("Why not: the slug's form, a reserved word, or taken.").Resolve(c => c.Source.Reason);
    }
}
