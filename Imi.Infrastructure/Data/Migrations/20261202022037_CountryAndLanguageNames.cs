using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Country and language names in every portal language (the "names" of countries.json and
    /// languages.json, read by the loader from now on).
    /// </summary>
    public partial class CountryAndLanguageNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "names",
                table: "languages",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "names",
                table: "countries",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            // The loader skips a file it has loaded before in the same version: make it read these two again.
            migrationBuilder.Sql("DELETE FROM reference_data_files WHERE file_name IN ('countries.json', 'languages.json');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "names",
                table: "languages");

            migrationBuilder.DropColumn(
                name: "names",
                table: "countries");
        }
    }
}
