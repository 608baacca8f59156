CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_studies" ADD COLUMN "facet_keys" text[];--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_studies_rank_idx" ON "case_studies" USING gin ("rank_vector");--> statement-breakpoint
CREATE INDEX "case_studies_facets_idx" ON "case_studies" USING gin ("facet_keys");--> statement-breakpoint
-- Facet keys: see the comment on case_studies.facet_keys in src/db/schema/case-studies.ts.
-- Slugs of free-text details (council type, nation, region) as the address writes them.
CREATE OR REPLACE FUNCTION coophub_slug(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(trim(both '-' from regexp_replace(lower(coalesce(value, '')), '[^a-z0-9]+', '-', 'g')), '')
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_facet_keys(case_study integer, kind text, year_start integer, year_end integer) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}') FROM (
    SELECT 'k:' || kind AS k
    UNION ALL
    -- A long-running project counts in each of its years, up to a century.
    SELECT 'y:' || y FROM generate_series(year_start, least(coalesce(year_end, year_start), year_start + 100)) AS y WHERE year_start IS NOT NULL
    UNION ALL
    SELECT 'p:' || principle_id FROM case_study_principles WHERE case_study_id = case_study
    UNION ALL
    SELECT 'h:' || theme_id FROM case_study_themes WHERE case_study_id = case_study
    UNION ALL
    SELECT unnest(ARRAY[
      'm:' || o.id,
      CASE WHEN o.tier <> 'none' THEN 't:' || o.tier END,
      'c:' || coophub_slug(o.council_type),
      'n:' || coophub_slug(o.nation),
      'r:' || coophub_slug(o.region)])
    FROM case_study_organisations l JOIN organisations o ON o.id = l.organisation_id
    WHERE l.case_study_id = case_study AND l.role IN ('lead', 'participant')
  ) AS keys WHERE k IS NOT NULL
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_case_study_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'published' THEN
    NEW.facet_keys := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW.facet_keys IS NULL OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.year_start IS DISTINCT FROM NEW.year_start
      OR OLD.year_end IS DISTINCT FROM NEW.year_end THEN
    NEW.facet_keys := coophub_facet_keys(NEW.id, NEW.kind, NEW.year_start, NEW.year_end);
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER case_studies_facets BEFORE INSERT OR UPDATE ON case_studies FOR EACH ROW EXECUTE FUNCTION coophub_case_study_facets();--> statement-breakpoint
-- Links changed: refresh the published case studies concerned, once per statement.
CREATE OR REPLACE FUNCTION coophub_link_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only rows whose keys really change are written: each write re-indexes the row's search
  -- vectors, and a bulk load that publishes before linking would otherwise pay that per link table.
  UPDATE case_studies cs SET facet_keys = fresh.keys
  FROM (
    SELECT c.id, coophub_facet_keys(c.id, c.kind, c.year_start, c.year_end) AS keys FROM case_studies c
    WHERE c.status = 'published' AND c.id IN (
      SELECT case_study_id FROM changed_links)
  ) AS fresh
  WHERE cs.id = fresh.id AND cs.facet_keys IS DISTINCT FROM fresh.keys;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER case_study_principles_facets_insert AFTER INSERT ON case_study_principles REFERENCING NEW TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_link_facets();--> statement-breakpoint
CREATE TRIGGER case_study_principles_facets_delete AFTER DELETE ON case_study_principles REFERENCING OLD TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_link_facets();--> statement-breakpoint
CREATE TRIGGER case_study_themes_facets_insert AFTER INSERT ON case_study_themes REFERENCING NEW TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_link_facets();--> statement-breakpoint
CREATE TRIGGER case_study_themes_facets_delete AFTER DELETE ON case_study_themes REFERENCING OLD TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_link_facets();--> statement-breakpoint
CREATE TRIGGER case_study_organisations_facets_insert AFTER INSERT ON case_study_organisations REFERENCING NEW TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_link_facets();--> statement-breakpoint
CREATE TRIGGER case_study_organisations_facets_delete AFTER DELETE ON case_study_organisations REFERENCING OLD TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_link_facets();--> statement-breakpoint
CREATE TRIGGER case_study_organisations_facets_update AFTER UPDATE ON case_study_organisations REFERENCING NEW TABLE AS changed_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_link_facets();--> statement-breakpoint
-- A member's tier, council type, nation or region changed: its published case studies follow.
CREATE OR REPLACE FUNCTION coophub_organisation_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_studies cs SET facet_keys = coophub_facet_keys(cs.id, cs.kind, cs.year_start, cs.year_end)
  WHERE cs.status = 'published' AND cs.id IN (
    SELECT l.case_study_id FROM case_study_organisations l
    JOIN new_organisations n ON n.id = l.organisation_id JOIN old_organisations o ON o.id = n.id
    WHERE l.role IN ('lead', 'participant')
      AND (n.tier, n.council_type, n.nation, n.region) IS DISTINCT FROM (o.tier, o.council_type, o.nation, o.region));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER organisations_facets AFTER UPDATE ON organisations REFERENCING OLD TABLE AS old_organisations NEW TABLE AS new_organisations FOR EACH STATEMENT EXECUTE FUNCTION coophub_organisation_facets();--> statement-breakpoint
-- The words "did you mean" suggests from: those of published titles, summaries and linked names,
-- counted per case study. One statement's rows are counted together, so a bulk load upserts each
-- word once, not once per case study.
CREATE OR REPLACE FUNCTION coophub_words_of(title text, summary text, search_extra text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(w), '{}') FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(search_extra, '')))) AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[a-z][a-z''-]*$'
$$;--> statement-breakpoint
-- Updates count every old published row's words down and every new one's up, with no join of old
-- to new rows: transition tables carry no statistics, and the join planned as a nested loop cost a
-- second per 1,000 rows (measured); unchanged rows cancel out before anything is written.
CREATE OR REPLACE FUNCTION coophub_count_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_words (word, documents)
    SELECT w, count(*) FROM new_rows n, unnest(coophub_words_of(n.title, n.summary, n.search_extra)) AS w
    WHERE n.status = 'published' GROUP BY w
    ON CONFLICT (word) DO UPDATE SET documents = search_words.documents + excluded.documents;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE search_words s SET documents = greatest(0, s.documents - d.n)
    FROM (SELECT w, count(*) AS n FROM old_rows o, unnest(coophub_words_of(o.title, o.summary, o.search_extra)) AS w
          WHERE o.status = 'published' GROUP BY w) AS d WHERE s.word = d.w;
  ELSE
    INSERT INTO search_words (word, documents)
    SELECT w, sum(d)::int FROM (
      SELECT w, -1 AS d FROM old_rows o, unnest(coophub_words_of(o.title, o.summary, o.search_extra)) AS w WHERE o.status = 'published'
      UNION ALL
      SELECT w, 1 FROM new_rows n, unnest(coophub_words_of(n.title, n.summary, n.search_extra)) AS w WHERE n.status = 'published'
    ) AS delta GROUP BY w HAVING sum(d) <> 0
    ON CONFLICT (word) DO UPDATE SET documents = greatest(0, search_words.documents + excluded.documents);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER case_studies_words_insert AFTER INSERT ON case_studies REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coophub_count_words();--> statement-breakpoint
CREATE TRIGGER case_studies_words_update AFTER UPDATE ON case_studies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coophub_count_words();--> statement-breakpoint
CREATE TRIGGER case_studies_words_delete AFTER DELETE ON case_studies REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coophub_count_words();--> statement-breakpoint
UPDATE case_studies SET facet_keys = coophub_facet_keys(id, kind, year_start, year_end) WHERE status = 'published';--> statement-breakpoint
INSERT INTO search_words (word, documents)
SELECT w, count(*) FROM case_studies cs, unnest(coophub_words_of(cs.title, cs.summary, cs.search_extra)) AS w
WHERE cs.status = 'published' GROUP BY w
ON CONFLICT (word) DO UPDATE SET documents = excluded.documents;
