using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClockRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sla_clocks_complaint_id_kind",
                table: "sla_clocks");

            migrationBuilder.AddColumn<int>(
                name: "round",
                table: "sla_clocks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Instant>(
                name: "stopped_at",
                table: "sla_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sla_clocks_complaint_id_kind_round",
                table: "sla_clocks",
                columns: new[] { "complaint_id", "kind", "round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sla_clocks_complaint_id_kind_round",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "round",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "stopped_at",
                table: "sla_clocks");

            migrationBuilder.CreateIndex(
                name: "ix_sla_clocks_complaint_id_kind",
                table: "sla_clocks",
                columns: new[] { "complaint_id", "kind" },
                unique: true);
        }
    }
}
