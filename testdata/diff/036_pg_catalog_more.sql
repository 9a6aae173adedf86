-- pg_proc, pg_language, pg_extension, pg_settings, pg_sequences, pg_views, pg_stat_activity,
-- correlated subqueries over the constant and session emulations (read once per statement)
SELECT o.x, (SELECT count(*) FROM pg_proc p WHERE p.proname = o.x) AS overloads, EXISTS (SELECT 1 FROM pg_settings s WHERE s.name = o.y) AS known FROM (VALUES ('abs', 'work_mem'), ('now', 'nope'), ('round', 'search_path')) o(x, y) ORDER BY 1;
SELECT l.lanname, (SELECT count(*) FROM pg_proc p WHERE p.prolang = l.oid AND p.proname IN ('abs', 'lpad', 'now', 'log10')) AS functions FROM pg_language l ORDER BY l.oid;

-- pg_inherits and pg_enum, and the functions over pg_proc oids. pgtidb's pg_proc holds
-- PostgreSQL 15's rows of the built-in functions it translates; the names below are those
-- whose every overload pgtidb lists (lower, max… have overloads over ranges, money, inet).

-- pg_proc
SELECT oid, proname, pronamespace, proowner, prolang, procost, prorows, provariadic, prosupport::oid, prokind, prosecdef, proleakproof, proisstrict, proretset, provolatile, proparallel, pronargs, pronargdefaults, prorettype, proargtypes, proallargtypes, proargmodes, proargnames, proargdefaults IS NULL AS no_defaults, protrftypes, prosrc, probin, prosqlbody IS NULL AS no_body, proconfig, proacl
  FROM pg_proc WHERE proname IN ('abs', 'concat_ws', 'jsonb_extract_path', 'now', 'count', 'round', 'lpad', 'sqrt', 'split_part', 'string_agg', 'avg', 'pg_backend_pid', 'version', 'to_char', 'coalesce') ORDER BY oid;
SELECT p.proname, p.oid FROM pg_catalog.pg_proc p WHERE p.proname = 'md5' ORDER BY 2;
-- no user functions (PostgreSQL's information_schema has internal functions pgtidb does not list)
SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema');
SELECT count(*) FROM pg_proc WHERE prokind = 'p';
SELECT p.proname, t.typname FROM pg_proc p JOIN pg_type t ON t.oid = p.prorettype WHERE p.proname IN ('abs', 'upper', 'now') AND p.pronargs <= 1 AND t.typname <> 'anyelement' ORDER BY 1, 2;
SELECT proname, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE proname IN ('lpad', 'log10', 'abs') ORDER BY 1, 2;
-- functions of pg_proc oids
SELECT pg_get_function_result(1397), pg_get_function_arguments(1397), pg_get_function_identity_arguments(3059), pg_get_function_arguments(3059);
SELECT pg_get_function_result(0), pg_get_function_arguments(NULL), pg_function_is_visible(0), pg_function_is_visible(1397);
SELECT p.oid, pg_get_function_result(p.oid), pg_get_function_arguments(p.oid), pg_get_function_identity_arguments(p.oid), pg_function_is_visible(p.oid) FROM pg_proc p WHERE p.proname IN ('round', 'jsonb_extract_path', 'string_agg', 'count') ORDER BY 1;
SELECT pg_get_function_sqlbody(p.oid) FROM pg_proc p WHERE p.proname IN ('lpad', 'abs') ORDER BY p.oid;
-- regproc: input of a function name PostgreSQL has one function of, output of any oid pgtidb's rows name
SELECT 'now'::regproc, 'now'::regproc::oid, 'pg_catalog.version'::regproc::oid, '-'::regproc::oid, '1299'::regproc, 0::regproc, 99999::regproc;
SELECT 'abs'::regproc;
SELECT 'no_such_function'::regproc;
SELECT 'lower'::regproc;
SELECT p.oid, p.oid::regproc FROM pg_proc p WHERE p.proname IN ('now', 'abs', 'version', 'concat', 'left') ORDER BY p.oid;
SELECT proname, prosupport FROM pg_proc WHERE proname IN ('starts_with', 'count') ORDER BY oid;
SELECT typname, typinput, typoutput, typreceive, typsend, typmodin, typmodout, typanalyze FROM pg_type WHERE typname IN ('int4', 'text', 'bool', 'numeric', 'varchar', '_int4', 'jsonb', 'timestamptz') ORDER BY typname;
SELECT p.proname FROM pg_proc p WHERE p.oid = 'now'::regproc;
-- psql's \df (no pattern: functions outside pg_catalog), then \df abs and \dfa count
SELECT n.nspname as "Schema",
  p.proname as "Name",
  pg_catalog.pg_get_function_result(p.oid) as "Result data type",
  pg_catalog.pg_get_function_arguments(p.oid) as "Argument data types",
 CASE p.prokind
  WHEN 'a' THEN 'agg'
  WHEN 'w' THEN 'window'
  WHEN 'p' THEN 'proc'
  ELSE 'func'
 END as "Type"
FROM pg_catalog.pg_proc p
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE pg_catalog.pg_function_is_visible(p.oid)
      AND n.nspname <> 'pg_catalog'
      AND n.nspname <> 'information_schema'
ORDER BY 1, 2, 4;
SELECT n.nspname as "Schema",
  p.proname as "Name",
  pg_catalog.pg_get_function_result(p.oid) as "Result data type",
  pg_catalog.pg_get_function_arguments(p.oid) as "Argument data types",
 CASE p.prokind
  WHEN 'a' THEN 'agg'
  WHEN 'w' THEN 'window'
  WHEN 'p' THEN 'proc'
  ELSE 'func'
 END as "Type"
FROM pg_catalog.pg_proc p
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE p.proname OPERATOR(pg_catalog.~) '^(abs)$' COLLATE pg_catalog.default
  AND pg_catalog.pg_function_is_visible(p.oid)
ORDER BY 1, 2, 4;
SELECT n.nspname as "Schema",
  p.proname as "Name",
  pg_catalog.pg_get_function_result(p.oid) as "Result data type",
  pg_catalog.pg_get_function_arguments(p.oid) as "Argument data types",
 CASE p.prokind
  WHEN 'a' THEN 'agg'
  WHEN 'w' THEN 'window'
  WHEN 'p' THEN 'proc'
  ELSE 'func'
 END as "Type"
FROM pg_catalog.pg_proc p
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE (
       p.prokind = 'a'
      )
  AND p.proname OPERATOR(pg_catalog.~) '^(count|string_agg)$' COLLATE pg_catalog.default
  AND pg_catalog.pg_function_is_visible(p.oid)
ORDER BY 1, 2, 4;

-- pg_language and pg_extension, as a fresh PostgreSQL 15 database has them
SELECT oid, lanname, lanowner, lanispl, lanpltrusted, lanplcallfoid, laninline, lanvalidator, lanacl FROM pg_language ORDER BY oid;
SELECT l.lanname AS "Name", pg_catalog.pg_get_userbyid(l.lanowner) as "Owner", l.lanpltrusted AS "Trusted" FROM pg_catalog.pg_language l WHERE l.lanplcallfoid != 0 ORDER BY 1;
SELECT oid, extname, extowner, extnamespace, extrelocatable, extversion, extconfig, extcondition FROM pg_extension;
SELECT e.extname AS "Name", e.extversion AS "Version", n.nspname AS "Schema" FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace ORDER BY 1;

-- pg_settings: the parameters pgtidb knows, with the session's values
SELECT name, setting, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, enumvals, boot_val, reset_val, sourcefile, sourceline, pending_restart
  FROM pg_settings WHERE name IN ('IntervalStyle', 'block_size', 'bytea_output', 'check_function_bodies', 'client_min_messages', 'default_transaction_isolation', 'default_transaction_read_only', 'extra_float_digits', 'idle_in_transaction_session_timeout', 'integer_datetimes', 'lock_timeout', 'maintenance_work_mem', 'max_identifier_length', 'row_security', 'search_path', 'standard_conforming_strings', 'statement_timeout', 'work_mem', 'xmloption', 'jit', 'random_page_cost', 'enable_seqscan', 'escape_string_warning', 'default_tablespace', 'default_table_access_method')
  ORDER BY name;
-- DateStyle comes from the configuration file of the PostgreSQL the tests run
SELECT name, setting, unit, category, short_desc, extra_desc, context, vartype, boot_val, reset_val FROM pg_settings WHERE name = 'DateStyle';
SELECT name, source FROM pg_settings WHERE name IN ('work_mem', 'statement_timeout', 'search_path', 'bytea_output') ORDER BY name;
SET work_mem = '8MB';
SET statement_timeout = '2s';
SET search_path = public, pg_catalog;
SELECT name, setting, source FROM pg_settings WHERE name IN ('work_mem', 'statement_timeout', 'search_path') ORDER BY name;
SELECT s.setting = current_setting('work_mem') AS same_text, current_setting('work_mem') FROM pg_settings s WHERE s.name = 'work_mem';
RESET work_mem;
RESET statement_timeout;
RESET search_path;
SELECT name, setting, source FROM pg_settings WHERE name IN ('work_mem', 'statement_timeout', 'search_path') ORDER BY name;
BEGIN;
SET LOCAL lock_timeout = '1min';
SELECT setting FROM pg_settings WHERE name = 'lock_timeout';
COMMIT;
SELECT setting FROM pg_settings WHERE name = 'lock_timeout';
SELECT count(*) FROM pg_settings WHERE name = 'no_such_parameter';

-- pg_sequences
CREATE SEQUENCE s_up START 5 INCREMENT 2;
CREATE SEQUENCE s_small AS smallint;
CREATE SEQUENCE s_down INCREMENT -1 MINVALUE -100 MAXVALUE -1 CYCLE;
CREATE TABLE with_serial (id serial PRIMARY KEY, v text);
SELECT schemaname, sequencename, sequenceowner = current_user AS owned, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size
  FROM pg_sequences ORDER BY sequencename;
SELECT sequencename, last_value FROM pg_sequences WHERE sequencename = 's_up';
-- gap: pg-sequences-last-value
SELECT nextval('s_up'), (SELECT last_value FROM pg_sequences WHERE sequencename = 's_up');

-- pg_views
CREATE VIEW serial_view AS SELECT id FROM with_serial;
CREATE SCHEMA other;
CREATE VIEW other.v2 AS SELECT 1 AS one;
SELECT schemaname, viewname, viewowner = current_user AS owned FROM pg_views WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2;
SELECT viewname, definition FROM pg_views WHERE viewname = 'serial_view';

-- pg_inherits and pg_enum: pgtidb has no inheritance and no enum types
SELECT inhrelid, inhparent, inhseqno, inhdetachpending FROM pg_inherits;
SELECT oid, enumtypid, enumsortorder, enumlabel FROM pg_enum;

-- pg_stat_activity: this session's row
SELECT datname, pid = pg_backend_pid() AS me, leader_pid, usesysid, usename = current_user AS user_ok, state, wait_event_type, wait_event, backend_xid, backend_type
  FROM pg_stat_activity WHERE pid = pg_backend_pid();
SELECT count(*) FROM pg_stat_activity WHERE pid = pg_backend_pid() AND datname = current_database();
SELECT query, client_hostname, client_port > 0 AS tcp, backend_start <= now() AS started, query_start >= backend_start AS ordered, xact_start <= query_start AS xact FROM pg_stat_activity WHERE pid = pg_backend_pid();
SELECT a.datid = d.oid AS same_db, a.usesysid = r.oid AS same_user FROM pg_stat_activity a JOIN pg_database d ON d.datname = a.datname JOIN pg_roles r ON r.rolname = a.usename WHERE a.pid = pg_backend_pid();
SELECT application_name = current_setting('application_name') AS same_app FROM pg_stat_activity WHERE pid = pg_backend_pid();
BEGIN;
-- gap: now-statement-time
SELECT xact_start = now() AS xact_now FROM pg_stat_activity WHERE pid = pg_backend_pid();
SELECT xact_start < query_start AS began_before, state, query FROM pg_stat_activity WHERE pid = pg_backend_pid();
COMMIT;
SELECT state, xact_start = query_start AS implicit, query FROM pg_stat_activity WHERE pid = pg_backend_pid();
