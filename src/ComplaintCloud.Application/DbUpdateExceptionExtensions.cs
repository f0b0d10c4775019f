using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintCloud.Application;

internal static class DbUpdateExceptionExtensions
{
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Whether a save lost a race with another transaction on the same rows: the row version check, PostgreSQL choosing
    /// it as a deadlock's victim, or a serialization failure. Nothing of it was written; run again, it can succeed.
    /// </summary>
    public static bool IsLostRace(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
