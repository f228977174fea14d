using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Imi.Infrastructure.Search;

/// <summary>What the searcher asked for. Every filter is optional.</summary>
public sealed record SearchQuery(
    string? Text,
    string ReaderLanguage,
    string? CountryCode = null,
    AuthorityLevel? Level = null,
    string? LegislativeAreaCode = null,
    string? KeywordListCode = null,
    string? KeywordCode = null,
    bool CoordinatorsOnly = false,
    int Page = 1,
    int PageSize = 20)
{
    /// <summary>Shorter texts match too much to be worth a search of their own (a filter still lists).</summary>
    public const int MinimumTextLength = 3;

    /// <summary>A search box holds words, not documents; beyond this the text is cut (and the page says so).</summary>
    public const int MaxTextLength = 200;

    /// <summary>
    /// The text as searched: cleaned like every text a user types (PostgreSQL refuses a NUL, and no
    /// control or invisible character belongs in a search), then cut to <see cref="MaxTextLength"/>.
    /// </summary>
    public static string Searchable(string? text)
    {
        var cleaned = TextInput.Line(text);
        if (cleaned.Length <= MaxTextLength)
            return cleaned;
        var end = char.IsHighSurrogate(cleaned[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength; // never half a character
        return cleaned[..end].TrimEnd();
    }

    /// <summary>True when <paramref name="text"/> is longer than what is searched of it.</summary>
    public static bool IsCut(string? text) => TextInput.Line(text).Length > MaxTextLength;

    public bool HasFilter => CountryCode is not null || Level is not null || LegislativeAreaCode is not null
                             || KeywordCode is not null || CoordinatorsOnly;
}

/// <summary>One authority found, as the results list shows it to the reader.</summary>
public sealed record SearchHit(
    Guid AuthorityId,
    string InformalTitle,
    string TitleLanguage,
    bool TitleIsMachineTranslation,
    string OriginalInformalTitle,
    string OriginalLanguage,
    string OfficialTitle,
    string CountryCode,
    AuthorityLevel Level,
    CoordinatorType CoordinatorType,
    IReadOnlyList<string> LanguagesUnderstood,
    string? ProfileSnippet,
    double Score);

public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, SearchNotice? Notice);

/// <summary>Why a search shows no list, or only part of one; the page says it in the reader's language.</summary>
public enum SearchNotice
{
    /// <summary>Nothing typed and no filter chosen.</summary>
    NothingToSearch,
    /// <summary>Fewer than <see cref="SearchQuery.MinimumTextLength"/> letters and no filter.</summary>
    TextTooShort,
    /// <summary>The search ran and found nothing.</summary>
    NoMatch,
    /// <summary>More than <see cref="AuthoritySearch.CandidateLimit"/> matches: only the best are ranked.</summary>
    TooManyMatches,
}

/// <summary>
/// The multilingual authority search: full-text over informal titles, official titles and
/// profiles in every language they exist in (accents and case ignored; stemmed in the reader's
/// language where PostgreSQL has a stemmer), typo-tolerant trigram matching, and, for each query
/// word, the keywords whose label in any language matches it (stemmed in the label's language).
/// Only validated authorities are found.
/// </summary>
public sealed class AuthoritySearch(IDbContextFactory<ImiDbContext> contexts)
{
    private const int SnippetLength = 220;

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var text = SearchQuery.Searchable(query.Text);
        var hasText = text.Length >= SearchQuery.MinimumTextLength;
        if (!hasText && !query.HasFilter)
            return new SearchResult([], 0, text.Length == 0 ? SearchNotice.NothingToSearch : SearchNotice.TextTooShort);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var threshold = new NpgsqlCommand("SET LOCAL pg_trgm.similarity_threshold = 0.45", connection, transaction))
            await threshold.ExecuteNonQueryAsync(cancellationToken);

        await using var command = new NpgsqlCommand(hasText ? TextSql : FilterOnlySql, connection, transaction);
        command.Parameters.AddWithValue("q", text);
        command.Parameters.AddWithValue("lang", query.ReaderLanguage);
        command.Parameters.AddWithValue("country", (object?)query.CountryCode ?? DBNull.Value);
        command.Parameters.AddWithValue("level", (object?)query.Level?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("area", (object?)query.LegislativeAreaCode ?? DBNull.Value);
        command.Parameters.AddWithValue("kwlist", (object?)query.KeywordListCode ?? DBNull.Value);
        command.Parameters.AddWithValue("kwcode", (object?)query.KeywordCode ?? DBNull.Value);
        command.Parameters.AddWithValue("coordinators", query.CoordinatorsOnly);
        command.Parameters.AddWithValue("limit", Math.Clamp(query.PageSize, 1, 100));
        command.Parameters.AddWithValue("offset", (Math.Max(query.Page, 1) - 1) * Math.Clamp(query.PageSize, 1, 100));

        var hits = new List<SearchHit>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                total = (int)reader.GetInt64(reader.GetOrdinal("total"));
                var profile = reader.IsDBNull(reader.GetOrdinal("profile")) ? null : reader.GetString(reader.GetOrdinal("profile"));
                hits.Add(new SearchHit(
                    reader.GetGuid(reader.GetOrdinal("id")),
                    reader.GetString(reader.GetOrdinal("title")),
                    reader.GetString(reader.GetOrdinal("title_language")),
                    reader.GetString(reader.GetOrdinal("title_source")) == nameof(TranslationSource.Machine),
                    reader.GetString(reader.GetOrdinal("original_title")),
                    reader.GetString(reader.GetOrdinal("original_language")),
                    reader.GetString(reader.GetOrdinal("official_title")),
                    reader.GetString(reader.GetOrdinal("country_code")),
                    Enum.Parse<AuthorityLevel>(reader.GetString(reader.GetOrdinal("level"))),
                    Enum.Parse<CoordinatorType>(reader.GetString(reader.GetOrdinal("coordinator_type"))),
                    reader.GetFieldValue<string[]>(reader.GetOrdinal("languages_understood")),
                    profile is null ? null : Snippet(profile),
                    reader.GetDouble(reader.GetOrdinal("score"))));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        SearchNotice? notice = hits.Count == 0 ? SearchNotice.NoMatch
            : hasText && total >= CandidateLimit ? SearchNotice.TooManyMatches : null;
        return new SearchResult(hits, total, notice);
    }

    private static string Snippet(string profile) =>
        profile.Length <= SnippetLength ? profile : profile[..profile.LastIndexOf(' ', SnippetLength)] + " …";

    // The filters, shared by both queries.
    private const string Filters = """
        a.status = 'Validated'
        AND (@country::text IS NULL OR a.country_code = @country)
        AND (@level::text IS NULL OR a.level = @level)
        AND (NOT @coordinators OR a.coordinator_type <> 'None')
        AND (@area::text IS NULL OR EXISTS (SELECT 1 FROM authority_areas x WHERE x.authority_id = a.id AND x.legislative_area_code = @area))
        AND (@kwcode::text IS NULL OR EXISTS (SELECT 1 FROM authority_keywords x
                                              WHERE x.authority_id = a.id AND x.list_code = @kwlist AND x.keyword_code = @kwcode))
        """;

    // The page of results (CTE "page": authority_id, score, total) as the reader sees it. Only the
    // page's rows are joined to their texts, not every authority found.
    private const string Projection = """
        SELECT a.id, coalesce(t.informal_title, o.informal_title) AS title,
               coalesce(t.language_code, o.language_code) AS title_language,
               coalesce(t.source, 'Original') AS title_source,
               o.informal_title AS original_title, o.language_code AS original_language,
               a.official_title, a.country_code, a.level, a.coordinator_type, a.languages_understood,
               coalesce(t.short_profile, o.short_profile) AS profile,
               p.score, p.total
        FROM page p
        JOIN authorities a ON a.id = p.authority_id
        JOIN authority_search o ON o.authority_id = a.id AND o.is_original
        LEFT JOIN authority_search t ON t.authority_id = a.id AND t.language_code = @lang AND NOT t.is_original
        ORDER BY p.score DESC, a.informal_title
        """;

    /// <summary>How many of the best-matching texts are ranked in full; beyond, the user narrows the search.</summary>
    public const int CandidateLimit = 500;

    // Common words ("services", "Dienstleistungen") match a good part of the network. To keep the cost
    // of a search bounded whatever the size of the network, no more than a fixed number of matching
    // rows is read before ranking: texts whose title matches first (weight A), then any text.
    //
    // 1. Each word of the query, folded, is widened to itself as a prefix and to the known words
    //    most like it (typos), through the lexicon's trigram index.
    // 2. Each word (3 letters or more) also reaches the keywords whose label, in any language, has a
    //    word of the same stem in that language, or contains the whole query (4 letters or more): the
    //    terms of those keywords (SearchKeywordStemsSchema) widen it once more.
    // 3. Candidates: up to 1,000 texts whose title matches all widened words and up to 2,000 texts
    //    matching them anywhere (or the reader's-language stems), filters applied, cheaply ranked;
    //    the best 500 only are ranked in full (title similarity).
    // 4. Up to 500 more texts in which each word is found, but at least one only as a keyword the
    //    authority chose: not ranked (ranking against dozens of keyword terms, or even by title
    //    similarity, cost more than the rest of the search), so below the texts that use the words.
    private const string TextSql = $"""
        WITH folded AS (SELECT imi_fold(@q) AS f, plainto_tsquery(imi_ts_config(@lang), @q) AS stems),
        query_words AS (
            SELECT w.word, w.ord FROM folded, unnest(tsvector_to_array(to_tsvector('simple', folded.f))) WITH ORDINALITY w(word, ord)),
        alternatives AS (
            SELECT qw.ord, quote_literal(qw.word) || CASE WHEN length(qw.word) >= 4 THEN ':*' ELSE ':' END AS word,
                   coalesce((SELECT array_agg(quote_literal(l.word) || ':') FROM (
                       SELECT word FROM search_lexicon WHERE length(qw.word) >= 4 AND word % qw.word
                       ORDER BY similarity(word, qw.word) DESC LIMIT 4) l), ARRAY[]::text[]) AS typos
            FROM query_words qw),
        stemmers AS (SELECT imi_ts_config(code) AS config, array_agg(code) AS languages FROM languages GROUP BY 1),
        word_stems AS MATERIALIZED ( -- each word stemmed once per stemmer, as in imi_label_stems: 'language:stem'
            SELECT qw.ord, (SELECT string_agg(quote_literal(l.code || ':' || s.stem), ' | ')::tsquery
                            FROM stemmers c, unnest(tsvector_to_array(to_tsvector(c.config, qw.word))) s(stem), unnest(c.languages) l(code)) AS stems
            FROM query_words qw WHERE length(qw.word) >= 3),
        keyword_hits AS (
            SELECT w.ord, k.list_code, k.code FROM word_stems w JOIN keywords k ON k.label_stems @@ w.stems
            UNION -- a label holding the whole query: each word reaches it, even a short one ("doctor of medicine")
            SELECT qw.ord, k.list_code, k.code FROM query_words qw, (
                SELECT k.list_code, k.code FROM keywords k, folded WHERE length(folded.f) >= 4 AND k.folded_labels LIKE '%' || folded.f || '%') k),
        keyword_terms AS (
            SELECT ord, string_agg(quote_literal(imi_keyword_term(list_code, code)), ' | ')::tsquery AS terms
            FROM keyword_hits GROUP BY ord),
        words AS (
            SELECT to_tsquery('simple', string_agg('(' || array_to_string(a.word || a.typos, ' | ') || ')', ' & ' ORDER BY a.ord)) AS q,
                   to_tsquery('simple', string_agg('(' || array_to_string(array(SELECT t || 'A' FROM unnest(a.word || a.typos) t), ' | ') || ')', ' & ' ORDER BY a.ord)) AS title_q,
                   CASE WHEN count(kt.terms) > 0 THEN
                       string_agg('(' || nullif((to_tsquery('simple', array_to_string(a.word || a.typos, ' | '))
                                                 || coalesce(kt.terms, ''::tsquery))::text, '') || ')', ' & ' ORDER BY a.ord)::tsquery
                   END AS keyword_q
            FROM alternatives a LEFT JOIN keyword_terms kt USING (ord)),
        title_matches AS (
            SELECT s.authority_id, s.language_code FROM authority_search s CROSS JOIN words
            JOIN authorities a ON a.id = s.authority_id
            WHERE s.words @@ words.title_q AND {Filters}
            LIMIT 1000),
        text_matches AS (
            SELECT s.authority_id, s.language_code FROM authority_search s CROSS JOIN folded CROSS JOIN words
            JOIN authorities a ON a.id = s.authority_id
            WHERE (s.words @@ words.q OR s.stems @@ folded.stems) AND {Filters}
            LIMIT 2000),
        keyword_matches AS (
            SELECT s.authority_id FROM authority_search s CROSS JOIN words
            JOIN authorities a ON a.id = s.authority_id
            WHERE s.words @@ words.keyword_q AND NOT s.words @@ coalesce(words.q, ''::tsquery) AND {Filters}
            LIMIT 500),
        candidates AS (
            SELECT s.authority_id, s.folded_title,
                   ts_rank(s.words, coalesce(words.q, ''::tsquery)) + ts_rank(s.stems, folded.stems) AS rank
            FROM (SELECT * FROM title_matches UNION SELECT * FROM text_matches) m
            JOIN authority_search s USING (authority_id, language_code)
            CROSS JOIN folded CROSS JOIN words
            ORDER BY rank DESC
            LIMIT 500), -- CandidateLimit
        hits AS (
            SELECT c.authority_id, c.rank + 2 * word_similarity(folded.f, c.folded_title) AS score FROM candidates c, folded
            UNION ALL
            SELECT DISTINCT authority_id, 0.0::real FROM keyword_matches),
        ranked AS (SELECT authority_id, (max(score) + 0.1 * (count(*) - 1))::double precision AS score FROM hits GROUP BY authority_id),
        page AS ( -- every lane applied the filters
            SELECT r.authority_id, r.score, count(*) OVER () AS total
            FROM ranked r JOIN authorities a ON a.id = r.authority_id
            ORDER BY r.score DESC, a.informal_title
            LIMIT @limit OFFSET @offset)
        {Projection}
        """;

    private const string FilterOnlySql = $"""
        WITH page AS (
            SELECT a.id AS authority_id, 0.0::double precision AS score, count(*) OVER () AS total
            FROM authorities a
            WHERE {Filters}
            ORDER BY a.informal_title
            LIMIT @limit OFFSET @offset)
        {Projection}
        """;
}
