using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintContactKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_key",
                table: "complaints",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tenant_id_contact_key",
                table: "complaints",
                columns: new[] { "tenant_id", "contact_key" },
                filter: "contact_key IS NOT NULL");

            // Earlier complaints get the key SQL can give, trimmed and lower-cased; intake gives new ones E.164. The
            // owner is bound by FORCE ROW LEVEL SECURITY too, so it lifts it for this statement, inside the migration's
            // transaction (start-up applies row-level security again after migrating).
            migrationBuilder.Sql("""
                ALTER TABLE complaints NO FORCE ROW LEVEL SECURITY;
                UPDATE complaints SET contact_key = lower(btrim(customer_contact)) WHERE btrim(customer_contact) <> '';
                ALTER TABLE complaints FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_tenant_id_contact_key",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "contact_key",
                table: "complaints");
        }
    }
}
