-- The sitemap lists calls and projects, and a case study's page names the project it came from:
-- a call opening, closing or moving address, and a project starting, closing or becoming a case
-- study, must reach the page cache like other public content. Saves that change nothing public
-- (a call's draft edits, a report) are left out, so writing a bid or a report keeps the cache.
CREATE TRIGGER calls_log_insert_delete AFTER INSERT OR DELETE ON calls FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER calls_log_update AFTER UPDATE ON calls FOR EACH ROW
  WHEN ((OLD.slug, OLD.status) IS DISTINCT FROM (NEW.slug, NEW.status)) EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER projects_log_insert_delete AFTER INSERT OR DELETE ON projects FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER projects_log_update AFTER UPDATE ON projects FOR EACH ROW
  WHEN ((OLD.slug, OLD.title, OLD.status, OLD.case_study_id) IS DISTINCT FROM (NEW.slug, NEW.title, NEW.status, NEW.case_study_id))
  EXECUTE FUNCTION coophub_log_subject();
