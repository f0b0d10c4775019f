using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "duplicate_window_days",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "retention_years",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<string>(
                name: "approvals",
                table: "complaints",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Instant>(
                name: "archived_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "compensation",
                table: "complaints",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "duplicate_of_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "escalated_to_role",
                table: "complaints",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "handler_ids",
                table: "complaints",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<string>(
                name: "last_callback",
                table: "complaints",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "long_term_measures",
                table: "complaints",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "owner_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "plan_revision",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string[]>(
                name: "remedies",
                table: "complaints",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "reopen_count",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Instant>(
                name: "resolved_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "responsibility",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "responsibility_reason",
                table: "complaints",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "root_cause",
                table: "complaints",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "short_term_measures",
                table: "complaints",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "complaint_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_notes_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_revision = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    department = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    last_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_tasks_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    customer_consent = table.Column<bool>(type: "boolean", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    file_size = table.Column<int>(type: "integer", nullable: true),
                    added_by = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_items_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    evidence_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.evidence_item_id);
                    table.ForeignKey(
                        name: "fk_evidence_files_evidence_items_evidence_item_id",
                        column: x => x.evidence_item_id,
                        principalTable: "evidence_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_owner_id",
                table: "complaints",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_notes_complaint_id_at",
                table: "complaint_notes",
                columns: new[] { "complaint_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_tasks_complaint_id_plan_revision",
                table: "complaint_tasks",
                columns: new[] { "complaint_id", "plan_revision" });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_tasks_tenant_id_owner_id",
                table: "complaint_tasks",
                columns: new[] { "tenant_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_items_complaint_id_added_at",
                table: "evidence_items",
                columns: new[] { "complaint_id", "added_at" });

            // Raw SQL (issue 3): the audit trail is append-only. Whatever role the application runs as, an UPDATE or
            // DELETE on complaint_events fails; the grants that deny them are the security work, this is the backstop.
            migrationBuilder.Sql("""
                CREATE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'complaint_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER complaint_events_append_only
                    BEFORE UPDATE OR DELETE ON complaint_events
                    FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only();
                CREATE TRIGGER complaint_events_no_truncate
                    BEFORE TRUNCATE ON complaint_events
                    FOR EACH STATEMENT EXECUTE FUNCTION complaint_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Raw SQL (issue 3): drop the append-only guard of complaint_events.
            migrationBuilder.Sql("""
                DROP TRIGGER complaint_events_no_truncate ON complaint_events;
                DROP TRIGGER complaint_events_append_only ON complaint_events;
                DROP FUNCTION complaint_events_append_only();
                """);

            migrationBuilder.DropTable(
                name: "complaint_notes");

            migrationBuilder.DropTable(
                name: "complaint_tasks");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "evidence_items");

            migrationBuilder.DropIndex(
                name: "ix_complaints_owner_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "duplicate_window_days",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "retention_years",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "approvals",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "archived_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "compensation",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "duplicate_of_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "escalated_to_role",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "handler_ids",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "last_callback",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "long_term_measures",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "owner_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "plan_revision",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "remedies",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "reopen_count",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "responsibility",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "responsibility_reason",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "root_cause",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "short_term_measures",
                table: "complaints");
        }
    }
}
