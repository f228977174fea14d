using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Imi.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");

            migrationBuilder.CreateTable(
                name: "countries",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    english_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    native_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_eu_member = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_countries", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "languages",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    english_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    native_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_official_eu = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_languages", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "legislative_areas",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    instrument = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    names = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legislative_areas", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    to_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_data_files",
                columns: table => new
                {
                    file_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_data_files", x => x.file_name);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unknown_username = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "authorities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    official_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    original_language_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    informal_title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    short_profile = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    needs_translation = table.Column<bool>(type: "boolean", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    coordinator_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    coordinator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    planned_additional_users = table.Column<int>(type: "integer", nullable: true),
                    languages_understood = table.Column<List<string>>(type: "text[]", nullable: false),
                    contact_city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    contact_postal_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authorities", x => x.id);
                    table.ForeignKey(
                        name: "fk_authorities_authorities_coordinator_id",
                        column: x => x.coordinator_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_authorities_countries_country_code",
                        column: x => x.country_code,
                        principalTable: "countries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_authorities_languages_original_language_code",
                        column: x => x.original_language_code,
                        principalTable: "languages",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "keyword_lists",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    legislative_area_code = table.Column<string>(type: "character varying(40)", nullable: true),
                    names = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_keyword_lists", x => x.code);
                    table.ForeignKey(
                        name: "fk_keyword_lists_legislative_areas_legislative_area_code",
                        column: x => x.legislative_area_code,
                        principalTable: "legislative_areas",
                        principalColumn: "code");
                });

            migrationBuilder.CreateTable(
                name: "question_sets",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    legislative_area_code = table.Column<string>(type: "character varying(40)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    titles = table.Column<string>(type: "jsonb", nullable: false),
                    questions = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question_sets", x => x.code);
                    table.ForeignKey(
                        name: "fk_question_sets_legislative_areas_legislative_area_code",
                        column: x => x.legislative_area_code,
                        principalTable: "legislative_areas",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "authority_areas",
                columns: table => new
                {
                    legislative_area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    allocation_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    referral = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    approves_requests = table.Column<bool>(type: "boolean", nullable: false),
                    approves_replies = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_areas", x => new { x.authority_id, x.legislative_area_code });
                    table.ForeignKey(
                        name: "fk_authority_areas_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_authority_areas_legislative_areas_legislative_area_code",
                        column: x => x.legislative_area_code,
                        principalTable: "legislative_areas",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "authority_links",
                columns: table => new
                {
                    linked_authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_links", x => new { x.authority_id, x.linked_authority_id });
                    table.ForeignKey(
                        name: "fk_authority_links_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_authority_links_authorities_linked_authority_id",
                        column: x => x.linked_authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "authority_request_coordinators",
                columns: table => new
                {
                    legislative_area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    coordinator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_view = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_request_coordinators", x => new { x.authority_id, x.legislative_area_code, x.coordinator_id });
                    table.ForeignKey(
                        name: "fk_authority_request_coordinators_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_authority_request_coordinators_authorities_coordinator_id",
                        column: x => x.coordinator_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "authority_setup_steps",
                columns: table => new
                {
                    step = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_setup_steps", x => new { x.authority_id, x.step });
                    table.ForeignKey(
                        name: "fk_authority_setup_steps_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "authority_translations",
                columns: table => new
                {
                    language_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    informal_title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    short_profile = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_translations", x => new { x.authority_id, x.language_code });
                    table.ForeignKey(
                        name: "fk_authority_translations_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    username = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    email = table.Column<string>(type: "citext", maxLength: 254, nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    preferred_language_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    is_local_data_administrator = table.Column<bool>(type: "boolean", nullable: false),
                    is_translator = table.Column<bool>(type: "boolean", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_signed_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_signed_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_users_languages_preferred_language_code",
                        column: x => x.preferred_language_code,
                        principalTable: "languages",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "keywords",
                columns: table => new
                {
                    list_code = table.Column<string>(type: "character varying(40)", nullable: false),
                    code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    labels = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_keywords", x => new { x.list_code, x.code });
                    table.ForeignKey(
                        name: "fk_keywords_keyword_lists_list_code",
                        column: x => x.list_code,
                        principalTable: "keyword_lists",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    security_code_hashes = table.Column<byte[]>(type: "bytea", nullable: true),
                    must_change_credentials = table.Column<bool>(type: "boolean", nullable: false),
                    temporary_password_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_users_id",
                        column: x => x.id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_area_roles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    legislative_area_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_area_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_area_roles_legislative_areas_legislative_area_code",
                        column: x => x.legislative_area_code,
                        principalTable: "legislative_areas",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_area_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "authority_keywords",
                columns: table => new
                {
                    list_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    keyword_code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authority_keywords", x => new { x.authority_id, x.list_code, x.keyword_code });
                    table.ForeignKey(
                        name: "fk_authority_keywords_authorities_authority_id",
                        column: x => x.authority_id,
                        principalTable: "authorities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_authority_keywords_keywords_list_code_keyword_code",
                        columns: x => new { x.list_code, x.keyword_code },
                        principalTable: "keywords",
                        principalColumns: new[] { "list_code", "code" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "account_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_account_claims_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_account_logins_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_account_tokens_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_claims_user_id",
                table: "account_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_logins_user_id",
                table: "account_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "accounts",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "accounts",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_authorities_coordinator_id",
                table: "authorities",
                column: "coordinator_id");

            migrationBuilder.CreateIndex(
                name: "ix_authorities_country_code",
                table: "authorities",
                column: "country_code");

            migrationBuilder.CreateIndex(
                name: "ix_authorities_original_language_code",
                table: "authorities",
                column: "original_language_code");

            migrationBuilder.CreateIndex(
                name: "ix_authority_areas_legislative_area_code",
                table: "authority_areas",
                column: "legislative_area_code");

            migrationBuilder.CreateIndex(
                name: "ix_authority_keywords_list_code_keyword_code",
                table: "authority_keywords",
                columns: new[] { "list_code", "keyword_code" });

            migrationBuilder.CreateIndex(
                name: "ix_authority_links_linked_authority_id",
                table: "authority_links",
                column: "linked_authority_id");

            migrationBuilder.CreateIndex(
                name: "ix_authority_request_coordinators_coordinator_id",
                table: "authority_request_coordinators",
                column: "coordinator_id");

            migrationBuilder.CreateIndex(
                name: "ix_keyword_lists_legislative_area_code",
                table: "keyword_lists",
                column: "legislative_area_code");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_question_sets_legislative_area_code",
                table: "question_sets",
                column: "legislative_area_code");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_attempts_user_id_at",
                table: "sign_in_attempts",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_user_area_roles_legislative_area_code",
                table: "user_area_roles",
                column: "legislative_area_code");

            migrationBuilder.CreateIndex(
                name: "ix_user_area_roles_user_id_legislative_area_code_role",
                table: "user_area_roles",
                columns: new[] { "user_id", "legislative_area_code", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_authority_id",
                table: "users",
                column: "authority_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_email",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_preferred_language_code",
                table: "users",
                column: "preferred_language_code");

            migrationBuilder.CreateIndex(
                name: "ix_users_username",
                table: "users",
                column: "username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_claims");

            migrationBuilder.DropTable(
                name: "account_logins");

            migrationBuilder.DropTable(
                name: "account_tokens");

            migrationBuilder.DropTable(
                name: "authority_areas");

            migrationBuilder.DropTable(
                name: "authority_keywords");

            migrationBuilder.DropTable(
                name: "authority_links");

            migrationBuilder.DropTable(
                name: "authority_request_coordinators");

            migrationBuilder.DropTable(
                name: "authority_setup_steps");

            migrationBuilder.DropTable(
                name: "authority_translations");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "question_sets");

            migrationBuilder.DropTable(
                name: "reference_data_files");

            migrationBuilder.DropTable(
                name: "sign_in_attempts");

            migrationBuilder.DropTable(
                name: "user_area_roles");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "keywords");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "keyword_lists");

            migrationBuilder.DropTable(
                name: "authorities");

            migrationBuilder.DropTable(
                name: "legislative_areas");

            migrationBuilder.DropTable(
                name: "countries");

            migrationBuilder.DropTable(
                name: "languages");
        }
    }
}
