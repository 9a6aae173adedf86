-- PostgreSQL's text of defaults and CHECK constraints (pg_get_expr, pg_get_constraintdef,
-- information_schema), constraint definitions, and comments (COMMENT ON, pg_description,
-- obj_description, col_description). pgtidb stores the text it computes when it creates the
-- expression (translate/deparse.go) and falls back to TiDB's text otherwise.
CREATE SCHEMA app;
CREATE TABLE d1 (id serial PRIMARY KEY, a int DEFAULT 5, b bigint DEFAULT 5, c smallint DEFAULT 0, d numeric(10,2) DEFAULT 0, e numeric DEFAULT 1.5, f text DEFAULT 'x''y', g varchar(10) DEFAULT 'v', h boolean DEFAULT true, i date DEFAULT CURRENT_DATE, j timestamptz DEFAULT now(), k timestamp DEFAULT LOCALTIMESTAMP, l timestamptz DEFAULT CURRENT_TIMESTAMP, m int DEFAULT -1, n float8 DEFAULT 1.5, o real DEFAULT 0, p date DEFAULT '2020-01-02', q char(3) DEFAULT 'ab', r jsonb DEFAULT '{}', s uuid DEFAULT NULL, t bigint DEFAULT -5, u numeric DEFAULT -1.5, w text DEFAULT '', x timestamp DEFAULT '2020-01-01 10:00', z float8 DEFAULT -2, bb boolean DEFAULT 'yes', i2 int DEFAULT '7', n2 numeric DEFAULT '007.50', big bigint DEFAULT 5000000000, huge numeric DEFAULT 99999999999999999999,
 c1 int CHECK (c1 > 0), c2 numeric CHECK (c2 >= 0), c3 text CHECK (c3 <> ''), c4 int CHECK (c4 BETWEEN 1 AND 10), c5 text CHECK (c5 IN ('a','b')), c6 int CHECK (c6 IS NOT NULL AND c6 < 100 OR c6 = 5), c7 varchar(5) CHECK (length(c7) > 2), c8 numeric(5,2) CHECK (c8 > 1.5), c9 bigint CHECK (c9 > 0), c10 date CHECK (c10 > '2000-01-01'), c11 text CHECK (c11 LIKE 'a%'), c12 int CHECK (c12 <> ALL (ARRAY[1,2])), c13 boolean CHECK (c13), c14 int CHECK (NOT (c14 = 3)), c15 float8 CHECK (c15 > 0),
 c16 int CHECK (c16 NOT IN (1, 2)), c17 int CHECK (c17 NOT BETWEEN 5 AND 6), c18 int CHECK ((c18 + 1) * 2 > c18 - 1 - 2), c19 text CHECK (lower(c19) = c19 OR c19 IS NULL), c20 varchar(10) CHECK (c20 NOT LIKE '%x%'), c21 smallint CHECK (c21 < 100), c22 int CHECK (c22 > '5'), c23 timestamp CHECK (c23 >= '2020-01-01'), c24 numeric CHECK (c24 * 2 <= 10.5), c25 char(2) CHECK (c25 <> 'zz'));
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) AS plain, pg_get_expr(d.adbin, d.adrelid, true) AS pretty FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'd1'::regclass ORDER BY a.attnum;
SELECT conname, pg_get_constraintdef(oid) AS plain, pg_get_constraintdef(oid, true) AS pretty FROM pg_constraint WHERE conrelid = 'd1'::regclass ORDER BY conname;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'd1' AND column_default IS NOT NULL ORDER BY ordinal_position;
SELECT c.constraint_name, c.check_clause FROM information_schema.check_constraints c JOIN information_schema.table_constraints t USING (constraint_schema, constraint_name) WHERE t.table_name = 'd1' AND c.check_clause NOT LIKE '%IS NOT NULL' ORDER BY 1;
SELECT count(*) FROM pg_attrdef WHERE adrelid = 'd1'::regclass;
SELECT attname, atthasdef FROM pg_attribute WHERE attrelid = 'd1'::regclass AND attnum > 0 AND attname IN ('id', 'a', 's', 'c1') ORDER BY attnum;
-- identity columns have no default in pg_attrdef
CREATE TABLE idt (id int GENERATED ALWAYS AS IDENTITY, v int DEFAULT 3);
SELECT a.attname, a.atthasdef, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = 'idt'::regclass AND a.attnum > 0 ORDER BY a.attnum;
-- ALTER TABLE: added columns, SET/DROP DEFAULT, added checks, type changes
ALTER TABLE idt ADD COLUMN w text DEFAULT 'w';
ALTER TABLE idt ALTER COLUMN v SET DEFAULT 42;
ALTER TABLE idt ADD CONSTRAINT idt_v_check CHECK (v BETWEEN 0 AND 100);
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'idt'::regclass ORDER BY a.attnum;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'idt'::regclass ORDER BY conname;
ALTER TABLE idt ALTER COLUMN v DROP DEFAULT;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'idt'::regclass ORDER BY a.attnum;
ALTER TABLE idt RENAME TO idt2;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'idt2'::regclass ORDER BY conname;
-- keys and foreign keys, across schemas and with the search path
CREATE TABLE cm1 (id int PRIMARY KEY, a text, b int CHECK (b > 0));
CREATE TABLE cm2 (id int PRIMARY KEY, p int REFERENCES cm1 (id) ON DELETE CASCADE, UNIQUE (p, id));
CREATE TABLE app.cm3 (k int, l int, "Odd Name" int, m int, PRIMARY KEY (k, l), FOREIGN KEY (m) REFERENCES cm1 (id) ON UPDATE SET NULL ON DELETE RESTRICT);
CREATE TABLE cm4 (x int, y int, FOREIGN KEY (x, y) REFERENCES app.cm3 (k, l), UNIQUE ("x"));
SELECT conrelid::regclass, conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid IN ('cm1'::regclass, 'cm2'::regclass, 'app.cm3'::regclass, 'cm4'::regclass) ORDER BY 2;
SET search_path = app, public;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cm4'::regclass ORDER BY 1;
RESET search_path;
SELECT pg_get_constraintdef(NULL), pg_get_constraintdef(0) IS NULL;
-- comments
COMMENT ON TABLE cm1 IS 'first table';
COMMENT ON COLUMN cm1.a IS 'the a';
COMMENT ON COLUMN app.cm3."Odd Name" IS 'odd';
COMMENT ON CONSTRAINT cm1_b_check ON cm1 IS 'positive';
COMMENT ON SCHEMA app IS 'application';
COMMENT ON SEQUENCE d1_id_seq IS 'ids';
CREATE VIEW v1 AS SELECT id FROM cm1;
COMMENT ON VIEW v1 IS 'a view';
COMMENT ON COLUMN cm1.nope IS 'x';
COMMENT ON TABLE nope IS 'x';
COMMENT ON TABLE v1 IS 'x';
COMMENT ON VIEW cm1 IS 'x';
COMMENT ON CONSTRAINT nope ON cm1 IS 'x';
COMMENT ON SCHEMA nope IS 'x';
SELECT obj_description('cm1'::regclass, 'pg_class'), obj_description('cm1'::regclass), col_description('cm1'::regclass, 2), col_description('cm1'::regclass, 1);
SELECT obj_description('v1'::regclass, 'pg_class'), obj_description('d1_id_seq'::regclass, 'pg_class'), col_description('app.cm3'::regclass, 3);
SELECT c.relname, d.objsubid, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE d.classoid = 'pg_class'::regclass ORDER BY 1, 2;
SELECT n.nspname, d.description FROM pg_description d JOIN pg_namespace n ON n.oid = d.objoid WHERE d.classoid = 'pg_namespace'::regclass ORDER BY 1;
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = 'cm1'::regclass ORDER BY 1;
SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'app';
BEGIN;
COMMENT ON TABLE cm1 IS 'changed';
SELECT obj_description('cm1'::regclass, 'pg_class');
ROLLBACK;
SELECT obj_description('cm1'::regclass, 'pg_class');
COMMENT ON TABLE cm1 IS NULL;
COMMENT ON COLUMN cm1.a IS '';
SELECT obj_description('cm1'::regclass, 'pg_class'), col_description('cm1'::regclass, 2);
COMMENT ON SCHEMA public IS 'mine';
SELECT obj_description('public'::regnamespace, 'pg_namespace');
COMMENT ON SCHEMA public IS NULL;
SELECT obj_description('public'::regnamespace, 'pg_namespace');
COMMENT ON SCHEMA public IS 'standard public schema';
-- a comment follows its table through a rename and goes with it
ALTER TABLE cm2 RENAME TO cm2b;
COMMENT ON TABLE cm2b IS 'renamed';
ALTER TABLE cm2b RENAME TO cm2c;
SELECT obj_description('cm2c'::regclass, 'pg_class');
DROP TABLE cm2c;
SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE c.relname LIKE 'cm2%';
-- IN lists over varchar (the array is varchar[], coerced to text[] for the operator)
CREATE TABLE d2 (v varchar(5) CHECK (v IN ('a', 'b')), w varchar(5) CHECK (w NOT IN ('x')), z text CHECK (z = ANY (ARRAY['p', 'q'])));
SELECT conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'd2'::regclass ORDER BY 1;
-- a sequence's declared type (TiDB keeps none; pgtidb stores the AS type)
CREATE SEQUENCE st1 AS integer MINVALUE 1 MAXVALUE 99999 CYCLE;
CREATE SEQUENCE st2 AS smallint MAXVALUE 100;
CREATE SEQUENCE st3 AS bigint MAXVALUE 32767;
CREATE SEQUENCE st4 MAXVALUE 2147483647;
SELECT c.relname, format_type(s.seqtypid, NULL), s.seqmax FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relname LIKE 'st_' ORDER BY 1;
SELECT sequence_name, data_type, numeric_precision FROM information_schema.sequences WHERE sequence_name LIKE 'st_' ORDER BY 1;
SELECT sequencename, data_type FROM pg_sequences WHERE sequencename LIKE 'st_' ORDER BY 1;
ALTER SEQUENCE st1 RENAME TO st5;
SELECT sequencename, data_type FROM pg_sequences WHERE sequencename IN ('st1', 'st5') ORDER BY 1;
DROP SEQUENCE st5;
CREATE SEQUENCE st5 MAXVALUE 100;
SELECT sequencename, data_type FROM pg_sequences WHERE sequencename = 'st5';
-- ALTER SEQUENCE … AS: widening (a bound that was the old type's becomes the new type's) and
-- NO MINVALUE / NO MAXVALUE of the stored type; narrowing needs the current value, which TiDB
-- does not show (0A000, as for any narrowing without RESTART: KNOWN_GAPS.md)
CREATE SEQUENCE sa2 MAXVALUE 100000;
ALTER SEQUENCE sa2 AS integer;
SELECT format_type(seqtypid, NULL), seqmin, seqmax FROM pg_sequence WHERE seqrelid = 'sa2'::regclass;
CREATE SEQUENCE sa4 AS smallint;
ALTER SEQUENCE sa4 AS bigint;
SELECT format_type(seqtypid, NULL), seqmin, seqmax FROM pg_sequence WHERE seqrelid = 'sa4'::regclass;
CREATE SEQUENCE sa5 AS integer MAXVALUE 10;
ALTER SEQUENCE sa5 NO MAXVALUE;
SELECT format_type(seqtypid, NULL), seqmin, seqmax FROM pg_sequence WHERE seqrelid = 'sa5'::regclass;
CREATE SEQUENCE sa6 AS smallint INCREMENT -1;
ALTER SEQUENCE sa6 AS integer;
SELECT format_type(seqtypid, NULL), seqmin, seqmax FROM pg_sequence WHERE seqrelid = 'sa6'::regclass;
ALTER SEQUENCE sa6 AS text;
ALTER SEQUENCE sa6 AS smallint MINVALUE -40000;
SELECT nextval('sa2'), nextval('sa4'), nextval('sa5'), nextval('sa6');
SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_name LIKE 'sa_' ORDER BY 1;
