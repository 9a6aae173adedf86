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
-- pg_dump's pg_class query: reloptions without the view check options (array_remove), the
-- check option, identity sequences.
SELECT c.relname, c.relkind, array_remove(array_remove(c.reloptions, 'check_option=local'), 'check_option=cascaded') AS reloptions, CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'::text WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED'::text ELSE NULL END AS checkoption, (d.deptype = 'i') IS TRUE AS is_identity_sequence FROM pg_class c LEFT JOIN pg_depend d ON (c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.objsubid = 0 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') AND c.relkind IN ('r', 'S', 'v') ORDER BY c.relname;
SELECT array_remove(ARRAY['a', 'b', NULL, 'a'], 'a') AS a, array_remove(ARRAY['a', NULL], NULL) AS b, array_remove(array_remove('{x,y,z}'::text[], 'x'), 'z') AS c, array_remove('{1,2,1}'::int[], 1) AS d, array_remove(NULL::text[], 'a') AS e, array_remove('{}'::text[], 'a') AS f, array_remove(ARRAY['a ', 'a'], 'a') AS g;
SELECT s.k, array_remove(s.a, 'b') AS one, array_remove(array_remove(s.a, 'b'), NULL) AS two FROM (SELECT 1 AS k, ARRAY['a', 'b', NULL] AS a UNION ALL SELECT 2, ARRAY['b'] UNION ALL SELECT 3, NULL::text[]) s ORDER BY s.k;
SELECT array_remove(ARRAY[1], 'a');
SELECT array_remove(ARRAY[true, false, NULL], true) AS b, array_remove(ARRAY['2024-01-01'::date, '2024-01-02'], '2024-01-01') AS d, array_remove(ARRAY['x'::varchar, 'y'], 'y') AS v;
-- gap: array-remove-numeric
SELECT array_remove(ARRAY[1.5, 2], 1.50);
-- pg_dump's pg_type query: typname[0] is the first byte of the name, a "char".
SELECT typname, acldefault('T', typowner) AS acldefault, CASE WHEN typrelid = 0 THEN ' '::"char" ELSE (SELECT relkind FROM pg_class WHERE oid = typrelid) END AS typrelkind, typtype, typisdefined, typname[0] = '_' AND typelem != 0 AND (SELECT typarray FROM pg_type te WHERE oid = pg_type.typelem) = oid AS isarray FROM pg_type WHERE typnamespace = 11 AND typname IN ('int4', '_int4', 'text', '_text', 'bool', 'name') ORDER BY typname;
SELECT typname, typname[0] AS first, typname[3] AS fourth, typname[3] = '' AS past_end, typname[63] = '' AS padded, typname[64] IS NULL AS outside, typname[-1] IS NULL AS negative, pg_typeof(typname[0]) FROM pg_type WHERE typname IN ('int4', '_int4', 'name') ORDER BY 1;
SELECT t.typname, t.typname[s.i] AS byte FROM pg_type t, (SELECT 0 AS i UNION ALL SELECT 2 UNION ALL SELECT 99) s WHERE t.typname = 'bool' ORDER BY s.i;
SELECT typname[0:1] FROM pg_type;
-- foreign-data wrappers, servers and column options: ARRAY(SELECT … ORDER BY …) of
-- pg_options_to_table under array_to_string.
SELECT tableoid, oid, srvname, srvowner, srvfdw, srvtype, srvversion, srvacl, acldefault('S', srvowner) AS acldefault, array_to_string(ARRAY(SELECT quote_ident(option_name) || ' ' || quote_literal(option_value) FROM pg_options_to_table(srvoptions) ORDER BY option_name), E',
    ') AS srvoptions FROM pg_foreign_server;
SELECT * FROM pg_options_to_table('{a=1,b=x=y,c,"z="}') ORDER BY 1;
SELECT option_name, option_value IS NULL AS no_value FROM pg_options_to_table('{c}');
SELECT count(*) FROM pg_options_to_table(NULL);
SELECT * FROM pg_options_to_table('{a,NULL}');
SELECT * FROM pg_options_to_table(ARRAY[1]);
SELECT s.k, array_to_string(ARRAY(SELECT quote_ident(option_name) || ' ' || quote_literal(option_value) FROM pg_options_to_table(s.o) ORDER BY option_name), E',
    ') AS options FROM (SELECT 1 AS k, '{b=2,a=1,"Upper=x",c}'::text[] AS o UNION ALL SELECT 2, '{}'::text[] UNION ALL SELECT 3, NULL::text[]) s ORDER BY s.k;
SELECT v.k, quote_ident(v.x) FROM (VALUES (1, 'abc'), (2, 'Abc'), (3, 'a"b'), (4, 'select'), (5, '1a'), (6, 'int'), (7, 'name'), (8, NULL), (9, '_x9')) v(k, x) ORDER BY v.k;
SELECT n.nspname, ARRAY(SELECT c.relname FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'r' ORDER BY c.relname DESC) AS tables FROM pg_namespace n WHERE n.nspname IN ('public', 'app') ORDER BY 1;
SELECT ARRAY(SELECT relname::text FROM pg_class WHERE relname IN ('customers', 'tickets') ORDER BY 1) AS a, ARRAY(SELECT relname FROM pg_class WHERE false ORDER BY 1) AS b, ARRAY(SELECT nullif(relname, 'tickets') FROM pg_class WHERE relname IN ('customers', 'tickets') ORDER BY 1) AS c, ARRAY(SELECT relname FROM pg_class WHERE relname IN ('customers', 'tickets', 'customers_pkey') ORDER BY length(relname), relname DESC LIMIT 2) AS d;
SELECT array_to_string(ARRAY(SELECT relname FROM pg_class WHERE relname IN ('customers', 'tickets') ORDER BY 1 DESC), ', ') AS a, array_to_string(ARRAY(SELECT relname FROM pg_class WHERE relname IN ('customers', 'tickets') ORDER BY 1), NULL) IS NULL AS b, array_to_string(ARRAY(SELECT nullif(relname, 'tickets') FROM pg_class WHERE relname IN ('customers', 'tickets') ORDER BY 1), '-', '*') AS c, array_to_string(ARRAY(SELECT relname FROM pg_class WHERE false), ',') AS d;
SELECT e.oid, evtname, array_to_string(array(select quote_literal(x) from unnest(evttags) as t(x)), ', ') as evttags FROM pg_event_trigger e ORDER BY e.oid;
SELECT array_to_string(ARRAY(SELECT quote_literal(x) FROM unnest(s.t) AS t(x) ORDER BY x), ', ') FROM (SELECT '{b,a,NULL}'::text[] AS t) s;
-- pg_default_acl and pg_policy: acldefault of defaclobjtype, untyped array literals compared
-- with arrays.
SELECT oid, tableoid, defaclrole, defaclnamespace, defaclobjtype, defaclacl, CASE WHEN defaclnamespace = 0 THEN acldefault(CASE WHEN defaclobjtype = 'S' THEN 's'::"char" ELSE defaclobjtype END, defaclrole) ELSE '{}' END AS acldefault FROM pg_default_acl;
SELECT n.nspname, CASE WHEN n.nspname = 'public' THEN acldefault('n', n.nspowner) ELSE '{}' END AS acl FROM pg_namespace n WHERE n.nspname IN ('public', 'app') ORDER BY n.nspname;
SELECT '{1,2}'::int[] = '{1,2}' AS a, '{1,NULL}'::int[] = '{1,NULL}' AS b, '{a,b}'::text[] <> '{a}' AS c, '{0}'::oid[] = '{0}' AS d;
SELECT pol.polname, CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(rolname) from pg_catalog.pg_roles WHERE oid = ANY(pol.polroles)), ', ') END AS polroles FROM unnest('{1,2}'::pg_catalog.oid[]) AS src(tbloid) JOIN pg_catalog.pg_policy pol ON (src.tbloid = pol.polrelid);
-- pg_dump's pg_attribute query, over the tables' oids.
SELECT c.relname, a.attnum, a.attname, a.atttypmod, a.attnotnull, a.attisdropped, a.attlen, a.attalign, a.attislocal, pg_catalog.format_type(t.oid, a.atttypmod) AS atttypname, array_to_string(a.attoptions, ', ') AS attoptions, CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation ELSE 0 END AS attcollation, pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value) FROM pg_catalog.pg_options_to_table(attfdwoptions) ORDER BY option_name), E',
    ') AS attfdwoptions, a.attidentity, CASE WHEN a.atthasmissing AND NOT a.attisdropped THEN a.attmissingval ELSE null END AS attmissingval, a.attgenerated FROM unnest(ARRAY(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') AND c.relkind = 'r')) AS src(tbloid) JOIN pg_catalog.pg_attribute a ON (src.tbloid = a.attrelid) JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_catalog.pg_type t ON (a.atttypid = t.oid) WHERE a.attnum > 0::pg_catalog.int2 ORDER BY c.relname, a.attnum;
-- pg_dump's index query: array_agg(… ORDER BY …) of the index columns' statistics targets.
SELECT array_agg(relname ORDER BY relname DESC) AS a, array_agg(relname::text ORDER BY relname) FILTER (WHERE relname LIKE 'c%') AS b, array_agg(nullif(relname, 'tickets') ORDER BY relname) AS c FROM pg_class WHERE relname IN ('customers', 'tickets', 'customers_pkey');
SELECT array_agg(relname) FROM pg_class WHERE false;
SELECT c.relname, (SELECT pg_catalog.array_agg(attnum ORDER BY attnum) FROM pg_catalog.pg_attribute WHERE attrelid = c.oid AND attnum > 0) AS cols, (SELECT pg_catalog.array_agg(attnum ORDER BY attnum) FROM pg_catalog.pg_attribute WHERE attrelid = c.oid AND attstattarget >= 0) AS indstatcols FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') AND c.relkind IN ('r', 'i') ORDER BY 1;
SELECT c.relkind, array_agg(c.relname ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') GROUP BY c.relkind ORDER BY 1;
-- gap: array-agg-distinct
SELECT array_agg(DISTINCT relkind) FROM pg_class;
-- built-in objects pg_dump reads and leaves out: operators, operator classes and families,
-- casts (the rows over the types pgtidb shows), text search, conversions, ranges (none).
SELECT o.oprname, o.oprkind, o.oprleft::regtype, o.oprright::regtype, o.oprresult::regtype, o.oprcode::oid FROM pg_operator o WHERE o.oprleft = 'int4'::regtype AND o.oprright = 'int4'::regtype ORDER BY o.oid;
SELECT count(*) FROM pg_operator WHERE oprnamespace <> 11;
SELECT c.opcname, c.opcmethod, c.opcdefault, f.opfname, c.opcintype::regtype FROM pg_opclass c JOIN pg_opfamily f ON f.oid = c.opcfamily WHERE c.opcname IN ('int4_ops', 'text_ops', 'bool_ops') AND c.opcmethod = 403 ORDER BY 1;
SELECT count(*) FROM pg_opclass WHERE opcnamespace <> 11;
SELECT count(*) FROM pg_opfamily WHERE opfnamespace <> 11;
SELECT castsource::regtype, casttarget::regtype, castfunc, castcontext, castmethod FROM pg_cast c WHERE castsource = 'int4'::regtype AND casttarget IN ('int8'::regtype, 'text'::regtype, 'bool'::regtype, 'numeric'::regtype) AND NOT EXISTS (SELECT 1 FROM pg_range r WHERE c.castsource = r.rngtypid AND c.casttarget = r.rngmultitypid) ORDER BY 3, 4;
SELECT a.amopstrategy, a.amopopr::oid, a.amoppurpose FROM pg_amop a JOIN pg_opfamily f ON f.oid = a.amopfamily WHERE f.opfname = 'integer_ops' AND f.opfmethod = 403 AND a.amoplefttype = 'int4'::regtype AND a.amoprighttype = 'int4'::regtype ORDER BY 1;
SELECT p.amprocnum, p.amproc::oid FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily WHERE f.opfname = 'text_ops' AND f.opfmethod = 403 AND p.amproclefttype = 'text'::regtype ORDER BY 1;
SELECT classid, objid, refclassid, refobjid, deptype FROM pg_depend d, pg_amop o WHERE deptype NOT IN ('p', 'e', 'i') AND classid = 'pg_amop'::regclass AND objid = o.oid AND NOT (refclassid = 'pg_opfamily'::regclass AND amopfamily = refobjid);
-- gap: no-text-search
SELECT count(*) FROM pg_ts_parser;
-- gap: no-text-search
SELECT count(*) FROM pg_ts_config;
SELECT count(*) FROM pg_ts_parser WHERE prsnamespace <> 11;
SELECT count(*) FROM pg_ts_template WHERE tmplnamespace <> 11;
SELECT count(*) FROM pg_ts_dict WHERE dictnamespace <> 11;
SELECT count(*) FROM pg_ts_config WHERE cfgnamespace <> 11;
SELECT count(*) FROM pg_conversion WHERE connamespace <> 11;
SELECT count(*) FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid WHERE t.typnamespace <> 11;
-- the rules of views (pg_rewrite) and of nothing else; pg_get_triggerdef of no trigger.
CREATE VIEW app.customer_names AS SELECT email FROM public.customers;
SELECT c.relname, r.rulename, r.ev_type, r.is_instead, r.ev_enabled, r.ev_qual FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') ORDER BY 1;
SELECT pg_get_triggerdef(0) IS NULL AS a, pg_get_triggerdef(0, true) IS NULL AS b, pg_get_triggerdef(NULL) IS NULL AS c;
SELECT t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, false) AS tgdef, t.tgenabled, t.tgparentid <> 0 AS tgispartition FROM unnest('{1,2}'::pg_catalog.oid[]) AS src(tbloid) JOIN pg_catalog.pg_trigger t ON (src.tbloid = t.tgrelid) LEFT JOIN pg_catalog.pg_trigger u ON (u.oid = t.tgparentid) WHERE ((NOT t.tgisinternal AND t.tgparentid = 0) OR t.tgenabled != u.tgenabled) ORDER BY t.tgrelid, t.tgname;
SELECT DISTINCT v.relname AS view, c.relname AS reads, d.deptype FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class JOIN pg_class c ON c.oid = d.refobjid WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND v.relname = 'customer_names' ORDER BY 2, 3;
DROP VIEW app.customer_names;
-- pg_dump's publication query: generate_series in FROM over an int2vector's bounds, vector
-- subscripts (from 0).
SELECT * FROM generate_series(1, 5);
SELECT s FROM generate_series(5, 1, -2) s;
SELECT x, pg_typeof(x) FROM generate_series(1::bigint, 2) AS g(x);
SELECT count(*) FROM generate_series(3, 1);
SELECT count(*) FROM generate_series(1, NULL);
SELECT * FROM generate_series(1, 3, 0);
SELECT c.relname, (SELECT count(*) FROM generate_series(1, c.relnatts)) AS n FROM pg_class c WHERE c.relname IN ('customers', 'tickets') ORDER BY 1;
SELECT i.indkey[0] AS k0, i.indkey[1] AS k1, i.indkey[5] IS NULL AS k5, i.indkey[-1] IS NULL AS kneg, array_upper(i.indkey::int2[], 1) AS upper, array_lower(i.indkey::int2[], 1) AS lower, array_length(i.indkey::int2[], 1) AS length, array_upper(i.indkey::int2[], 2) IS NULL AS upper2 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'customers_pkey';
SELECT c.relname, (SELECT array_agg(attname ORDER BY s) FROM pg_catalog.generate_series(0, pg_catalog.array_upper(i.indkey::pg_catalog.int2[], 1)) s, pg_catalog.pg_attribute WHERE attrelid = i.indrelid AND attnum = i.indkey[s]) AS cols FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') ORDER BY 1;
SELECT tableoid, oid, prpubid, prrelid, (CASE WHEN pr.prattrs IS NOT NULL THEN (SELECT array_agg(attname) FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s, pg_catalog.pg_attribute WHERE attrelid = pr.prrelid AND attnum = prattrs[s]) ELSE NULL END) prattrs FROM pg_catalog.pg_publication_rel pr;
-- gap: vector-cast
SELECT i.indkey::int2[] FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'customers_pkey';
-- dependencies pg_dump orders by: a SERIAL column's default draws from its sequence.
SELECT d.classid = 'pg_attrdef'::regclass AS attrdef, d.objsubid, s.relname AS seq, d.deptype FROM pg_depend d JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S' JOIN pg_attrdef a ON a.oid = d.objid JOIN pg_class t ON t.oid = a.adrelid WHERE d.classid = 'pg_attrdef'::regclass AND t.relname = 'customers';
-- initial privileges pg_dump compares schema ACLs with.
SELECT n.nspname, p.classoid = 'pg_namespace'::regclass AS namespace, p.objsubid, p.privtype, p.initprivs FROM pg_init_privs p JOIN pg_namespace n ON n.oid = p.objoid WHERE p.classoid = 'pg_namespace'::regclass ORDER BY 1;
-- pg_dump -n 'ap*' -N empty_one -t 'public.cust*': the schema and table patterns ("char" =
-- ANY of a text array).
SELECT nspname FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.~) '^(ap.*)$' COLLATE pg_catalog.default;
SELECT nspname FROM pg_catalog.pg_namespace n WHERE n.nspname OPERATOR(pg_catalog.~) '^(empty_one)$' COLLATE pg_catalog.default;
SELECT c.relname FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace WHERE c.relkind OPERATOR(pg_catalog.=) ANY (array['r', 'S', 'v', 'm', 'f', 'p']) AND c.relname OPERATOR(pg_catalog.~) '^(cust.*)$' COLLATE pg_catalog.default AND n.nspname OPERATOR(pg_catalog.~) '^(public)$' COLLATE pg_catalog.default ORDER BY 1;
SELECT 'a'::"char" = 'a'::text AS t, 'a'::"char" = 'a'::varchar AS v, 'a'::"char" < 'b'::text AS lt, 'a'::"char" = 'a '::bpchar AS bp, c.relkind = 'r'::text AS col FROM pg_class c WHERE c.relname = 'customers';
-- pg_dump -F c and --create: unnest in a select list.
SELECT unnest(setconfig) FROM pg_db_role_setting WHERE setrole = 0 AND setdatabase = 1;
SELECT s.k, unnest(s.o) AS option FROM (SELECT 1 AS k, '{b=2,a=1}'::text[] AS o UNION ALL SELECT 2, '{}'::text[] UNION ALL SELECT 3, NULL::text[] UNION ALL SELECT 4, '{c}'::text[]) s WHERE s.k <> 1;
SELECT unnest(ARRAY[1, 2, 3]) AS n;
SELECT count(*), sum(x.n) FROM (SELECT unnest(ARRAY[1, 2, NULL]) AS n) x;
SELECT unnest(ARRAY[2, 1]) ORDER BY 1;
-- gap: srf-select-list
SELECT unnest(ARRAY[2, 1]) + 1 AS n;
