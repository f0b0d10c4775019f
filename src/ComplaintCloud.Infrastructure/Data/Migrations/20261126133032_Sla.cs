using System;
using ComplaintCloud.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ComplaintCloud.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "breached_at",
                table: "sla_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Duration>(
                name: "budget",
                table: "sla_clocks",
                type: "interval",
                nullable: false,
                defaultValue: NodaTime.Duration.Zero);

            migrationBuilder.AddColumn<bool>(
                name: "counts_business_time",
                table: "sla_clocks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Instant>(
                name: "met_at",
                table: "sla_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "next_alert_at",
                table: "sla_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "paused_at",
                table: "sla_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Duration>(
                name: "spent",
                table: "sla_clocks",
                type: "interval",
                nullable: false,
                defaultValue: NodaTime.Duration.Zero);

            migrationBuilder.AddColumn<Instant>(
                name: "spent_up_to",
                table: "sla_clocks",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: NodaTime.Instant.FromUnixTimeTicks(0L));

            migrationBuilder.AddColumn<Instant>(
                name: "warned_at",
                table: "sla_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "warning_percent",
                table: "sla_clocks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "clock_alerts",
                columns: table => new
                {
                    clock_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occasion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clock_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clock_alerts", x => new { x.clock_id, x.occasion });
                    table.ForeignKey(
                        name: "fk_clock_alerts_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_clock_alerts_sla_clocks_clock_id",
                        column: x => x.clock_id,
                        principalTable: "sla_clocks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_outbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    topic = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    dedup_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_notification_outbox_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "penalty_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    rule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    occasion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occasion_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_by_department = table.Column<bool>(type: "boolean", nullable: false),
                    up_to_dismissal = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_penalty_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_penalty_entries_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_penalty_entries_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sla_clocks_next_alert_at",
                table: "sla_clocks",
                column: "next_alert_at",
                filter: "next_alert_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sla_clocks_tenant_id_next_alert_at",
                table: "sla_clocks",
                columns: new[] { "tenant_id", "next_alert_at" },
                filter: "next_alert_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_clock_alerts_complaint_id",
                table: "clock_alerts",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_clock_alerts_tenant_id_at",
                table: "clock_alerts",
                columns: new[] { "tenant_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_next_attempt_at",
                table: "notification_outbox",
                column: "next_attempt_at",
                filter: "sent_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_tenant_id_dedup_key",
                table: "notification_outbox",
                columns: new[] { "tenant_id", "dedup_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_penalty_entries_complaint_id",
                table: "penalty_entries",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_penalty_entries_tenant_id_at",
                table: "penalty_entries",
                columns: new[] { "tenant_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_penalty_entries_tenant_id_occasion_key_target",
                table: "penalty_entries",
                columns: new[] { "tenant_id", "occasion_key", "target" },
                unique: true);

            // Clocks started before clocks kept account of their time: wall-clock budget from their plan.
            migrationBuilder.Sql("""
                UPDATE sla_clocks SET budget = due_at - started_at, spent_up_to = started_at, warning_percent = 80,
                    next_alert_at = CASE state WHEN 'Running' THEN least(warn_at, due_at) WHEN 'Warned' THEN due_at END
                """);
            migrationBuilder.Sql(QuartzSchema.CreateTablesSql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.DropTablesSql());

            migrationBuilder.DropTable(
                name: "clock_alerts");

            migrationBuilder.DropTable(
                name: "notification_outbox");

            migrationBuilder.DropTable(
                name: "penalty_entries");

            migrationBuilder.DropIndex(
                name: "ix_sla_clocks_next_alert_at",
                table: "sla_clocks");

            migrationBuilder.DropIndex(
                name: "ix_sla_clocks_tenant_id_next_alert_at",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "breached_at",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "budget",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "counts_business_time",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "met_at",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "next_alert_at",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "paused_at",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "spent",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "spent_up_to",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "warned_at",
                table: "sla_clocks");

            migrationBuilder.DropColumn(
                name: "warning_percent",
                table: "sla_clocks");
        }
    }
}
