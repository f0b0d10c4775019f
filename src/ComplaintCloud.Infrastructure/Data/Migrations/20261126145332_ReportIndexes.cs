using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One ALTER for the six generated columns: each ALTER TABLE that adds a stored column rewrites the table.
            migrationBuilder.Sql("""
                ALTER TABLE complaints
                  ADD COLUMN callback_overall integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'overall')::int) STORED,
                  ADD COLUMN callback_attitude integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'attitude')::int) STORED,
                  ADD COLUMN callback_speed integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'speed')::int) STORED,
                  ADD COLUMN callback_professionalism integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'professionalism')::int) STORED,
                  ADD COLUMN callback_outcome integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'outcome')::int) STORED,
                  ADD COLUMN handler_count integer NOT NULL GENERATED ALWAYS AS (cardinality(handler_ids)) STORED;
                """);

            // Raw SQL: the grade is an owned type and the generated columns are shadow properties, so the model cannot
            // index them together with the complaint's own columns.
            // The report's period scans: every column its summary, department and SLA statements read, so that they
            // read the index alone. Only columns of bounded width: an index row must fit a third of a page.
            migrationBuilder.Sql("""
                CREATE INDEX ix_complaints_report
                  ON complaints (tenant_id, received_at)
                  INCLUDE (id, plan_revision, grade_code, kind, category, channel, status, resolved_at, reopen_count, handler_count,
                           duplicate_of_id, callback_overall, callback_attitude, callback_speed, callback_professionalism, callback_outcome);
                """);

            // The report's typical cases, highest grade first, then oldest: the first rows of a period in this order.
            migrationBuilder.Sql("""
                CREATE INDEX ix_complaints_tenant_id_grade_rank_received_at_number
                  ON complaints (tenant_id, grade_rank DESC NULLS LAST, received_at, number);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_complaints_tenant_id_grade_rank_received_at_number;");
            migrationBuilder.Sql("DROP INDEX ix_complaints_report;");

            migrationBuilder.DropColumn(
                name: "callback_attitude",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "callback_outcome",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "callback_overall",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "callback_professionalism",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "callback_speed",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "handler_count",
                table: "complaints");
        }
    }
}
