using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllocationCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "absence_deputy_id",
                table: "users",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "absence_from",
                table: "users",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "absence_to",
                table: "users",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "capacity",
                table: "users",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "automatic_allocation",
                table: "authority_areas",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Manual");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "absence_deputy_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "absence_from",
                table: "users");

            migrationBuilder.DropColumn(
                name: "absence_to",
                table: "users");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "users");

            migrationBuilder.DropColumn(
                name: "automatic_allocation",
                table: "authority_areas");
        }
    }
}
