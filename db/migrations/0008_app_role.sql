-- A least-privilege role for the running app (README, "Database roles"). The role that runs the
-- migrations owns the tables and may change them; the app's own login role is made a member of
-- sspr_app, which reads and writes rows but cannot alter the schema, drop the audit log's
-- append-only trigger, or change or remove an audit event. Creating a role needs CREATEROLE: a
-- migrator without it is told so (NOTICE) and the grants wait until the role exists.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sspr_app') THEN
    BEGIN
      CREATE ROLE sspr_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- made at the same moment elsewhere
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'sspr_app was not created (no CREATEROLE): create it, then run the grants of db/migrations/0008_app_role.sql';
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sspr_app') THEN
    GRANT USAGE ON SCHEMA public TO sspr_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sspr_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sspr_app;
    -- The audit log: read and added to, never changed (the trigger refuses that too).
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM sspr_app;
    -- Tables and sequences that later migrations (run by this same role) create.
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sspr_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sspr_app;
    -- Which migrations are applied (the readiness check reads it).
    IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN
      GRANT USAGE ON SCHEMA drizzle TO sspr_app;
      GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO sspr_app;
    END IF;
  END IF;
END
$$;
