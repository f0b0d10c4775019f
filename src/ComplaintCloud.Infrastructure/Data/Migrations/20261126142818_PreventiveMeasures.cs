using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PreventiveMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "preventive_measures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    problem_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    problem_key = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    raised_from = table.Column<LocalDate>(type: "date", nullable: false),
                    raised_to = table.Column<LocalDate>(type: "date", nullable: false),
                    measure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    signed_off_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_off_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    signed_off_as = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    done_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    follow_ups = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_preventive_measures", x => x.id);
                    table.ForeignKey(
                        name: "fk_preventive_measures_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_preventive_measures_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "preventive_measure_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_preventive_measure_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_preventive_measure_events_preventive_measures_measure_id",
                        column: x => x.measure_id,
                        principalTable: "preventive_measures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_preventive_measure_events_measure_id_id",
                table: "preventive_measure_events",
                columns: new[] { "measure_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_preventive_measures_owner_id",
                table: "preventive_measures",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_preventive_measures_tenant_id_signed_off_at",
                table: "preventive_measures",
                columns: new[] { "tenant_id", "signed_off_at" });

            // Raw SQL: the measures' audit trail is append-only like complaint_events; the runtime role's grants deny
            // UPDATE and DELETE (RowLevelSecurity), and this trigger refuses them whoever runs them.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER preventive_measure_events_append_only
                    BEFORE UPDATE OR DELETE ON preventive_measure_events
                    FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
                CREATE TRIGGER preventive_measure_events_no_truncate
                    BEFORE TRUNCATE ON preventive_measure_events
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER preventive_measure_events_no_truncate ON preventive_measure_events;
                DROP TRIGGER preventive_measure_events_append_only ON preventive_measure_events;
                DROP FUNCTION audit_trail_append_only();
                """);

            migrationBuilder.DropTable(
                name: "preventive_measure_events");

            migrationBuilder.DropTable(
                name: "preventive_measures");
        }
    }
}
