-- System functions psql's \d calls about objects pgtidb has none of (partitions, extended
-- statistics, publications), and result-column names PostgreSQL gives CASE expressions.
CREATE TABLE pt (id int PRIMARY KEY, v text);
CREATE VIEW pv AS SELECT id FROM pt;
SELECT pg_partition_ancestors('pt');
SELECT pg_partition_ancestors('pt'), count(*) FROM pt;
SELECT 1 AS one WHERE 'pt'::regclass IN (SELECT pg_partition_ancestors('pt') UNION ALL VALUES ('pt'::regclass));
SELECT (SELECT count(*) FROM (SELECT pg_partition_ancestors('pt')) s) AS n;
SELECT 1 WHERE pg_partition_ancestors('pt') IS NULL;
SELECT pg_relation_is_publishable('pt'), pg_relation_is_publishable('pv'), pg_relation_is_publishable('pg_class'), pg_relation_is_publishable(0), pg_relation_is_publishable(12345678);
SELECT pg_relation_is_publishable(c.oid) FROM pg_class c WHERE c.relname IN ('pt', 'pv', 'pt_pkey') ORDER BY c.relname;
SELECT pg_get_statisticsobjdef_columns(0), pg_get_statisticsobjdef(1), pg_get_statisticsobjdef_columns(NULL);
SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname, pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns, stxstattarget FROM pg_catalog.pg_statistic_ext WHERE stxrelid = 'pt'::regclass ORDER BY nsp, stxname;
SELECT CASE WHEN true THEN 1 ELSE abs(-2) END, CASE WHEN true THEN 1 END, CASE WHEN true THEN 1 ELSE 2 END, CASE WHEN false THEN 1 ELSE (SELECT 3) END, CASE WHEN true THEN 'a' ELSE 'x'::text END;
SELECT CASE WHEN id > 0 THEN NULL ELSE v END FROM pt;
-- computed regclass and regnamespace as text (\d orders by it, SQLAlchemy passes it on)
SELECT c.oid::regclass::text, c.relnamespace::regnamespace::text FROM pg_class c WHERE c.relname IN ('pt', 'pv', 'pt_pkey') ORDER BY 1;
CREATE SCHEMA "Odd Schema";
CREATE TABLE "Odd Schema"."Odd Table" (k int);
SELECT c.oid::regclass::text, c.relnamespace::regnamespace::text FROM pg_class c WHERE c.relname = 'Odd Table';
SET search_path = "Odd Schema", public;
SELECT c.oid::regclass::text FROM pg_class c WHERE c.relname IN ('Odd Table', 'pt') ORDER BY 1;
RESET search_path;
SELECT (0::oid)::regclass::text, NULL::oid::regclass::text;
-- descriptions of built-in functions (psql's \df+)
SELECT obj_description(p.oid, 'pg_proc') FROM pg_proc p WHERE proname = 'abs' ORDER BY p.oid;
SELECT p.proname, d.description FROM pg_description d JOIN pg_proc p ON p.oid = d.objoid AND d.classoid = 'pg_proc'::regclass WHERE p.proname IN ('abs', 'version', 'now') ORDER BY p.oid;
SELECT obj_description(p.oid) FROM pg_proc p WHERE p.proname = 'version';
-- pg_get_serial_sequence of computed names (SQLAlchemy's get_columns)
CREATE TABLE ser1 (id serial, b int GENERATED ALWAYS AS IDENTITY, c int);
CREATE SCHEMA sapp;
CREATE TABLE sapp.ser2 (k bigserial PRIMARY KEY, v text);
SELECT a.attname, pg_get_serial_sequence(a.attrelid::regclass::text, a.attname) FROM pg_attribute a WHERE a.attrelid = 'ser1'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT a.attname, pg_get_serial_sequence(a.attrelid::regclass::text, a.attname) FROM pg_attribute a WHERE a.attrelid = 'sapp.ser2'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT a.attname, s.seqstart, s.seqincrement FROM pg_attribute a JOIN pg_sequence s ON s.seqrelid = pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)::regclass::oid WHERE a.attrelid = 'ser1'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SET search_path = sapp, public;
SELECT a.attname, pg_get_serial_sequence(a.attrelid::regclass::text, a.attname) FROM pg_attribute a WHERE a.attrelid = 'ser2'::regclass AND a.attnum > 0 ORDER BY a.attnum;
RESET search_path;
