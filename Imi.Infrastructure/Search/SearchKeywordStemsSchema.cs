namespace Imi.Infrastructure.Search;

/// <summary>
/// Keywords reached by every query word, in every language (migration SearchKeywordStems).
/// A keyword's labels are stemmed once, each in its own language (<c>keywords.label_stems</c>); a
/// query word is stemmed in every language at search time (AuthoritySearch) and meets them there, so "Rechtsanwälte",
/// "avocats" and "lawyers" all reach the keyword Lawyer. The keywords an authority chose are terms
/// of its indexed texts (<c>KW:list/code</c>, in every language row), so one full-text query asks,
/// word by word, "in the text, or a keyword it reaches".
/// </summary>
internal static class SearchKeywordStemsSchema
{
    public const string Up = """
        -- Each label stemmed in its language, as lexemes 'language:stem' (accents and case removed first,
        -- as on the query side, so the stemmer sees the same letters on both).
        CREATE OR REPLACE FUNCTION imi_label_stems(labels jsonb) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT array_to_tsvector(coalesce(array_agg(DISTINCT l.key || ':' || s), ARRAY[]::text[]))
                  FROM jsonb_each_text(labels) l, unnest(tsvector_to_array(to_tsvector(imi_ts_config(l.key), imi_fold(l.value)))) s $$;
        ALTER TABLE keywords ADD COLUMN label_stems tsvector GENERATED ALWAYS AS (imi_label_stems(labels)) STORED;
        CREATE INDEX ix_keywords_label_stems ON keywords USING gin (label_stems);

        -- The term that stands for a chosen keyword in the index. Upper case: a folded word never is.
        CREATE OR REPLACE FUNCTION imi_keyword_term(list_code text, keyword_code text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT 'KW:' || list_code || '/' || keyword_code $$;

        -- The texts, with the keywords the authority chose added to the words of each. The terms carry
        -- no position, which is how the lexicon (of typed words) leaves them out.
        CREATE VIEW authority_search_indexed AS
            SELECT s.authority_id, s.language_code, s.is_original, s.source, s.informal_title, s.short_profile,
                   s.folded_title, s.folded_text,
                   s.words || array_to_tsvector(array(
                       SELECT imi_keyword_term(x.list_code, x.keyword_code) FROM authority_keywords x
                       WHERE x.authority_id = s.authority_id)) AS words,
                   s.stems
            FROM authority_search_source s;

        CREATE OR REPLACE FUNCTION imi_index_authority(target uuid) RETURNS void LANGUAGE sql AS $$
            DELETE FROM authority_search WHERE authority_id = target;
            INSERT INTO authority_search SELECT * FROM authority_search_indexed WHERE authority_id = target;
            INSERT INTO search_lexicon SELECT DISTINCT u.lexeme FROM authority_search s, unnest(s.words) u
                WHERE s.authority_id = target AND u.positions IS NOT NULL AND length(u.lexeme) >= 3 ON CONFLICT DO NOTHING;
        $$;

        CREATE OR REPLACE FUNCTION imi_reindex_authorities() RETURNS void LANGUAGE sql AS $$
            TRUNCATE authority_search;
            INSERT INTO authority_search SELECT * FROM authority_search_indexed;
            INSERT INTO search_lexicon SELECT DISTINCT u.lexeme FROM authority_search s, unnest(s.words) u
                WHERE u.positions IS NOT NULL AND length(u.lexeme) >= 3 ON CONFLICT DO NOTHING;
        $$;

        -- A keyword chosen or dropped changes the authority's rows at once, like a translation.
        CREATE TRIGGER tr_authority_keywords_search AFTER INSERT OR UPDATE OR DELETE
            ON authority_keywords FOR EACH ROW EXECUTE FUNCTION imi_index_authority_trigger();

        SELECT imi_reindex_authorities();
        """;

    public const string Down = $"""
        DROP TRIGGER IF EXISTS tr_authority_keywords_search ON authority_keywords;
        {SearchSchema.IndexFunctions}
        DROP VIEW IF EXISTS authority_search_indexed;
        DROP FUNCTION IF EXISTS imi_keyword_term(text, text);
        ALTER TABLE keywords DROP COLUMN IF EXISTS label_stems;
        DROP FUNCTION IF EXISTS imi_label_stems(jsonb);
        SELECT imi_reindex_authorities();
        """;
}
