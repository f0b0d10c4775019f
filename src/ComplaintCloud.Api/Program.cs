using ComplaintCloud.Api.GraphQL;
using ComplaintCloud.Api.GraphQL.Transport;
using ComplaintCloud.Api.Reports;
using ComplaintCloud.Api.Hosting;
using ComplaintCloud.Api.Tenancy;
using ComplaintCloud.Api.Webhooks;
using ComplaintCloud.Application;
using ComplaintCloud.Infrastructure;
using GraphQL;

var builder = WebApplication.CreateBuilder(args);

var connectionString = await DatabaseStartup.ConnectionStringAsync(builder);
var pluginsPath = RepositoryLayout.Resolve(builder.Configuration["Plugins:Path"], "artifacts", "plugins")
    ?? throw new InvalidOperationException("Set Plugins:Path to the folder holding the policy plugins.");
var auth = builder.AddComplaintCloudAuthentication();

builder.Services.AddHttpContextAccessor();
builder.Services.AddInfrastructure(connectionString, pluginsPath, auth);
builder.Services.AddApplication();
builder.Services.AddGraphQL(graphql => graphql
    .AddSchema<ComplaintCloudSchema>()
    .AddGraphTypes(typeof(ComplaintCloudSchema).Assembly)
    .AddSystemTextJson()
    .AddComplaintCloudTransport());

var app = builder.Build();
await DatabaseStartup.PrepareAsync(app);

app.UseMiddleware<TenantResolutionMiddleware>();
app.MapGraphQL();
app.MapStripeWebhook();
app.MapReportExports();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
