-- The sitemap lists every public event: an event published, cancelled, withdrawn to a draft or
-- moved to another address must reach the sitemap's cache like other public content. Registrations
-- and agenda edits change no listed page, so they are left out and keep the cache.
CREATE TRIGGER events_log_insert_delete AFTER INSERT OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER events_log_update AFTER UPDATE ON events FOR EACH ROW
  WHEN ((OLD.slug, OLD.status) IS DISTINCT FROM (NEW.slug, NEW.status)) EXECUTE FUNCTION coophub_log_subject();
