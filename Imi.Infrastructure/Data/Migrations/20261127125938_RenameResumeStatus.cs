using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenameResumeStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "status_before_clarification",
                table: "information_requests",
                newName: "resume_status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "resume_status",
                table: "information_requests",
                newName: "status_before_clarification");
        }
    }
}
