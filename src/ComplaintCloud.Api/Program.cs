using ComplaintCloud.Api.GraphQL;
using ComplaintCloud.Api.GraphQL.Transport;
using ComplaintCloud.Api.Reports;
using ComplaintCloud.Api.Hosting;
using ComplaintCloud.Api.Hosting.Health;
using ComplaintCloud.Api.Security;
using ComplaintCloud.Api.Tenancy;
using ComplaintCloud.Api.Webhooks;
using ComplaintCloud.Application;
using ComplaintCloud.Infrastructure;
using ComplaintCloud.Infrastructure.Plugins.Declarative;
using ComplaintCloud.Infrastructure.Notifications;
using GraphQL;

var builder = WebApplication.CreateBuilder(args).ListenOnDefaultUnlessConfigured().AddComplaintCloudTelemetry();

var connections = await DatabaseStartup.ConnectionsAsync(builder);
var pluginsPath = RepositoryLayout.Resolve(builder.Configuration["Plugins:Path"], "artifacts", "plugins")
    ?? throw new InvalidOperationException("Set Plugins:Path to the folder holding the policy plugins.");
var auth = builder.AddComplaintCloudAuthentication();
var webConsole = WebConsole.Find(builder.Configuration);
builder.Services.AddSingleton(webConsole);

builder.Services.AddHttpContextAccessor();
builder.Services.AddInfrastructure(connections.Runtime, pluginsPath, auth);
builder.AddTestingClock();
builder.Services.AddApplication();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddGraphQL(graphql => graphql
    .AddSchema<ComplaintCloudSchema>()
    .AddGraphTypes(typeof(ComplaintCloudSchema).Assembly)
    .AddSystemTextJson()
    // Resolvers share the request's DbContext, which allows one operation at a time: no parallel query fields.
    .AddExecutionStrategy<GraphQL.Execution.SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
    .AddComplaintCloudTransport()
    .AddAbuseLimits(builder.Configuration, builder.Environment));
builder.Services.AddComplaintCloudRateLimits(builder.Configuration);
builder.Services.AddComplaintCloudHealthChecks();
builder.Services.AddHostedService<NativeMemoryTrimmer>();

var app = builder.Build();
await DatabaseStartup.PrepareAsync(app);

app.UseWebSockets();
webConsole.UseFiles(app);
app.UseMiddleware<RequestConnectionMiddleware>();
app.UseMiddleware<TenantResolutionMiddleware>();
app.UseRateLimiter();
app.UseMiddleware<GraphQLWebSocketEndpoint>();
app.MapGraphQL();
app.MapStripeWebhook();
app.MapInboundEmail();
app.MapReportExports();
app.MapHealthEndpoints().MapTelemetryEndpoints().MapTestingClock();
app.MapGet("/schemas/custom-policy.schema.json", () => Results.Text(CustomPolicyDocument.SchemaText, "application/schema+json"));

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
