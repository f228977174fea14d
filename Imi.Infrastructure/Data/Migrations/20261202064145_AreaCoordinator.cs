using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AreaCoordinator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "coordinator_id",
                table: "authority_areas",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "coordinator_id",
                table: "authority_areas");
        }
    }
}
