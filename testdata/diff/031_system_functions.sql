-- System information functions, oid/reg* casts and the catalog helper functions that clients
-- and tools call. Values that must differ between servers (pid, version text, sizes) are
-- compared by shape.
SELECT version() LIKE 'PostgreSQL 15%' AS v15;
SELECT split_part(version(), ' ', 2) LIKE '15.%' AS major;
SELECT current_database() = current_catalog AS same_db;
SELECT current_schema(), current_schema;
SELECT current_schemas(true), current_schemas(false);
SELECT pg_typeof(current_schemas(true)) AS t;
SELECT current_user = session_user AS same_user, user = current_user AS same_user2;
SELECT pg_backend_pid() > 0 AS positive;
SELECT pg_backend_pid() = pg_backend_pid() AS stable;
SELECT pg_typeof(pg_backend_pid()) AS t;
SELECT pg_typeof(1), pg_typeof(1::bigint), pg_typeof('a'::text), pg_typeof(1.5), pg_typeof(NULL);
SELECT pg_typeof(1) = 'integer'::regtype AS is_int, pg_typeof('x'::varchar) = 'text'::regtype AS is_text;
SELECT pg_typeof(1)::text AS t, pg_typeof(pg_typeof(1)) AS tt;
SELECT pg_typeof(1)::oid AS o;
-- regtype
SELECT 'int'::regtype, 'integer'::regtype, 'int4'::regtype, 'pg_catalog.int8'::regtype;
SELECT 'varchar(10)'::regtype, 'character varying'::regtype, 'double precision'::regtype, 'timestamptz'::regtype;
SELECT 'int[]'::regtype, 'text[]'::regtype, 'numeric(10,2)'::regtype;
SELECT 23::regtype, 25::regtype, 1043::regtype, 0::regtype;
SELECT 'bigint'::regtype::oid AS o, 'text'::regtype::oid::int AS i;
SELECT 'int'::regtype::text AS t;
SELECT 'nosuchtype'::regtype;
SELECT CAST('bool' AS regtype) AS r;
-- oid
SELECT 42::oid, '4294967295'::oid, '-1'::oid, 7::oid::int8;
SELECT '4294967296'::oid;
SELECT 'abc'::oid;
SELECT 1::oid = 1 AS eq, 2::oid > 1::oid AS gt;
SELECT pg_typeof(42::oid) AS t;
-- regclass
CREATE TABLE sf_t (id int PRIMARY KEY, name text);
CREATE TABLE "SF Mixed" (x int);
CREATE SCHEMA sf_other;
CREATE TABLE sf_other.sf_u (y int);
CREATE TABLE sf_other.sf_t (z int);
SELECT 'sf_t'::regclass, 'public.sf_t'::regclass, '"SF Mixed"'::regclass;
SELECT 'sf_other.sf_u'::regclass, 'sf_other.sf_t'::regclass;
SELECT 'SF_T'::regclass;
SELECT 'sf_t'::regclass::text AS t, 'sf_other.sf_u'::regclass::text AS u;
SELECT 'sf_t'::regclass = 'public.sf_t'::regclass AS same, 'sf_t'::regclass = 'sf_other.sf_t'::regclass AS other;
SELECT 'sf_t'::regclass::oid >= 16384 AS user_oid;
SELECT 'nosuch'::regclass;
SELECT 'sf_other.nosuch'::regclass;
SELECT 'nosuchschema.sf_t'::regclass;
SELECT '"sf_t'::regclass;
SELECT pg_typeof('sf_t'::regclass) AS t;
SELECT to_regclass('sf_t'), to_regclass('nosuch'), to_regclass('sf_other.sf_u');
SELECT to_regclass('nosuch') IS NULL AS missing;
SELECT pg_typeof(to_regclass('sf_t')) AS t;
SELECT c.oid::regclass AS r, c.relname FROM pg_class c WHERE c.relname IN ('sf_t', 'SF Mixed', 'sf_u') ORDER BY c.relname, c.relnamespace;
SELECT c.oid::regclass = 'sf_t'::regclass AS same FROM pg_class c WHERE c.relname = 'sf_t' AND c.relnamespace = 'public'::regnamespace;
SELECT count(*) FROM pg_class c WHERE c.oid::regclass = 'sf_other.sf_u'::regclass;
SELECT 0::regclass AS zero, 123::regclass AS no_relation;
SELECT a.attname, a.atttypid::regtype AS t FROM pg_attribute a WHERE a.attrelid = 'sf_t'::regclass AND a.attnum > 0 ORDER BY 2, 1;
SELECT a.atttypid::regtype AS t FROM pg_attribute a WHERE a.attrelid = 'sf_t'::regclass AND a.attnum > 0 ORDER BY t DESC;
-- regnamespace
SELECT 'public'::regnamespace, 'pg_catalog'::regnamespace, 'sf_other'::regnamespace;
SELECT 'public'::regnamespace::oid AS public_oid, 'pg_catalog'::regnamespace::oid AS catalog_oid;
SELECT 'nosuch'::regnamespace;
SELECT n.nspname, n.oid::regnamespace AS r FROM pg_namespace n WHERE n.nspname IN ('public', 'sf_other', 'pg_catalog') ORDER BY 1;
SELECT c.relnamespace::regnamespace AS nsp FROM pg_class c WHERE c.relname = 'sf_u';
SELECT 0::regnamespace AS zero, 123::regnamespace AS no_schema;
-- search_path changes what regclass prints
SET search_path = sf_other, public;
SELECT current_schema(), current_schemas(false);
SELECT 'sf_t'::regclass, 'public.sf_t'::regclass, 'sf_u'::regclass;
SELECT c.oid::regclass AS r FROM pg_class c WHERE c.relname IN ('sf_t', 'sf_u') ORDER BY c.relname, c.relnamespace;
RESET search_path;
SELECT current_schemas(true);
-- format_type
SELECT format_type(23, NULL), format_type(20, -1), format_type(25, NULL), format_type(16, NULL);
SELECT format_type(1043, 14), format_type(1043, -1), format_type(1043, NULL);
SELECT format_type(1042, 14), format_type(1042, -1), format_type(1042, NULL);
SELECT format_type(1700, 655366), format_type(1700, -1), format_type(1184, 3), format_type(1114, NULL);
SELECT format_type(1007, -1), format_type(1015, 14), format_type(1009, NULL);
SELECT format_type(99999, NULL), format_type(NULL, 1), format_type(0, NULL);
SELECT format_type('int4'::regtype, NULL) AS f;
-- users
SELECT pg_get_userbyid(10) = current_user AS bootstrap, pg_get_userbyid(1) AS unknown_role;
-- privileges: the session user is a superuser
SELECT has_table_privilege('sf_t', 'SELECT'), has_table_privilege('sf_t', 'insert, update'), has_table_privilege('sf_other.sf_u', 'DELETE WITH GRANT OPTION');
SELECT has_table_privilege(current_user, 'sf_t', 'select') AS p;
SELECT has_table_privilege('sf_t'::regclass, 'select') AS p;
SELECT has_schema_privilege('public', 'USAGE'), has_schema_privilege('sf_other', 'create'), has_schema_privilege('pg_catalog', 'usage');
SELECT has_database_privilege(current_database(), 'CONNECT') AS p;
SELECT has_table_privilege('nosuch', 'select');
SELECT has_table_privilege('sf_t', 'fly');
SELECT has_table_privilege('sf_t', '');
SELECT has_schema_privilege('nosuch', 'usage');
SELECT has_schema_privilege('public', 'select');
SELECT has_table_privilege('no_such_role', 'sf_t', 'select');
SELECT has_table_privilege('sf_t', NULL) AS p;
SELECT c.relname, has_table_privilege(c.oid, 'SELECT') AS p FROM pg_class c WHERE c.relname IN ('sf_t', 'sf_u') ORDER BY 1;
SELECT has_table_privilege(0::oid, 'SELECT') AS none, has_schema_privilege(0::oid, 'USAGE') AS none_schema;
SELECT n.nspname, has_schema_privilege(n.oid, 'USAGE') AS p FROM pg_namespace n WHERE n.nspname IN ('public', 'sf_other') ORDER BY 1;
SELECT has_database_privilege(d.oid, 'CONNECT') AS p FROM pg_database d WHERE d.datname = current_database();
-- encodings
SELECT pg_encoding_to_char(6), pg_encoding_to_char(0), pg_encoding_to_char(8), pg_encoding_to_char(35);
SELECT pg_encoding_to_char(41), pg_encoding_to_char(42), pg_encoding_to_char(-1);
-- quoting
SELECT quote_ident('abc'), quote_ident('a b'), quote_ident('Abc'), quote_ident('select');
SELECT quote_literal('it''s'), quote_literal('a\b'), quote_nullable(NULL), quote_nullable('x');
-- sizes
SELECT pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(-10240::bigint);
SELECT pg_size_pretty(123456789::bigint), pg_size_pretty(9876543210::bigint), pg_size_pretty(1125899906842624::bigint);
SELECT pg_size_pretty(12345678901234::numeric), pg_size_pretty(1.5::numeric), pg_size_pretty(20971520::numeric), pg_size_pretty(NULL::bigint);
SELECT pg_size_pretty(sum(x)) FROM (VALUES (1000::bigint), (20000::bigint)) AS v(x);
SELECT pg_relation_size('sf_t') >= 0 AS r, pg_total_relation_size('sf_t') >= 0 AS t, pg_table_size('sf_t'::regclass) >= 0 AS s;
SELECT pg_typeof(pg_relation_size('sf_t')) AS t;
SELECT pg_relation_size('nosuch');
-- descriptions (no comments are stored)
SELECT obj_description('sf_t'::regclass, 'pg_class') AS d, col_description('sf_t'::regclass, 1) AS c;
SELECT shobj_description(0, 'pg_database') AS s;
-- visibility
SELECT pg_table_is_visible('sf_t'::regclass), pg_table_is_visible('sf_other.sf_u'::regclass);
SELECT pg_type_is_visible(23), pg_type_is_visible('text'::regtype), pg_type_is_visible(99999);
-- index definitions
CREATE TABLE sf_i (id int PRIMARY KEY, a int, "B" text, c varchar(20), UNIQUE (a, c));
CREATE INDEX sf_i_b_idx ON sf_i ("B");
CREATE INDEX sf_i_ac ON sf_i (a, c);
CREATE TABLE sf_other.sf_j (id int PRIMARY KEY);
SELECT c.relname, pg_get_indexdef(c.oid) AS def FROM pg_class c WHERE c.relkind = 'i' AND c.relname LIKE 'sf_i%' ORDER BY 1;
SELECT pg_get_indexdef(i.indexrelid, 0, true) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname = 'sf_i' ORDER BY 1;
SELECT pg_get_indexdef(i.indexrelid, 0, true) AS pretty, pg_get_indexdef(i.indexrelid) AS plain FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname = 'sf_j';
SET search_path = sf_other, public;
SELECT pg_get_indexdef(i.indexrelid, 0, true) AS pretty FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname = 'sf_j';
RESET search_path;
SELECT pg_get_indexdef(0) AS none, pg_get_indexdef(NULL) AS nul, pg_get_indexdef('sf_i'::regclass) AS not_index;
-- settings
SELECT current_setting('search_path') AS sp, current_setting('server_version_num')::int / 10000 AS major;
SELECT current_setting('sf.missing', true) IS NULL AS missing;
SELECT current_setting('sf.missing');
SELECT set_config('sf.user_id', '42', false) AS v;
SELECT current_setting('sf.user_id') AS v;
SELECT set_config('search_path', 'sf_other, public', false) AS v;
SELECT current_schemas(false), 'sf_t'::regclass;
SELECT pg_catalog.set_config('search_path', '', false) AS v;
SELECT current_schemas(false), current_schema();
SELECT set_config('search_path', 'public', false) AS v;
BEGIN;
SELECT set_config('sf.user_id', 'local', true) AS v;
SELECT current_setting('sf.user_id') AS v;
COMMIT;
SELECT current_setting('sf.user_id') AS v;
BEGIN;
SELECT set_config('sf.user_id', 'rolled back', false) AS v;
ROLLBACK;
SELECT current_setting('sf.user_id') AS v;
SELECT set_config('sf.user_id', 'outside', true) AS v;
SELECT current_setting('sf.user_id') AS v;
SELECT set_config('TimeZone', 'Europe/Paris', false) AS v;
SHOW TimeZone;
SELECT set_config('TimeZone', 'UTC', false) AS v;
SELECT set_config('no_such_setting', 'x', false);
SELECT set_config('server_version', 'x', false);
SELECT set_config('statement_timeout', 'soon', false);
