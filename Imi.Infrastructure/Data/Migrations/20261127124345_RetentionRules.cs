using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "personal_data_rule",
                table: "legislative_areas",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "DeleteAfterSixMonths");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "personal_data_blocked_at",
                table: "information_requests",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "personal_data_rule",
                table: "legislative_areas");

            migrationBuilder.DropColumn(
                name: "personal_data_blocked_at",
                table: "information_requests");
        }
    }
}
