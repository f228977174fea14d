using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "secret",
                table: "outbox_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Rows written before this migration: a sent (or dead) temporary-password mail loses its
            // password now; a pending one gets it as its secret, removed once sent. The pattern is
            // TemporaryPassword.Generate's: three groups of four from its alphabet.
            const string password = @"\m[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}\M";
            migrationBuilder.Sql($"""
                UPDATE outbox_messages SET text_body = regexp_replace(text_body, '{password}', '[removed once sent]', 'g')
                WHERE kind = 'temporary-password' AND status <> 'Pending';
                UPDATE outbox_messages SET secret = substring(text_body from '{password}')
                WHERE kind = 'temporary-password' AND status = 'Pending';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "secret",
                table: "outbox_messages");
        }
    }
}
