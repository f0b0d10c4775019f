using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintNearestDueAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "nearest_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tenant_id_nearest_due_at_id",
                table: "complaints",
                columns: new[] { "tenant_id", "nearest_due_at", "id" });

            // Earlier complaints get what Complaint.TrackNearestDeadline derives: the earliest due time of a clock
            // running, warned or breached. The owner is bound by FORCE ROW LEVEL SECURITY too, so it lifts it for this
            // statement, inside the migration's transaction (start-up applies row-level security again after migrating).
            migrationBuilder.Sql("""
                ALTER TABLE complaints NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE sla_clocks NO FORCE ROW LEVEL SECURITY;
                UPDATE complaints c SET nearest_due_at = due.at
                FROM (SELECT complaint_id, min(due_at) AS at FROM sla_clocks
                      WHERE state IN ('Running', 'Warned', 'Breached') GROUP BY complaint_id) AS due
                WHERE due.complaint_id = c.id;
                ALTER TABLE sla_clocks FORCE ROW LEVEL SECURITY;
                ALTER TABLE complaints FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_tenant_id_nearest_due_at_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "nearest_due_at",
                table: "complaints");
        }
    }
}
