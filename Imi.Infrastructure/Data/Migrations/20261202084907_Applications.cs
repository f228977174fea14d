using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "applicant",
                table: "authorities",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "application_reason",
                table: "authorities",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "authorities",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            // Decision 010: the state of an authority waiting for its coordinator is called Applied now.
            migrationBuilder.Sql("UPDATE authorities SET status = 'Applied' WHERE status = 'Registered';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE authorities SET status = 'Registered' WHERE status = 'Applied';");

            migrationBuilder.DropColumn(
                name: "applicant",
                table: "authorities");

            migrationBuilder.DropColumn(
                name: "application_reason",
                table: "authorities");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "authorities");
        }
    }
}
