using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoordinationRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "coordination_region",
                table: "authorities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "coordination_region",
                table: "authorities");
        }
    }
}
