using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeywordRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "keyword_lists",
                type: "integer",
                nullable: false,
                defaultValue: 1); // the lists as shipped are version 1

            migrationBuilder.CreateTable(
                name: "keyword_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_by = table.Column<Guid>(type: "uuid", nullable: false),
                    list_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    proposal = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decline_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    keyword_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_keyword_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_keyword_requests_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_keyword_requests_imi_users_asked_by",
                        column: x => x.asked_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_keyword_requests_keyword_lists_list_code",
                        column: x => x.list_code,
                        principalTable: "keyword_lists",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_keyword_requests_asked_by",
                table: "keyword_requests",
                column: "asked_by");

            migrationBuilder.CreateIndex(
                name: "ix_keyword_requests_authority_id",
                table: "keyword_requests",
                column: "authority_id");

            migrationBuilder.CreateIndex(
                name: "ix_keyword_requests_list_code",
                table: "keyword_requests",
                column: "list_code");

            migrationBuilder.CreateIndex(
                name: "ix_keyword_requests_state_authority_id",
                table: "keyword_requests",
                columns: new[] { "state", "authority_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "keyword_requests");

            migrationBuilder.DropColumn(
                name: "version",
                table: "keyword_lists");
        }
    }
}
