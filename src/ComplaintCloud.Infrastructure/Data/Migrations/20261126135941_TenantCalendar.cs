using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenantCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "calendar_settings",
                table: "tenants",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "calendar_settings",
                table: "tenants");
        }
    }
}
