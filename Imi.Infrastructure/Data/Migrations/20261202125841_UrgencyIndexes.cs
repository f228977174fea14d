using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class UrgencyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_requester",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_requester_country",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_responder",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_responder_country",
                table: "exchange_facts");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent",
                table: "exchange_facts",
                column: "urgent_from",
                filter: "urgent_from IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "area_code" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_requester",
                table: "exchange_facts",
                columns: new[] { "requester_id", "area_code", "urgent_from" },
                filter: "urgent_from IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_requester_country",
                table: "exchange_facts",
                columns: new[] { "requester_country", "urgent_from" },
                filter: "urgent_from IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "area_code", "requester_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_responder",
                table: "exchange_facts",
                columns: new[] { "responder_id", "area_code", "urgent_from" },
                filter: "urgent_from IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id" });

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_responder_country",
                table: "exchange_facts",
                columns: new[] { "responder_country", "urgent_from" },
                filter: "urgent_from IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "area_code", "responder_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_requester",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_requester_country",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_responder",
                table: "exchange_facts");

            migrationBuilder.DropIndex(
                name: "ix_exchange_facts_urgent_responder_country",
                table: "exchange_facts");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent",
                table: "exchange_facts",
                column: "urgent_from",
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_requester",
                table: "exchange_facts",
                columns: new[] { "requester_id", "urgent_from" },
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_requester_country",
                table: "exchange_facts",
                columns: new[] { "requester_country", "urgent_from" },
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_responder",
                table: "exchange_facts",
                columns: new[] { "responder_id", "urgent_from" },
                filter: "urgent_from IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exchange_facts_urgent_responder_country",
                table: "exchange_facts",
                columns: new[] { "responder_country", "urgent_from" },
                filter: "urgent_from IS NOT NULL");
        }
    }
}
