-- The statements pg_dump 15 sends (pg_dump --schema-only, as PostgreSQL's log_statement=all
-- records them), in its order, over a small schema. OIDs differ between the servers, so the
-- catalog queries select names. pg_dump against pgtidb stops at the first statement marked
-- as a gap here (e2e/pgdump_test.go checks which one).
CREATE SCHEMA app;
CREATE SCHEMA empty_one;
CREATE TABLE public.customers (id serial PRIMARY KEY, email varchar(120) NOT NULL UNIQUE);
CREATE TABLE app.tickets (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer REFERENCES public.customers (id) ON DELETE RESTRICT);
-- connection setup
SELECT pg_catalog.set_config('search_path', '', false);
SHOW search_path;
SELECT pg_catalog.pg_is_in_recovery();
SELECT pg_is_in_recovery() AS recovering, pg_catalog.pg_is_in_recovery() IS FALSE AS primary;
SELECT pg_is_in_recovery(1);
SET DATESTYLE = ISO;
SET INTERVALSTYLE = POSTGRES;
SET extra_float_digits TO 3;
SET synchronize_seqscans TO off;
SHOW synchronize_seqscans;
SET synchronize_seqscans TO maybe;
RESET synchronize_seqscans;
SHOW synchronize_seqscans;
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET row_security = off;
-- gap: restrict-nonsystem-relation-kind
SELECT set_config(name, 'view, foreign-table', false) FROM pg_settings WHERE name = 'restrict_nonsystem_relation_kind';
-- the same lookup of parameters both servers have, and of none
SELECT set_config(name, 'off', false) FROM pg_settings WHERE name = 'synchronize_seqscans';
SHOW synchronize_seqscans;
SELECT set_config(name, '2s', false) FROM pg_catalog.pg_settings WHERE name = 'lock_timeout';
SHOW lock_timeout;
SELECT set_config(name, 'x', false) FROM pg_settings WHERE name = 'no_such_parameter';
SELECT set_config(name, 'abc', false) FROM pg_settings WHERE name = 'lock_timeout';
SHOW lock_timeout;
SET lock_timeout = 0;
-- the dump's transaction
BEGIN;
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SHOW transaction_isolation;
SHOW transaction_read_only;
SELECT rolname FROM pg_catalog.pg_roles WHERE rolname !~ '^pg_' ORDER BY 1;
-- gap: no-plpgsql
SELECT x.tableoid, x.oid, x.extname, n.nspname, x.extrelocatable, x.extversion, x.extconfig, x.extcondition FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace;
-- gap: no-plpgsql
SELECT classid, objid, refobjid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e' ORDER BY 3;
ROLLBACK;
-- acldefault: the privileges of an object whose ACL was never changed
SELECT n.nspname, acldefault('n', n.nspowner) AS acldefault FROM pg_namespace n WHERE n.nspname IN ('public', 'app', 'pg_catalog') ORDER BY 1;
SELECT acldefault('r', 10) AS r, acldefault('s', 10) AS s, acldefault('d', 10) AS d, acldefault('f', 10) AS f, acldefault('T', 10) AS t, acldefault('c', 10) AS c;
SELECT acldefault('l', 6171) AS l, acldefault('L', 10) AS lo, acldefault('t', 10) AS ts, acldefault('F', 10) AS fdw, acldefault('S', 10) AS srv, acldefault('p', 10) AS p;
SELECT acldefault('n', 99999) AS unknown_owner, acldefault('n', NULL) IS NULL AS null_owner, acldefault(NULL, 10) IS NULL AS null_type;
SELECT acldefault(CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE 'r'::"char" END, 10) AS acldefault, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') ORDER BY c.relname;
SELECT pg_typeof(acldefault('n', 10)), array_length(acldefault('d', 10), 1);
SELECT acldefault('x', 10);
SELECT acldefault('n');
SELECT 's'::"char" AS s, 'ab'::"char" AS ab, pg_typeof('r'::"char");
SELECT c.relname FROM pg_class c WHERE c.relkind = 'S'::"char" ORDER BY 1;
-- regclass of pg_catalog tables (fixed OIDs)
SELECT 'pg_class'::regclass::oid AS pg_class, 'pg_catalog.pg_extension'::regclass::oid AS pg_extension, 'pg_depend'::regclass AS pg_depend, 'pg_catalog.pg_proc'::regclass::text AS pg_proc;
SELECT s.relname, t.relname AS owner, d.refobjsubid, d.deptype FROM pg_depend d JOIN pg_class s ON s.oid = d.objid JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = s.relnamespace WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND n.nspname IN ('public', 'app') ORDER BY 1;
SELECT 'pg_catalog.no_such_catalog'::regclass;
-- system column tableoid: the catalog's fixed OID, a user table's pg_class OID
SELECT n.nspname, n.tableoid, a.tableoid AS am_tableoid FROM pg_namespace n, pg_am a WHERE n.nspname = 'app' AND a.amname = 'btree';
SELECT DISTINCT tableoid FROM pg_catalog.pg_type;
SELECT DISTINCT t.tableoid, c.tableoid FROM pg_type t JOIN pg_class c ON c.reltype = t.oid OR true WHERE c.relname = 'customers';
SELECT count(*) FROM pg_attribute a WHERE a.tableoid = 1249 AND a.attname = 'email';
-- gap: not-yet
SELECT tableoid FROM pg_namespace n, pg_am a;
SELECT tableoid FROM pg_tables;
SELECT s.tableoid FROM information_schema.schemata s;
SELECT v.tableoid FROM (SELECT 1) v;
INSERT INTO public.customers (email) VALUES ('a@example.com');
SELECT tableoid = 'public.customers'::regclass AS own, c.tableoid = 'public.customers'::regclass AS qualified FROM public.customers c;
SELECT tableoid = 'app.tickets'::regclass FROM app.tickets;
SELECT c.tableoid FROM public.customers c JOIN app.tickets t ON t.customer_id = c.id;
-- gap: not-yet
SELECT tableoid FROM public.customers c JOIN app.tickets t ON t.customer_id = c.id;
-- LOCK TABLE … IN ACCESS SHARE MODE, in pg_dump's read-only snapshot transaction
LOCK TABLE public.customers IN ACCESS SHARE MODE;
BEGIN;
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
LOCK TABLE public.customers IN ACCESS SHARE MODE;
LOCK TABLE app.tickets IN ACCESS SHARE MODE;
LOCK public.customers, app.tickets, public.customers IN ACCESS SHARE MODE;
LOCK TABLE ONLY public.customers IN ACCESS SHARE MODE;
SELECT count(*) FROM public.customers;
COMMIT;
BEGIN;
LOCK TABLE public.no_such IN ACCESS SHARE MODE;
ROLLBACK;
BEGIN;
LOCK TABLE app.customers IN ACCESS SHARE MODE;
ROLLBACK;
BEGIN;
-- gap: lock-modes
LOCK TABLE public.customers;
ROLLBACK;
BEGIN;
-- gap: lock-modes
LOCK TABLE public.customers IN ROW EXCLUSIVE MODE;
ROLLBACK;
BEGIN;
-- gap: lock-modes
LOCK TABLE public.customers IN ACCESS SHARE MODE NOWAIT;
ROLLBACK;
