using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintDuplicateLookupByReceipt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_tenant_id_contact_key",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tenant_id_contact_key_received_at",
                table: "complaints",
                columns: new[] { "tenant_id", "contact_key", "received_at" },
                filter: "contact_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_tenant_id_contact_key_received_at",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tenant_id_contact_key",
                table: "complaints",
                columns: new[] { "tenant_id", "contact_key" },
                filter: "contact_key IS NOT NULL");
        }
    }
}
