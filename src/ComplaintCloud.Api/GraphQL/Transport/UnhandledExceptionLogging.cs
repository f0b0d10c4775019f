using ComplaintCloud.Domain;
using GraphQL;
using GraphQL.DI;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>Logs the exceptions that clients only see as INTERNAL; a <see cref="DomainException"/> is an answer, not a fault.</summary>
internal sealed partial class UnhandledExceptionLogging(ILogger<UnhandledExceptionLogging> logger) : IConfigureExecution
{
    // After the option setters (100), so a handler registered with AddUnhandledExceptionHandler still runs.
    public float SortOrder => 150;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var previous = options.UnhandledExceptionDelegate;
        options.UnhandledExceptionDelegate = context =>
        {
            if (context.OriginalException is not DomainException)
            {
                var path = context.FieldContext is { } field ? string.Join('.', field.Path) : null;
                LogUnhandled(context.OriginalException, context.ExecutionOptions.OperationName, path);
            }

            return previous(context);
        };
        return next(options);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL operation {OperationName} failed at {Path}")]
    private partial void LogUnhandled(Exception exception, string? operationName, string? path);
}
