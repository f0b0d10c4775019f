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
            // One ALTER for the five generated columns: each ALTER TABLE that adds a stored column rewrites the table.
            migrationBuilder.Sql("""
                ALTER TABLE complaints
                  ADD COLUMN callback_overall integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'overall')::int) STORED,
                  ADD COLUMN callback_attitude integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'attitude')::int) STORED,
                  ADD COLUMN callback_speed integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'speed')::int) STORED,
                  ADD COLUMN callback_professionalism integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'professionalism')::int) STORED,
                  ADD COLUMN callback_outcome integer GENERATED ALWAYS AS ((last_callback->'satisfaction'->>'outcome')::int) STORED;
                """);

            // Raw SQL: the grade is an owned type, so the model cannot index it together with the complaint's columns.
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
        }
    }
}
