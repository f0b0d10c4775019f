using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnSiteChecksPlanReviewsAndAnalysisReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "on_site_checked_at",
                table: "evidence_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "on_site_checked_by",
                table: "evidence_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "on_site_customer_confirmed",
                table: "evidence_items",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "on_site_location",
                table: "evidence_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "analysis_report",
                table: "complaints",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviews",
                table: "complaints",
                type: "jsonb",
                nullable: false,
                // Complaints proposed before reviews existed have none.
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "on_site_checked_at",
                table: "evidence_items");

            migrationBuilder.DropColumn(
                name: "on_site_checked_by",
                table: "evidence_items");

            migrationBuilder.DropColumn(
                name: "on_site_customer_confirmed",
                table: "evidence_items");

            migrationBuilder.DropColumn(
                name: "on_site_location",
                table: "evidence_items");

            migrationBuilder.DropColumn(
                name: "analysis_report",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "reviews",
                table: "complaints");
        }
    }
}
