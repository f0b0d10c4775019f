using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChannelResponseStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "channel_standards",
                table: "tenants",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "first_response_seconds",
                table: "complaints",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "channel_standards",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "first_response_seconds",
                table: "complaints");
        }
    }
}
