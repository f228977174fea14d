namespace Imi.Infrastructure.Search;

/// <summary>
/// The search index of authorities, kept by the database itself: triggers on authorities and their
/// translations rewrite an authority's rows in <c>authority_search</c> in the same transaction, so
/// a saved translation is found at once, whoever wrote it (the portal, a translator, a bulk load).
/// </summary>
internal static class SearchSchema
{
    public const string Up = $"""
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE EXTENSION IF NOT EXISTS unaccent;

        -- Lower case, accents removed: "Règles" and "regles" are the same word to the search.
        CREATE OR REPLACE FUNCTION imi_fold(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

        -- The PostgreSQL stemmer of each language that has one; 'simple' (no stemming) otherwise.
        CREATE OR REPLACE FUNCTION imi_ts_config(language text) RETURNS regconfig
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT (CASE language
                WHEN 'da' THEN 'danish' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'en' THEN 'english'
                WHEN 'es' THEN 'spanish' WHEN 'fi' THEN 'finnish' WHEN 'fr' THEN 'french' WHEN 'ga' THEN 'irish'
                WHEN 'hu' THEN 'hungarian' WHEN 'it' THEN 'italian' WHEN 'lt' THEN 'lithuanian' WHEN 'nl' THEN 'dutch'
                WHEN 'no' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'sv' THEN 'swedish'
                ELSE 'simple' END)::regconfig $$;

        -- Keyword labels of every language, folded, for matching search words against keywords.
        ALTER TABLE keywords ADD COLUMN folded_labels text GENERATED ALWAYS AS (imi_fold(labels::text)) STORED;
        CREATE INDEX ix_keywords_folded_labels ON keywords USING gin (folded_labels gin_trgm_ops);

        CREATE TABLE authority_search (
            authority_id uuid NOT NULL REFERENCES authorities (id) ON DELETE CASCADE,
            language_code varchar(2) NOT NULL,
            is_original boolean NOT NULL,
            source varchar(20) NOT NULL,
            informal_title text NOT NULL,
            short_profile text,
            folded_title text NOT NULL,
            folded_text text NOT NULL,
            words tsvector NOT NULL,
            stems tsvector NOT NULL,
            PRIMARY KEY (authority_id, language_code)
        );
        CREATE INDEX ix_authority_search_words ON authority_search USING gin (words);
        CREATE INDEX ix_authority_search_stems ON authority_search USING gin (stems);

        -- What the index holds for every authority: its original text and each translation.
        CREATE VIEW authority_search_source AS
            SELECT t.authority_id, t.language_code, t.is_original, t.source, t.informal_title, t.short_profile,
                   imi_fold(t.informal_title) AS folded_title,
                   imi_fold(t.informal_title || ' ' || coalesce(t.short_profile, '') || ' ' || t.official_title) AS folded_text,
                   setweight(to_tsvector('simple', imi_fold(t.informal_title)), 'A')
                       || setweight(to_tsvector('simple', imi_fold(t.official_title)), 'B')
                       || setweight(to_tsvector('simple', imi_fold(coalesce(t.short_profile, ''))), 'C') AS words,
                   setweight(to_tsvector(imi_ts_config(t.language_code), t.informal_title), 'A')
                       || setweight(to_tsvector(imi_ts_config(t.language_code), coalesce(t.short_profile, '')), 'C') AS stems
            FROM (
                SELECT a.id AS authority_id, a.original_language_code AS language_code, true AS is_original, 'Original' AS source,
                       a.informal_title, a.short_profile, a.official_title
                FROM authorities a
                UNION ALL
                SELECT tr.authority_id, tr.language_code, false, tr.source, tr.informal_title, tr.short_profile, a.official_title
                FROM authority_translations tr JOIN authorities a ON a.id = tr.authority_id
                WHERE tr.language_code <> a.original_language_code
            ) t;

        -- Every word the index knows, for correcting typos in a query (pg_trgm's similarity over a
        -- short list of words, not over whole profiles).
        CREATE TABLE search_lexicon (word text PRIMARY KEY);
        CREATE INDEX ix_search_lexicon_trgm ON search_lexicon USING gin (word gin_trgm_ops);

        {IndexFunctions}

        CREATE OR REPLACE FUNCTION imi_index_authority_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_TABLE_NAME = 'authorities' THEN
                PERFORM imi_index_authority(NEW.id);
            ELSIF TG_OP = 'DELETE' THEN
                PERFORM imi_index_authority(OLD.authority_id);
            ELSE
                PERFORM imi_index_authority(NEW.authority_id);
            END IF;
            RETURN NULL;
        END $$;

        CREATE TRIGGER tr_authorities_search AFTER INSERT OR UPDATE OF informal_title, short_profile, official_title, original_language_code
            ON authorities FOR EACH ROW EXECUTE FUNCTION imi_index_authority_trigger();
        CREATE TRIGGER tr_authority_translations_search AFTER INSERT OR UPDATE OR DELETE
            ON authority_translations FOR EACH ROW EXECUTE FUNCTION imi_index_authority_trigger();

        SELECT imi_reindex_authorities();
        """;

    /// <summary>
    /// The functions that write an authority's rows from the view, and the words of its texts into the
    /// lexicon. Migration SearchKeywordStems replaces them; its Down restores these.
    /// </summary>
    internal const string IndexFunctions = """
        CREATE OR REPLACE FUNCTION imi_index_authority(target uuid) RETURNS void LANGUAGE sql AS $$
            DELETE FROM authority_search WHERE authority_id = target;
            INSERT INTO authority_search SELECT * FROM authority_search_source WHERE authority_id = target;
            INSERT INTO search_lexicon SELECT DISTINCT w FROM authority_search s, unnest(tsvector_to_array(s.words)) w
                WHERE s.authority_id = target AND length(w) >= 3 ON CONFLICT DO NOTHING;
        $$;

        -- The whole index at once (after a bulk load with the triggers off).
        CREATE OR REPLACE FUNCTION imi_reindex_authorities() RETURNS void LANGUAGE sql AS $$
            TRUNCATE authority_search;
            INSERT INTO authority_search SELECT * FROM authority_search_source;
            INSERT INTO search_lexicon SELECT DISTINCT w FROM authority_search s, unnest(tsvector_to_array(s.words)) w
                WHERE length(w) >= 3 ON CONFLICT DO NOTHING;
        $$;
        """;

    public const string Down = """
        DROP FUNCTION IF EXISTS imi_reindex_authorities();
        DROP TABLE IF EXISTS search_lexicon;
        ALTER TABLE keywords DROP COLUMN IF EXISTS folded_labels;
        DROP TABLE IF EXISTS authority_search;
        DROP VIEW IF EXISTS authority_search_source;
        DROP TRIGGER IF EXISTS tr_authorities_search ON authorities;
        DROP TRIGGER IF EXISTS tr_authority_translations_search ON authority_translations;
        DROP FUNCTION IF EXISTS imi_index_authority_trigger();
        DROP FUNCTION IF EXISTS imi_index_authority(uuid);
        DROP FUNCTION IF EXISTS imi_ts_config(text);
        DROP FUNCTION IF EXISTS imi_fold(text);
        """;
}
