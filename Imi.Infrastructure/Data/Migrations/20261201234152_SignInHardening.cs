using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignInHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Dropped, not renamed: what it held was typed text (often a mistyped password), never to be kept.
            migrationBuilder.DropColumn(
                name: "unknown_username",
                table: "sign_in_attempts");

            migrationBuilder.AddColumn<string>(
                name: "unknown_username_hash",
                table: "sign_in_attempts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pending_challenge_expires_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pending_challenge_index",
                table: "accounts",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "unknown_username_hash",
                table: "sign_in_attempts");

            migrationBuilder.DropColumn(
                name: "pending_challenge_expires_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "pending_challenge_index",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "unknown_username",
                table: "sign_in_attempts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }
    }
}
