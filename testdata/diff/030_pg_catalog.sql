-- pg_catalog emulation over a reference schema: two schemas, tables of several types,
-- PK/UNIQUE/CHECK/FK, defaults, serial, unique and multi-column indexes, a view, sequences.
-- OIDs differ between PostgreSQL and pgtidb: queries join on them and compare names.
CREATE SCHEMA app;
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50) NOT NULL, born date, score numeric(5,2) CHECK (score >= 0), active boolean DEFAULT true, note varchar(20) UNIQUE);
CREATE TABLE app.orders (id bigint PRIMARY KEY, person_id int REFERENCES people (id) ON DELETE CASCADE, total numeric(10,2) DEFAULT 0, placed timestamptz, memo text);
CREATE INDEX orders_person_idx ON app.orders (person_id, placed);
CREATE UNIQUE INDEX people_name_born ON people (name, born);
CREATE VIEW adults AS SELECT id, name FROM people WHERE born < '2000-01-01';
CREATE SEQUENCE app.counter START 10;
CREATE TABLE plain (k int, v text);

-- pg_namespace
SELECT nspname, nspacl IS NULL AS no_acl FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' ORDER BY 1;
SELECT nspname, oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'public', 'pg_toast') ORDER BY 1;
SELECT count(*) FROM pg_namespace WHERE nspname = 'information_schema';
SELECT nspname, nspacl FROM pg_namespace WHERE nspname IN ('pg_catalog', 'public', 'information_schema', 'app') ORDER BY 1;
SELECT n.nspname FROM pg_namespace AS n JOIN pg_namespace AS m ON m.oid = n.oid WHERE n.nspname = 'app';

-- pg_class
SELECT c.relname, c.relkind, c.relpersistence, c.relispartition, c.relnatts, c.relchecks, c.relhasindex, c.relhasrules, c.relhastriggers, c.relhassubclass, c.relrowsecurity, c.relreplident, c.relisshared, c.relispopulated
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname IN ('public', 'app') ORDER BY n.nspname, c.relname;
SELECT n.nspname, c.relname, am.amname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam WHERE n.nspname IN ('public', 'app') ORDER BY 1, 2;
SELECT c.relname, c.relowner, c.reloftype, c.reltablespace, c.relacl IS NULL AS no_acl, c.reloptions IS NULL AS no_options, c.relpartbound IS NULL AS no_bound FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY c.relname;
SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'app')) ORDER BY relname;
SELECT relname, relkind FROM pg_class WHERE relname LIKE 'people%' ORDER BY relname;
SELECT c.relname FROM pg_class c WHERE c.oid = (SELECT c2.oid FROM pg_class c2 WHERE c2.relname = 'orders');
-- regclass of an index name
SELECT 'people_pkey'::regclass, 'app.orders_person_idx'::regclass, 'people_name_born'::regclass = (SELECT oid FROM pg_class WHERE relname = 'people_name_born') AS same;
SELECT c.relname FROM pg_class c WHERE c.oid = 'orders_pkey'::regclass;
SELECT 'app.orders_pkey'::regclass::oid = 'people_pkey'::regclass::oid AS same;
SELECT 'no_such_idx'::regclass;

-- pg_index, joined to the table and index relations
SELECT ic.relname AS index, tc.relname AS tbl, i.indnatts, i.indnkeyatts, i.indisunique, i.indisprimary, i.indisexclusion, i.indimmediate, i.indisclustered, i.indisvalid, i.indisready, i.indislive, i.indkey, i.indcollation, i.indclass, i.indoption, i.indexprs IS NULL AS no_exprs, i.indpred IS NULL AS no_pred
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = tc.relnamespace
  WHERE n.nspname IN ('public', 'app') ORDER BY 1;
SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname = 'plain';

-- pg_am
SELECT oid, amname, amtype FROM pg_am WHERE amname IN ('heap', 'btree') ORDER BY oid;

-- pg_database
SELECT datname, datdba, encoding, datlocprovider, datistemplate, datallowconn, datconnlimit, datcollate, datctype, daticulocale, datacl IS NULL AS no_acl FROM pg_database WHERE datname = current_database();

-- roles: the connecting user is the bootstrap superuser
SELECT rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolconnlimit, rolbypassrls, rolvaliduntil, oid FROM pg_roles WHERE rolname = current_user;
SELECT r.rolname FROM pg_roles r JOIN pg_namespace n ON n.nspowner = r.oid WHERE n.nspname = 'public';
SELECT usesysid, usecreatedb, usesuper, userepl, usebypassrls FROM pg_user WHERE usename = current_user;
SELECT a.rolsuper, a.rolcanlogin, a.oid FROM pg_authid a JOIN pg_roles r ON r.oid = a.oid WHERE r.rolname = current_user;

-- pg_type of the built-in types
SELECT oid, typname, typnamespace, typlen, typbyval, typtype, typcategory, typispreferred, typdelim, typelem, typarray, typalign, typstorage, typnotnull, typbasetype, typtypmod, typndims, typcollation
  FROM pg_type WHERE typname IN ('bool', 'int2', 'int4', 'int8', 'text', 'varchar', 'bpchar', 'numeric', 'float4', 'float8', 'date', 'timestamp', 'timestamptz', 'time', 'bytea', 'json', 'jsonb', 'uuid', 'oid', 'name', 'char') ORDER BY oid;
SELECT t.typname, e.typname AS elem FROM pg_type t JOIN pg_type e ON e.oid = t.typelem WHERE t.typname IN ('_int4', '_text', '_bool') ORDER BY 1;
SELECT typname, typinput::oid, typoutput::oid, typreceive::oid, typsend::oid FROM pg_type WHERE typname IN ('bool', 'int4', 'text', 'varchar', 'numeric') ORDER BY typname;

-- pg_attribute: user columns with PostgreSQL's types and modifiers, index and sequence columns,
-- system columns
SELECT c.relname, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attlen, a.attbyval, a.attalign, a.attstorage, a.attnotnull, a.atthasdef, a.attidentity, a.attgenerated, a.attisdropped, a.attislocal, a.attinhcount, a.attndims, a.attcollation, a.attstattarget
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname IN ('public', 'app') ORDER BY 1, 2;
SELECT a.attname, a.atttypid, a.atttypmod FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'orders' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;

-- pg_attrdef: which columns have defaults
SELECT c.relname, a.attname FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum ORDER BY 1, 2;

-- pg_constraint
SELECT c.conname, n.nspname, c.contype, c.condeferrable, c.condeferred, c.convalidated, t.relname, c.contypid, c.conparentid, c.confupdtype, c.confdeltype, c.confmatchtype, c.conislocal, c.coninhcount, c.connoinherit, c.confkey
  FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = c.connamespace
  WHERE n.nspname IN ('public', 'app') ORDER BY 1;
SELECT c.conname, c.conkey FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype IN ('p', 'u', 'f') AND n.nspname IN ('public', 'app') ORDER BY 1;
SELECT c.conname, i.relname AS index, r.relname AS references FROM pg_constraint c LEFT JOIN pg_class i ON i.oid = c.conindid LEFT JOIN pg_class r ON r.oid = c.confrelid WHERE c.conname IN ('people_pkey', 'people_note_key', 'orders_person_id_fkey', 'people_score_check') ORDER BY 1;

-- pg_sequence, pg_depend (sequences owned by columns)
SELECT c.relname, s.seqtypid, s.seqstart, s.seqincrement, s.seqmin, s.seqcache, s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1;
SELECT s.relname, t.relname, d.refobjsubid, d.deptype FROM pg_depend d JOIN pg_class s ON s.oid = d.objid JOIN pg_class t ON t.oid = d.refobjid WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i') ORDER BY 1;

-- pg_indexes: indexdef as pg_get_indexdef prints it (names quoted as quote_ident does)
CREATE TABLE "Mixed Case" ("Key" int PRIMARY KEY, "select" int, plain_col int);
CREATE INDEX "Mixed idx" ON "Mixed Case" ("select", plain_col);
SELECT schemaname, tablename, indexname, tablespace, indexdef FROM pg_indexes WHERE schemaname IN ('public', 'app') ORDER BY 1, 2, 3;
DROP TABLE "Mixed Case";

-- pg_tables, pg_collation, pg_tablespace
SELECT schemaname, tablename, tableowner = current_user AS mine, tablespace, hasindexes, hasrules, hastriggers, rowsecurity FROM pg_tables WHERE schemaname IN ('public', 'app') ORDER BY 1, 2;
SELECT oid, collname, collnamespace, collprovider, collisdeterministic, collencoding, collcollate, collctype, colliculocale FROM pg_collation WHERE collname IN ('default', 'C', 'POSIX') ORDER BY oid;
SELECT oid, spcname, spcacl, spcoptions FROM pg_tablespace ORDER BY oid;

-- relations pgtidb has no objects for are empty, with PostgreSQL's columns
-- PostgreSQL implements foreign keys with internal triggers, pgtidb has none
SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal;
SELECT count(*) FROM pg_catalog.pg_inherits;
SELECT count(*) FROM pg_policy;
SELECT * FROM pg_publication;
SELECT * FROM pg_event_trigger;
SELECT * FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = current_user;
SELECT count(*) FROM pg_statistic_ext;
SELECT count(*) FROM pg_enum;
SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE c.relname = 'people';

-- aliases, subqueries, pg_catalog listed in search_path
SELECT x.relname FROM pg_catalog.pg_class AS x WHERE x.relname = 'plain';
SELECT (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'r') AS tables FROM pg_namespace n WHERE n.nspname = 'app';
SELECT relname FROM pg_class WHERE EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = pg_class.oid AND indisprimary) AND relname LIKE 'people%';
SET search_path = public, pg_catalog;
SELECT relname FROM pg_class WHERE relname = 'plain';
RESET search_path;
-- a user table named like a catalog relation: pg_catalog comes first unless search_path lists it later
CREATE TABLE pg_am (mine int);
INSERT INTO public.pg_am VALUES (1);
SELECT amname FROM pg_am WHERE amname = 'btree';
SELECT mine FROM public.pg_am;
SET search_path = public, pg_catalog;
SELECT mine FROM pg_am;
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'pg_am' AND n.nspname = 'public';
SET search_path = pg_catalog, public;
SELECT amname FROM pg_am WHERE amname = 'heap';
RESET search_path;
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'pg_am' AND n.nspname = 'public';
DROP TABLE public.pg_am;
SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class WHERE pg_catalog.pg_class.relname = 'adults';
SELECT * FROM pg_catalog.pg_no_such;
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'rx' AND n.nspname IN ('public', 'app') ORDER BY 1;

-- OIDs the translator folds into a statement ('t'::regclass) are the ones pg_class shows
SELECT relname FROM pg_class WHERE oid = 'people'::regclass;
SELECT relname, relkind FROM pg_class WHERE oid = 'app.orders'::regclass;
SELECT nspname FROM pg_namespace WHERE oid = 'app'::regnamespace;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'app.orders'::regclass ORDER BY 1;
-- a unique index is no constraint; UNIQUE in CREATE TABLE and ADD CONSTRAINT are
CREATE TABLE uqi (a int, b int, c int, CONSTRAINT uqi_b_key UNIQUE (b));
CREATE UNIQUE INDEX uqi_a_idx ON uqi (a);
ALTER TABLE uqi ADD CONSTRAINT uqi_c_key UNIQUE (c);
SELECT conname, contype, conkey FROM pg_constraint WHERE conrelid = 'uqi'::regclass ORDER BY 1;
SELECT c.relname, i.indisunique, i.indisprimary FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'uqi'::regclass ORDER BY 1;
SELECT indexname FROM pg_indexes WHERE tablename = 'uqi' ORDER BY 1;
SELECT relname, relkind FROM pg_class WHERE relname LIKE 'uqi%' ORDER BY 1;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name = 'uqi' AND constraint_type <> 'CHECK' ORDER BY 1;
ALTER TABLE uqi DROP CONSTRAINT uqi_a_idx;
ALTER TABLE uqi DROP CONSTRAINT uqi_c_key;
SELECT conname FROM pg_constraint WHERE conrelid = 'uqi'::regclass AND contype = 'u' ORDER BY 1;
SELECT a.attname FROM pg_attribute a WHERE a.attrelid = 'people'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT c.relname, i.indisprimary FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'people'::regclass ORDER BY 1;
SELECT 'people'::regclass::oid = (SELECT oid FROM pg_class WHERE relname = 'people');

-- array_to_string of an array column (psql's \l: array_to_string(d.datacl, E'\n'))
SELECT nspname, array_to_string(nspacl, E'\n') AS acl, array_to_string(nspacl, ', ', '*') AS acl2 FROM pg_namespace WHERE nspname IN ('public', 'pg_catalog', 'pg_toast', 'information_schema', 'app') ORDER BY 1;
SELECT k, array_to_string(x, ','), array_to_string(x, ',', '*'), array_to_string(x, NULL) FROM (SELECT 1 AS k, ARRAY['a', NULL, 'c"d\e'] AS x UNION ALL SELECT 2, ARRAY['']::text[] UNION ALL SELECT 3, '{}'::text[] UNION ALL SELECT 4, NULL::text[] UNION ALL SELECT 5, ARRAY[NULL, 'b']) s ORDER BY k;
SELECT datname, array_to_string(datacl, E'\n') FROM pg_database WHERE datname = current_database();

-- relation sizes of computed oids (psql's \dt+): estimates that differ from PostgreSQL's pages
SELECT c.relname, c.relkind, pg_table_size(c.oid) >= 0 AS t, pg_relation_size(c.oid) >= 0 AS r, pg_total_relation_size(c.oid) >= pg_table_size(c.oid) AS tot, pg_size_pretty(pg_table_size(c.oid)) IS NOT NULL AS pretty FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') AND c.relkind IN ('r', 'S') ORDER BY 1;
SELECT c.relname, pg_table_size(c.oid), pg_total_relation_size(c.oid) FROM pg_class c WHERE c.relkind = 'v' AND c.relname = 'adults';

-- pg_table_is_visible of computed oids follows the search path
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') ORDER BY 1;
SET search_path = app, public;
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') ORDER BY 1;
SET search_path = app;
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pg_table_is_visible(c.oid) AND c.relkind = 'r' AND n.nspname <> 'pg_catalog' ORDER BY 1;
RESET search_path;

-- correlated subqueries over catalog relations, one answer per outer row: TiDB runs them as an
-- Apply that reopens the inner side per row, and reads an information_schema table only once
-- per statement (catalog.EvaluatedOnce materializes the emulations of nested FROM items)
SELECT a.attname, (SELECT d.adnum FROM pg_attrdef d WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum) AS def FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'people' AND a.attnum > 0 ORDER BY a.attnum;
SELECT c.relname, (SELECT n.nspname FROM pg_namespace n WHERE n.oid = c.relnamespace) AS nsp FROM pg_class c WHERE c.relname IN ('people', 'orders', 'adults', 'counter', 'people_pkey') ORDER BY 1;
SELECT c.relname, (SELECT t.typname FROM pg_type t WHERE t.oid = a.atttypid) AS typ, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'orders' AND a.attnum > 0 ORDER BY a.attnum;
SELECT c.relname, (SELECT i.indisprimary FROM pg_index i WHERE i.indexrelid = c.oid) AS pk FROM pg_class c WHERE c.relkind = 'i' AND c.relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'app')) ORDER BY 1;
SELECT a.attname, (SELECT r.conname FROM pg_constraint r WHERE r.conrelid = a.attrelid AND r.contype = 'f' AND a.attnum = ANY (r.conkey)) AS fk FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'orders' AND a.attnum > 0 ORDER BY a.attnum;
SELECT c.relname, EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND NOT i.indisprimary) AS has_unique FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') AND c.relkind = 'r' ORDER BY 1;
SELECT c.relname, (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0) AS cols, (SELECT x.relname FROM pg_class x WHERE x.relnamespace = c.relnamespace AND x.relname > c.relname ORDER BY x.relname LIMIT 1) AS next FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') ORDER BY 1;
WITH rels AS (SELECT oid, relname, relkind FROM pg_class) SELECT c.relname, (SELECT r.relkind FROM rels r WHERE r.oid = c.oid) AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' ORDER BY 1;
SELECT c.relname, (SELECT (SELECT n.nspname FROM pg_namespace n WHERE n.oid = x.relnamespace) FROM pg_class x WHERE x.oid = c.oid) AS nsp FROM pg_class c WHERE c.relname IN ('people', 'orders', 'counter') ORDER BY 1;
SELECT c.relname, (SELECT v.relname FROM (SELECT oid, relname FROM pg_class) v WHERE v.oid = c.oid) AS self FROM pg_class c WHERE c.relname IN ('people', 'orders', 'counter') ORDER BY 1;

-- the catalog follows DDL
ALTER TABLE plain ADD COLUMN w int;
CREATE INDEX plain_k ON plain (k);
SELECT relname, relnatts, relhasindex FROM pg_class WHERE relname IN ('plain', 'plain_k') ORDER BY 1;
DROP TABLE plain;
SELECT count(*) FROM pg_class WHERE relname IN ('plain', 'plain_k');
