using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportPlanDepartments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The departments of each complaint's current plan, once each, with the complaint's receipt: the report counts
            // a period's complaints per department from one index of this table, where it joined the period's complaints
            // with their tasks and made each plan's departments distinct (issue 17.5: 40 % of a busy month's report). Not
            // a model entity: triggers keep it, so every way a plan's tasks are written (the lifecycle, imports, tests'
            // rows) keeps it right, and nothing reads it but the report. A department is at most 500 characters, so an
            // index row stays within its third of a page.
            migrationBuilder.Sql("""
                CREATE TABLE complaint_plan_departments (
                  complaint_id uuid NOT NULL REFERENCES complaints (id) ON DELETE RESTRICT,
                  plan_revision integer NOT NULL,
                  department varchar(500) NOT NULL,
                  tenant_id uuid NOT NULL,
                  received_at timestamp with time zone NOT NULL,
                  PRIMARY KEY (complaint_id, plan_revision, department));
                CREATE INDEX ix_complaint_plan_departments_report ON complaint_plan_departments (tenant_id, received_at) INCLUDE (department);
                """);

            // A plan's tasks are written with it, before or after the complaint's new revision in the same transaction:
            // a task adds its department unless the complaint is already on a later revision, and the new revision
            // removes the earlier revisions' departments (left beside the new ones until then, inside the transaction).
            // A revision without tasks leaves none.
            migrationBuilder.Sql("""
                CREATE FUNCTION complaint_plan_departments_add_task() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO complaint_plan_departments (complaint_id, plan_revision, department, tenant_id, received_at)
                  SELECT NEW.complaint_id, NEW.plan_revision, NEW.department, c.tenant_id, c.received_at
                  FROM complaints c WHERE c.id = NEW.complaint_id AND c.plan_revision <= NEW.plan_revision
                  ON CONFLICT DO NOTHING;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER complaint_plan_departments_of_task AFTER INSERT ON complaint_tasks
                  FOR EACH ROW EXECUTE FUNCTION complaint_plan_departments_add_task();

                CREATE FUNCTION complaint_plan_departments_drop_earlier() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM complaint_plan_departments WHERE complaint_id = NEW.id AND plan_revision < NEW.plan_revision;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER complaint_plan_departments_of_revision AFTER UPDATE OF plan_revision ON complaints
                  FOR EACH ROW WHEN (NEW.plan_revision > OLD.plan_revision) EXECUTE FUNCTION complaint_plan_departments_drop_earlier();
                """);

            // The existing plans' departments. The owner is bound by FORCE ROW LEVEL SECURITY too, so it lifts it for this
            // statement, inside the migration's transaction (start-up applies row-level security again after migrating).
            // The tasks' index served only the report's join.
            migrationBuilder.Sql("""
                ALTER TABLE complaints NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE complaint_tasks NO FORCE ROW LEVEL SECURITY;
                INSERT INTO complaint_plan_departments (complaint_id, plan_revision, department, tenant_id, received_at)
                SELECT DISTINCT t.complaint_id, t.plan_revision, t.department, c.tenant_id, c.received_at
                FROM complaint_tasks t JOIN complaints c ON c.id = t.complaint_id AND c.plan_revision = t.plan_revision;
                ALTER TABLE complaint_tasks FORCE ROW LEVEL SECURITY;
                ALTER TABLE complaints FORCE ROW LEVEL SECURITY;
                DROP INDEX ix_complaint_tasks_report;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_complaint_tasks_report ON complaint_tasks (tenant_id, complaint_id, plan_revision) INCLUDE (department);
                DROP TRIGGER complaint_plan_departments_of_revision ON complaints;
                DROP FUNCTION complaint_plan_departments_drop_earlier();
                DROP TRIGGER complaint_plan_departments_of_task ON complaint_tasks;
                DROP FUNCTION complaint_plan_departments_add_task();
                DROP TABLE complaint_plan_departments;
                """);
        }
    }
}
