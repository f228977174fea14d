using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SetupWizard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "approves_replies",
                table: "authority_areas",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "approves_requests",
                table: "authority_areas",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "department",
                table: "authority_areas",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referral",
                table: "authority_areas",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "planned_additional_users",
                table: "authorities",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "authority_keywords",
                columns: table => new
                {
                    list_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    keyword_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_keywords", x => new { x.authority_id, x.list_code, x.keyword_code });
                    table.ForeignKey(
                        name: "fk_authority_keywords_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_authority_keywords_keywords_list_code_keyword_code",
                        columns: x => new { x.list_code, x.keyword_code },
                        principalTable: "keywords",
                        principalColumns: new[] { "list_code", "code" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "authority_setup_steps",
                columns: table => new
                {
                    step = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_setup_steps", x => new { x.authority_id, x.step });
                    table.ForeignKey(
                        name: "fk_authority_setup_steps_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_authority_keywords_list_code_keyword_code",
                table: "authority_keywords",
                columns: new[] { "list_code", "keyword_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "authority_keywords");

            migrationBuilder.DropTable(
                name: "authority_setup_steps");

            migrationBuilder.DropColumn(
                name: "approves_replies",
                table: "authority_areas");

            migrationBuilder.DropColumn(
                name: "approves_requests",
                table: "authority_areas");

            migrationBuilder.DropColumn(
                name: "department",
                table: "authority_areas");

            migrationBuilder.DropColumn(
                name: "referral",
                table: "authority_areas");

            migrationBuilder.DropColumn(
                name: "planned_additional_users",
                table: "authorities");
        }
    }
}
