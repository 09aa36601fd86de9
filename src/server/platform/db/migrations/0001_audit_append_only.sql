-- The audit log is append-only: nobody, not even the application, may change or delete an entry.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Prefix (subtree) matches on materialised paths must use an index whatever the database collation.
CREATE INDEX organisations_path_prefix_idx ON organisations (path text_pattern_ops);
--> statement-breakpoint
CREATE INDEX audit_log_org_path_prefix_idx ON audit_log (org_path text_pattern_ops, id);
