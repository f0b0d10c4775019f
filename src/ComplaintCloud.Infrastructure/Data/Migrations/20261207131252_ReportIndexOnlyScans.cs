using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexOnlyScans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The report's two joins read these indexes alone instead of every task and clock row of the tenant
            // (issue 17.5). Raw SQL like ix_complaints_report, which they join with; a department is at most 500
            // characters, so an index row stays within its third of a page.
            migrationBuilder.Sql("""
                CREATE INDEX ix_complaint_tasks_report ON complaint_tasks (tenant_id, complaint_id, plan_revision) INCLUDE (department);
                CREATE INDEX ix_sla_clocks_report ON sla_clocks (tenant_id, complaint_id) INCLUDE (kind, state);
                """);

            // Few complaints have an analysis report or a measured first response: the report's statements over them
            // read these partial indexes rather than every complaint of the period. The customer's tier is an owned
            // type's column, which the model cannot index.
            migrationBuilder.Sql("""
                CREATE INDEX ix_complaints_analysis_reports ON complaints (tenant_id, received_at) WHERE analysis_report IS NOT NULL;
                CREATE INDEX ix_complaints_first_responses ON complaints (tenant_id, received_at)
                  INCLUDE (channel, customer_tier, first_response_seconds) WHERE first_response_seconds IS NOT NULL;
                """);

            // Root causes are free text up to 2,000 characters a why, too wide for an index row: the report groups them
            // by this digest of the deepest why, read from a partial index, and reads the text of the few top ones only.
            // Raw SQL, not a model property, so that EF does not read it back after every write of a complaint.
            // Adding a stored column rewrites the table once.
            migrationBuilder.Sql("""
                ALTER TABLE complaints
                  ADD COLUMN root_cause_digest uuid GENERATED ALWAYS AS (md5(root_cause[cardinality(root_cause)])::uuid) STORED;
                CREATE INDEX ix_complaints_root_causes ON complaints (tenant_id, received_at) INCLUDE (root_cause_digest)
                  WHERE cardinality(root_cause) > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_complaints_root_causes;
                ALTER TABLE complaints DROP COLUMN root_cause_digest;
                DROP INDEX ix_complaints_first_responses;
                DROP INDEX ix_complaints_analysis_reports;
                DROP INDEX ix_sla_clocks_report;
                DROP INDEX ix_complaint_tasks_report;
                """);
        }
    }
}
