using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requester_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    responder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    responder_country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accept_by = table.Column<DateOnly>(type: "date", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_in_time = table.Column<bool>(type: "boolean", nullable: true),
                    first_replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_days = table.Column<int>(type: "integer", nullable: true),
                    answer_date = table.Column<DateOnly>(type: "date", nullable: true),
                    answered_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    negative_timeliness = table.Column<bool>(type: "boolean", nullable: true),
                    negative_effort = table.Column<bool>(type: "boolean", nullable: true),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    agreed_answer_date = table.Column<DateOnly>(type: "date", nullable: true),
                    waiting_authority_id = table.Column<Guid>(type: "uuid", nullable: true),
                    not_accepted_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    past_answer_date_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    idle_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    urgent_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_facts", x => x.id);
                    table.ForeignKey(
                        name: "fk_exchange_facts_requests_id",
                        column: x => x.id,
                        principalTable: "information_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "performance_by_authority",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    sent = table.Column<long>(type: "bigint", nullable: false),
                    received = table.Column<long>(type: "bigint", nullable: false),
                    accepted_in_time = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    answered = table.Column<long>(type: "bigint", nullable: false),
                    answer_days = table.Column<long>(type: "bigint", nullable: false),
                    answered_with_date = table.Column<long>(type: "bigint", nullable: false),
                    answered_on_time = table.Column<long>(type: "bigint", nullable: false),
                    rated = table.Column<long>(type: "bigint", nullable: false),
                    negative_timeliness = table.Column<long>(type: "bigint", nullable: false),
                    negative_effort = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_by_authority", x => new { x.authority_id, x.area_code, x.month });
                });

            migrationBuilder.CreateTable(
                name: "performance_by_country",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sent = table.Column<long>(type: "bigint", nullable: false),
                    received = table.Column<long>(type: "bigint", nullable: false),
                    accepted_in_time = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    answered = table.Column<long>(type: "bigint", nullable: false),
                    answer_days = table.Column<long>(type: "bigint", nullable: false),
                    answered_with_date = table.Column<long>(type: "bigint", nullable: false),
                    answered_on_time = table.Column<long>(type: "bigint", nullable: false),
                    rated = table.Column<long>(type: "bigint", nullable: false),
                    negative_timeliness = table.Column<long>(type: "bigint", nullable: false),
                    negative_effort = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_by_country", x => new { x.country_code, x.area_code, x.month });
                });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_awaiting_acceptance",
                table: "exchange_facts",
                column: "accept_by",
                filter: "accepted_at IS NULL AND received_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_requester_activity",
                table: "exchange_facts",
                columns: new[] { "requester_id", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_responder_activity",
                table: "exchange_facts",
                columns: new[] { "responder_id", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent",
                table: "exchange_facts",
                column: "urgent_from",
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_requester",
                table: "exchange_facts",
                columns: new[] { "requester_id", "urgent_from" },
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_requester_country",
                table: "exchange_facts",
                columns: new[] { "requester_country", "urgent_from" },
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_responder",
                table: "exchange_facts",
                columns: new[] { "responder_id", "urgent_from" },
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_responder_country",
                table: "exchange_facts",
                columns: new[] { "responder_country", "urgent_from" },
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_performance_by_authority_country_code_month",
                table: "performance_by_authority",
                columns: new[] { "country_code", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_performance_by_country_month",
                table: "performance_by_country",
                column: "month");

            // The figures per authority and per country and month are kept by the database: every change of an exchange's
            // facts row takes back what the old row contributed and adds what the new one does, in the same transaction.
            // The rules (what is "in time", "negative") are decided in Imi.Domain and stored on the row; here they are only
            // counted. Rows are added in key order, authority table first, so concurrent saves lock them in the same order.
            migrationBuilder.Sql("""
                CREATE FUNCTION exchange_fact_contributions(f exchange_facts, s integer)
                RETURNS TABLE (month date, authority_id uuid, country_code varchar(2), area_code varchar(40),
                               sent bigint, received bigint, accepted_in_time bigint, accepted bigint, answered bigint, answer_days bigint,
                               answered_with_date bigint, answered_on_time bigint, rated bigint, negative_timeliness bigint, negative_effort bigint)
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT date_trunc('month', f.sent_at AT TIME ZONE 'UTC')::date, f.requester_id, f.requester_country, f.area_code,
                           s::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint
                    WHERE f.sent_at IS NOT NULL
                    UNION ALL
                    SELECT date_trunc('month', f.received_at AT TIME ZONE 'UTC')::date, f.responder_id, f.responder_country, f.area_code,
                           0, s, s * (f.accepted_in_time IS TRUE)::int, 0, 0, 0, 0, 0, 0, 0, 0
                    WHERE f.received_at IS NOT NULL AND f.responder_id IS NOT NULL
                    UNION ALL
                    SELECT date_trunc('month', f.accepted_at AT TIME ZONE 'UTC')::date, f.responder_id, f.responder_country, f.area_code,
                           0, 0, 0, s, 0, 0, 0, 0, 0, 0, 0
                    WHERE f.accepted_at IS NOT NULL AND f.responder_id IS NOT NULL
                    UNION ALL
                    SELECT date_trunc('month', f.first_replied_at AT TIME ZONE 'UTC')::date, f.responder_id, f.responder_country, f.area_code,
                           0, 0, 0, 0, s, s * coalesce(f.answer_days, 0), s * (f.answer_date IS NOT NULL)::int, s * (f.answered_on_time IS TRUE)::int, 0, 0, 0
                    WHERE f.first_replied_at IS NOT NULL AND f.responder_id IS NOT NULL
                    UNION ALL
                    SELECT date_trunc('month', f.rated_at AT TIME ZONE 'UTC')::date, f.responder_id, f.responder_country, f.area_code,
                           0, 0, 0, 0, 0, 0, 0, 0, s, s * (f.negative_timeliness IS TRUE)::int, s * (f.negative_effort IS TRUE)::int
                    WHERE f.rated_at IS NOT NULL AND f.responder_id IS NOT NULL
                $$;

                CREATE FUNCTION exchange_facts_to_figures() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND (OLD.requester_id, OLD.requester_country, OLD.responder_id, OLD.responder_country, OLD.area_code,
                            OLD.sent_at, OLD.received_at, OLD.accepted_in_time, OLD.accepted_at, OLD.first_replied_at, OLD.answer_days,
                            OLD.answer_date, OLD.answered_on_time, OLD.rated_at, OLD.negative_timeliness, OLD.negative_effort)
                        IS NOT DISTINCT FROM (NEW.requester_id, NEW.requester_country, NEW.responder_id, NEW.responder_country, NEW.area_code,
                            NEW.sent_at, NEW.received_at, NEW.accepted_in_time, NEW.accepted_at, NEW.first_replied_at, NEW.answer_days,
                            NEW.answer_date, NEW.answered_on_time, NEW.rated_at, NEW.negative_timeliness, NEW.negative_effort) THEN
                        RETURN NULL;
                    END IF;

                    INSERT INTO performance_by_authority AS p (month, authority_id, country_code, area_code, sent, received, accepted_in_time, accepted,
                        answered, answer_days, answered_with_date, answered_on_time, rated, negative_timeliness, negative_effort)
                    SELECT c.month, c.authority_id, max(c.country_code), c.area_code, sum(c.sent), sum(c.received), sum(c.accepted_in_time),
                        sum(c.accepted), sum(c.answered), sum(c.answer_days), sum(c.answered_with_date), sum(c.answered_on_time), sum(c.rated),
                        sum(c.negative_timeliness), sum(c.negative_effort)
                    FROM (SELECT * FROM exchange_fact_contributions(NEW, 1) UNION ALL SELECT * FROM exchange_fact_contributions(OLD, -1)) c
                    GROUP BY c.authority_id, c.area_code, c.month
                    HAVING sum(c.sent) <> 0 OR sum(c.received) <> 0 OR sum(c.accepted_in_time) <> 0 OR sum(c.accepted) <> 0 OR sum(c.answered) <> 0
                        OR sum(c.answer_days) <> 0 OR sum(c.answered_with_date) <> 0 OR sum(c.answered_on_time) <> 0 OR sum(c.rated) <> 0
                        OR sum(c.negative_timeliness) <> 0 OR sum(c.negative_effort) <> 0
                    ORDER BY c.authority_id, c.area_code, c.month
                    ON CONFLICT (authority_id, area_code, month) DO UPDATE SET
                        sent = p.sent + EXCLUDED.sent, received = p.received + EXCLUDED.received,
                        accepted_in_time = p.accepted_in_time + EXCLUDED.accepted_in_time, accepted = p.accepted + EXCLUDED.accepted,
                        answered = p.answered + EXCLUDED.answered, answer_days = p.answer_days + EXCLUDED.answer_days,
                        answered_with_date = p.answered_with_date + EXCLUDED.answered_with_date,
                        answered_on_time = p.answered_on_time + EXCLUDED.answered_on_time, rated = p.rated + EXCLUDED.rated,
                        negative_timeliness = p.negative_timeliness + EXCLUDED.negative_timeliness,
                        negative_effort = p.negative_effort + EXCLUDED.negative_effort;

                    INSERT INTO performance_by_country AS p (month, country_code, area_code, sent, received, accepted_in_time, accepted,
                        answered, answer_days, answered_with_date, answered_on_time, rated, negative_timeliness, negative_effort)
                    SELECT c.month, c.country_code, c.area_code, sum(c.sent), sum(c.received), sum(c.accepted_in_time),
                        sum(c.accepted), sum(c.answered), sum(c.answer_days), sum(c.answered_with_date), sum(c.answered_on_time), sum(c.rated),
                        sum(c.negative_timeliness), sum(c.negative_effort)
                    FROM (SELECT * FROM exchange_fact_contributions(NEW, 1) UNION ALL SELECT * FROM exchange_fact_contributions(OLD, -1)) c
                    GROUP BY c.country_code, c.area_code, c.month
                    HAVING sum(c.sent) <> 0 OR sum(c.received) <> 0 OR sum(c.accepted_in_time) <> 0 OR sum(c.accepted) <> 0 OR sum(c.answered) <> 0
                        OR sum(c.answer_days) <> 0 OR sum(c.answered_with_date) <> 0 OR sum(c.answered_on_time) <> 0 OR sum(c.rated) <> 0
                        OR sum(c.negative_timeliness) <> 0 OR sum(c.negative_effort) <> 0
                    ORDER BY c.country_code, c.area_code, c.month
                    ON CONFLICT (country_code, area_code, month) DO UPDATE SET
                        sent = p.sent + EXCLUDED.sent, received = p.received + EXCLUDED.received,
                        accepted_in_time = p.accepted_in_time + EXCLUDED.accepted_in_time, accepted = p.accepted + EXCLUDED.accepted,
                        answered = p.answered + EXCLUDED.answered, answer_days = p.answer_days + EXCLUDED.answer_days,
                        answered_with_date = p.answered_with_date + EXCLUDED.answered_with_date,
                        answered_on_time = p.answered_on_time + EXCLUDED.answered_on_time, rated = p.rated + EXCLUDED.rated,
                        negative_timeliness = p.negative_timeliness + EXCLUDED.negative_timeliness,
                        negative_effort = p.negative_effort + EXCLUDED.negative_effort;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER exchange_facts_to_figures AFTER INSERT OR UPDATE OR DELETE ON exchange_facts
                    FOR EACH ROW EXECUTE FUNCTION exchange_facts_to_figures();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS exchange_facts_to_figures ON exchange_facts; DROP FUNCTION IF EXISTS exchange_facts_to_figures(); DROP FUNCTION IF EXISTS exchange_fact_contributions(exchange_facts, integer);");

            migrationBuilder.DropTable(
                name: "exchange_facts");

            migrationBuilder.DropTable(
                name: "performance_by_authority");

            migrationBuilder.DropTable(
                name: "performance_by_country");
        }
    }
}
