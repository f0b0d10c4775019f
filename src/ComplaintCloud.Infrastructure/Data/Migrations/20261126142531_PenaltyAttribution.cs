using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PenaltyAttribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department",
                table: "penalty_entries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "person_email",
                table: "penalty_entries",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "person_id",
                table: "penalty_entries",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "department",
                table: "penalty_entries");

            migrationBuilder.DropColumn(
                name: "person_email",
                table: "penalty_entries");

            migrationBuilder.DropColumn(
                name: "person_id",
                table: "penalty_entries");
        }
    }
}
