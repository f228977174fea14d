using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_question_sets",
                table: "question_sets");

            migrationBuilder.CreateSequence(
                name: "information_request_numbers");

            migrationBuilder.AddPrimaryKey(
                name: "pk_question_sets",
                table: "question_sets",
                columns: new[] { "code", "version" });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "information_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "nextval('information_request_numbers')"),
                    legislative_area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    question_set_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    question_set_version = table.Column<int>(type: "integer", nullable: false),
                    requesting_authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    responding_authority_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status_before_clarification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    comment = table.Column<string>(type: "jsonb", nullable: true),
                    subject = table.Column<string>(type: "jsonb", nullable: true),
                    requested_answer_date = table.Column<DateOnly>(type: "date", nullable: true),
                    agreed_answer_date = table.Column<DateOnly>(type: "date", nullable: true),
                    requester_oversight = table.Column<string>(type: "jsonb", nullable: false),
                    responder_settings = table.Column<string>(type: "jsonb", nullable: false),
                    additional_information_declined = table.Column<bool>(type: "boolean", nullable: false),
                    answered_in_part = table.Column<bool>(type: "boolean", nullable: false),
                    referral = table.Column<string>(type: "jsonb", nullable: true),
                    rating = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    personal_data_erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    near_reminder_for = table.Column<DateOnly>(type: "date", nullable: true),
                    overdue_reminder_for = table.Column<DateOnly>(type: "date", nullable: true),
                    reply_approver_id = table.Column<Guid>(type: "uuid", nullable: true, computedColumnSql: "(responder_settings ->> 'replyApproverAuthorityId')::uuid", stored: true),
                    request_approver_id = table.Column<Guid>(type: "uuid", nullable: true, computedColumnSql: "(requester_oversight ->> 'approverAuthorityId')::uuid", stored: true),
                    requester_referee_id = table.Column<Guid>(type: "uuid", nullable: true, computedColumnSql: "(requester_oversight -> 'referee' ->> 'authorityId')::uuid", stored: true),
                    responder_referee_id = table.Column<Guid>(type: "uuid", nullable: true, computedColumnSql: "(responder_settings -> 'referee' ->> 'authorityId')::uuid", stored: true),
                    allocated_handler_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    questions = table.Column<string>(type: "jsonb", nullable: false),
                    timeline = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_requests_authorities_requesting_authority_id",
                        column: x => x.requesting_authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_information_requests_authorities_responding_authority_id",
                        column: x => x.responding_authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_information_requests_legislative_areas_legislative_area_code",
                        column: x => x.legislative_area_code,
                        principalTable: "legislative_areas",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_information_requests_question_sets_question_set_code_questi",
                        columns: x => new { x.question_set_code, x.question_set_version },
                        principalTable: "question_sets",
                        principalColumns: new[] { "code", "version" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attachment_contents",
                columns: table => new
                {
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachment_contents", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_attachment_contents_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "information_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    side = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_attachments_information_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "information_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachment_contents_request_id",
                table: "attachment_contents",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_request_id_at",
                table: "audit_entries",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_user_id_at",
                table: "audit_entries",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_agreed_answer_date",
                table: "information_requests",
                column: "agreed_answer_date",
                filter: "status IN ('Sent', 'Accepted', 'AdditionalInformationRequested')");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_closed_at",
                table: "information_requests",
                column: "closed_at",
                filter: "personal_data_erased_at IS NULL AND status = 'Closed'");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_legislative_area_code",
                table: "information_requests",
                column: "legislative_area_code");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_number",
                table: "information_requests",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_question_set_code_question_set_version",
                table: "information_requests",
                columns: new[] { "question_set_code", "question_set_version" });

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_reply_approver_id_status",
                table: "information_requests",
                columns: new[] { "reply_approver_id", "status" },
                filter: "status = 'ReplyAwaitingApproval'");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_request_approver_id_status",
                table: "information_requests",
                columns: new[] { "request_approver_id", "status" },
                filter: "status = 'AwaitingApproval'");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_requester_referee_id",
                table: "information_requests",
                column: "requester_referee_id",
                filter: "status = 'InReferral'");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_requesting_authority_id_status_last_ac",
                table: "information_requests",
                columns: new[] { "requesting_authority_id", "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_responder_referee_id",
                table: "information_requests",
                column: "responder_referee_id",
                filter: "status = 'InReferral'");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_responding_authority_id_status_last_ac",
                table: "information_requests",
                columns: new[] { "responding_authority_id", "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_request_attachments_request_id",
                table: "request_attachments",
                column: "request_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachment_contents");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "request_attachments");

            migrationBuilder.DropTable(
                name: "information_requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_question_sets",
                table: "question_sets");

            migrationBuilder.DropSequence(
                name: "information_request_numbers");

            migrationBuilder.AddPrimaryKey(
                name: "pk_question_sets",
                table: "question_sets",
                column: "code");
        }
    }
}
