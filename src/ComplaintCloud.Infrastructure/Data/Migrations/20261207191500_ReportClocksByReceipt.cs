using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportClocksByReceipt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each clock carries its complaint's receipt and current grade, so the report counts a period's clocks per kind
            // and grade from one index of sla_clocks, where it joined them with the period's complaints (issue 17.5: the
            // largest statement of a busy month's report). Not model properties: triggers keep them, so every way a clock
            // or a grade is written keeps them right, and EF does not read them back. A receipt never changes; a grade
            // changes rarely (a regrade, a reopen that raises it) and then moves its complaint's few clocks.
            migrationBuilder.Sql("""
                ALTER TABLE sla_clocks ADD COLUMN complaint_received_at timestamp with time zone, ADD COLUMN complaint_grade_code varchar(40);

                CREATE FUNCTION sla_clocks_take_complaint() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  SELECT c.received_at, c.grade_code INTO NEW.complaint_received_at, NEW.complaint_grade_code
                  FROM complaints c WHERE c.id = NEW.complaint_id;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER sla_clocks_of_complaint BEFORE INSERT ON sla_clocks
                  FOR EACH ROW EXECUTE FUNCTION sla_clocks_take_complaint();

                CREATE FUNCTION sla_clocks_follow_grade() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE sla_clocks SET complaint_grade_code = NEW.grade_code WHERE complaint_id = NEW.id;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER sla_clocks_of_grade AFTER UPDATE OF grade_code ON complaints
                  FOR EACH ROW WHEN (NEW.grade_code IS DISTINCT FROM OLD.grade_code) EXECUTE FUNCTION sla_clocks_follow_grade();
                """);

            // The existing clocks. The owner is bound by FORCE ROW LEVEL SECURITY too, so it lifts it for this statement,
            // inside the migration's transaction (start-up applies row-level security again after migrating).
            migrationBuilder.Sql("""
                ALTER TABLE complaints NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE sla_clocks NO FORCE ROW LEVEL SECURITY;
                UPDATE sla_clocks s SET complaint_received_at = c.received_at, complaint_grade_code = c.grade_code
                FROM complaints c WHERE c.id = s.complaint_id;
                ALTER TABLE sla_clocks FORCE ROW LEVEL SECURITY;
                ALTER TABLE complaints FORCE ROW LEVEL SECURITY;
                ALTER TABLE sla_clocks ALTER COLUMN complaint_received_at SET NOT NULL;
                DROP INDEX ix_sla_clocks_report;
                CREATE INDEX ix_sla_clocks_report ON sla_clocks (tenant_id, complaint_received_at) INCLUDE (kind, state, complaint_grade_code);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_sla_clocks_report;
                CREATE INDEX ix_sla_clocks_report ON sla_clocks (tenant_id, complaint_id) INCLUDE (kind, state);
                DROP TRIGGER sla_clocks_of_grade ON complaints;
                DROP FUNCTION sla_clocks_follow_grade();
                DROP TRIGGER sla_clocks_of_complaint ON sla_clocks;
                DROP FUNCTION sla_clocks_take_complaint();
                ALTER TABLE sla_clocks DROP COLUMN complaint_grade_code, DROP COLUMN complaint_received_at;
                """);
        }
    }
}
