-- The sitemap lists every published pack: a pack published (or removed) must reach the sitemap's
-- cache like other public content. A pack is never edited once published, so updates are left out.
CREATE TRIGGER publications_log_insert_delete AFTER INSERT OR DELETE ON publications FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
