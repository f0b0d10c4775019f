using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenantPolicyChosenAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "policy_chosen_at",
                table: "tenants",
                type: "timestamp with time zone",
                nullable: true);

            // Tenants from before the sign-up wizard chose their policy when they signed up.
            migrationBuilder.Sql("UPDATE tenants SET policy_chosen_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "policy_chosen_at",
                table: "tenants");
        }
    }
}
