using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <summary>Keywords reached by each query word in every language (see SearchKeywordStemsSchema).</summary>
    public partial class SearchKeywordStems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Imi.Infrastructure.Search.SearchKeywordStemsSchema.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Imi.Infrastructure.Search.SearchKeywordStemsSchema.Down);
        }
    }
}
