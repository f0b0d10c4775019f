namespace ComplaintCloud.Infrastructure.Data.Security;

/// <summary>
/// The two ways into the database: <see cref="Runtime"/> (ConnectionStrings:ComplaintCloud), an ordinary role that
/// row-level security binds, and <see cref="Migrations"/> (ConnectionStrings:ComplaintCloudMigrations), the owner of
/// the schema, used only to migrate and to apply the security rules.
/// </summary>
public sealed record DatabaseConnections(string Runtime, string Migrations);
