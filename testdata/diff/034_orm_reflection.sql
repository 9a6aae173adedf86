-- The catalog queries of real ORMs, as they send them (GORM's PostgreSQL migrator,
-- gorm.io/driver/postgres v1.5.9; SQLAlchemy 1.4's inspect() over psycopg2), over a reference
-- schema; e2e/gorm_test.go and e2e/sqlalchemy_test.go drive the ORMs themselves. Where the ORM
-- selects an OID or filters by one, the statement names the relation ('t'::regclass) or selects
-- names instead.
CREATE SCHEMA app;
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50) NOT NULL, born date, score numeric(5,2) CHECK (score >= 0), active boolean DEFAULT true, note varchar(20) UNIQUE, bio text, ratio double precision, small smallint DEFAULT 7, created timestamp DEFAULT CURRENT_TIMESTAMP, ch char(3));
CREATE TABLE app.orders (id bigint PRIMARY KEY, person_id int REFERENCES people (id) ON DELETE CASCADE, total numeric(10,2) DEFAULT 0, placed timestamptz, code varchar(12) NOT NULL, CONSTRAINT orders_code_key UNIQUE (code), CONSTRAINT orders_total_check CHECK (total >= 0));
CREATE TABLE app.lines (order_id bigint NOT NULL, line int NOT NULL, qty int DEFAULT 1, payload jsonb, ident uuid, PRIMARY KEY (order_id, line), FOREIGN KEY (order_id) REFERENCES app.orders (id) ON UPDATE CASCADE ON DELETE RESTRICT);
CREATE TABLE tagged (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tag text, big bigserial);
CREATE INDEX orders_person_idx ON app.orders (person_id, placed);
CREATE INDEX people_score_idx ON people (score);
CREATE VIEW adults AS SELECT id, name FROM people WHERE born < '2000-01-01';
CREATE SEQUENCE app.counter START 10;

-- GORM: HasTable, GetTables, HasColumn, CurrentDatabase
SELECT count(*) FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA() AND table_name = 'people' AND table_type = 'BASE TABLE';
SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA() AND table_type = 'BASE TABLE' ORDER BY 1;
SELECT count(*) FROM INFORMATION_SCHEMA.columns WHERE table_schema = CURRENT_SCHEMA() AND table_name = 'people' AND column_name = 'born';
SELECT CURRENT_DATABASE() = current_database() AS same;
-- GORM: ColumnTypes (a LEFT JOIN of pg_description, which pgtidb answers empty, ON a subquery)
SELECT c.column_name, c.is_nullable = 'YES', c.udt_name, c.character_maximum_length, c.numeric_precision, c.numeric_precision_radix, c.numeric_scale, c.datetime_precision, 8 * typlen, c.column_default, pd.description, c.identity_increment FROM information_schema.columns AS c JOIN pg_type AS pgt ON c.udt_name = pgt.typname LEFT JOIN pg_catalog.pg_description as pd ON pd.objsubid = c.ordinal_position AND pd.objoid = (SELECT oid FROM pg_catalog.pg_class WHERE relname = c.table_name AND relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = c.table_schema)) where table_catalog = current_database() AND table_schema = CURRENT_SCHEMA() AND table_name = 'people' ORDER BY c.ordinal_position;
SELECT c.column_name, c.udt_name, pd.description FROM information_schema.columns AS c JOIN pg_type AS pgt ON c.udt_name = pgt.typname LEFT JOIN pg_catalog.pg_description as pd ON pd.objsubid = c.ordinal_position AND pd.objoid = (SELECT oid FROM pg_catalog.pg_class WHERE relname = c.table_name AND relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = c.table_schema)) where table_schema = 'app' AND table_name = 'lines' ORDER BY c.ordinal_position;
SELECT t.relname, d.description FROM pg_class t JOIN pg_description d ON d.objoid = (SELECT oid FROM pg_class WHERE relname = t.relname LIMIT 1) WHERE t.relname = 'people';
-- GORM: ColumnTypes reads the table's RowDescription with LIMIT $1 in pgx's simple protocol
SELECT * FROM people LIMIT '1';
SELECT id FROM people LIMIT ' 5 ' OFFSET '0';
SELECT id FROM people LIMIT '-1';
SELECT constraint_name FROM information_schema.table_constraints tc JOIN information_schema.constraint_column_usage AS ccu USING (constraint_schema, constraint_catalog, table_name, constraint_name) JOIN information_schema.columns AS c ON c.table_schema = tc.constraint_schema AND tc.table_name = c.table_name AND ccu.column_name = c.column_name WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND c.table_catalog = current_database() AND c.table_schema = CURRENT_SCHEMA() AND c.table_name = 'people' AND constraint_type = 'UNIQUE';
SELECT c.column_name, constraint_name, constraint_type FROM information_schema.table_constraints tc JOIN information_schema.constraint_column_usage AS ccu USING (constraint_schema, constraint_catalog, table_name, constraint_name) JOIN information_schema.columns AS c ON c.table_schema = tc.constraint_schema AND tc.table_name = c.table_name AND ccu.column_name = c.column_name WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND c.table_catalog = current_database() AND c.table_schema = CURRENT_SCHEMA() AND c.table_name = 'people' ORDER BY 1, 2;
SELECT a.attname as column_name, format_type(a.atttypid, a.atttypmod) AS data_type FROM pg_attribute a JOIN pg_class b ON a.attrelid = b.oid AND relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = CURRENT_SCHEMA()) WHERE a.attnum > 0 AND NOT a.attisdropped AND b.relname = 'people' ORDER BY a.attnum;
SELECT description FROM pg_catalog.pg_description WHERE objsubid = (SELECT ordinal_position FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA() AND table_name = 'people' AND column_name = 'id') AND objoid = (SELECT oid FROM pg_catalog.pg_class WHERE relname = 'people' AND relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = CURRENT_SCHEMA()));
-- GORM: HasIndex, HasConstraint, GetIndexes (a.attnum = ANY(i.indkey), an int2vector)
SELECT count(*) FROM pg_indexes WHERE tablename = 'people' AND indexname = 'people_score_idx' AND schemaname = CURRENT_SCHEMA();
SELECT count(*) FROM pg_indexes WHERE tablename = 'people' AND indexname = 'missing_idx' AND schemaname = CURRENT_SCHEMA();
SELECT count(*) FROM INFORMATION_SCHEMA.table_constraints WHERE table_schema = CURRENT_SCHEMA() AND table_name = 'people' AND constraint_name = 'people_note_key';
SELECT ct.relname AS table_name, ci.relname AS index_name, i.indisunique AS non_unique, i.indisprimary AS primary, a.attname AS column_name FROM pg_index i LEFT JOIN pg_class ct ON ct.oid = i.indrelid LEFT JOIN pg_class ci ON ci.oid = i.indexrelid LEFT JOIN pg_attribute a ON a.attrelid = ct.oid LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid WHERE a.attnum = ANY(i.indkey) AND con.oid IS NULL AND ct.relkind = 'r' AND ct.relname = 'people' ORDER BY 2, 5;
SELECT ct.relname AS table_name, ci.relname AS index_name, i.indisunique AS non_unique, i.indisprimary AS primary, a.attname AS column_name FROM pg_index i LEFT JOIN pg_class ct ON ct.oid = i.indrelid LEFT JOIN pg_class ci ON ci.oid = i.indexrelid LEFT JOIN pg_attribute a ON a.attrelid = ct.oid LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid WHERE a.attnum = ANY(i.indkey) AND con.oid IS NULL AND ct.relkind = 'r' AND ct.relname = 'orders' ORDER BY 2, 5;

-- SQLAlchemy: schemas, tables, views, sequences, has_table
SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' ORDER BY nspname;
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind in ('r', 'p') ORDER BY 1;
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind in ('r', 'p') ORDER BY 1;
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') ORDER BY 1;
SELECT relname FROM pg_class c join pg_namespace n on n.oid=c.relnamespace where relkind='S' and n.nspname='public' ORDER BY 1;
SELECT relname FROM pg_class c join pg_namespace n on n.oid=c.relnamespace where relkind='S' and n.nspname='app' and relname='counter';
select relname from pg_class c join pg_namespace n on n.oid=c.relnamespace where pg_catalog.pg_table_is_visible(c.oid) and relname='people';
select relname from pg_class c join pg_namespace n on n.oid=c.relnamespace where n.nspname='app' and relname='people';
SELECT c.relname FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE (pg_catalog.pg_table_is_visible(c.oid)) AND c.relname = 'people' AND c.relkind in ('r', 'v', 'm', 'f', 'p');
SELECT c.oid = 'app.orders'::regclass AS same FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relname = 'orders' AND c.relkind in ('r', 'v', 'm', 'f', 'p');
-- SQLAlchemy: domains and enums (none outside PostgreSQL's own schemas)
SELECT t.typname as "name", pg_catalog.format_type(t.typbasetype, t.typtypmod) as "attype", not t.typnotnull as "nullable", t.typdefault as "default", pg_catalog.pg_type_is_visible(t.oid) as "visible", n.nspname as "schema" FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND n.nspname NOT IN ('pg_catalog', 'information_schema');
SELECT t.typname as "name", pg_catalog.pg_type_is_visible(t.oid) as "visible", n.nspname as "schema", e.enumlabel as "label" FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_catalog.pg_enum e ON t.oid = e.enumtypid WHERE t.typtype = 'e' ORDER BY "schema", "name", e.oid;
-- SQLAlchemy: get_pk_constraint's name, get_indexes, get_unique_constraints, get_table_comment
SELECT conname FROM pg_catalog.pg_constraint r WHERE r.conrelid = 'app.lines'::regclass AND r.contype = 'p' ORDER BY 1;
SELECT i.relname as relname, ix.indisunique, ix.indexprs, a.attname, a.attnum, c.conrelid = t.oid AS own_constraint, ix.indkey::varchar, ix.indoption::varchar, i.reloptions, am.amname, ix.indnkeyatts as indnkeyatts FROM pg_class t join pg_index ix on t.oid = ix.indrelid join pg_class i on i.oid = ix.indexrelid left outer join pg_attribute a on t.oid = a.attrelid and a.attnum = ANY(ix.indkey) left outer join pg_constraint c on (ix.indrelid = c.conrelid and ix.indexrelid = c.conindid and c.contype in ('p', 'u', 'x')) left outer join pg_am am on i.relam = am.oid WHERE t.relkind IN ('r', 'v', 'f', 'm', 'p') and t.oid = 'app.orders'::regclass and ix.indisprimary = 'f' ORDER BY t.relname, i.relname, a.attnum;
SELECT i.relname as relname, ix.indisunique, ix.indexprs, a.attname, a.attnum, c.conrelid = t.oid AS own_constraint, ix.indkey::varchar, ix.indoption::varchar, i.reloptions, am.amname, pg_get_expr(ix.indpred, ix.indrelid), ix.indnkeyatts as indnkeyatts FROM pg_class t join pg_index ix on t.oid = ix.indrelid join pg_class i on i.oid = ix.indexrelid left outer join pg_attribute a on t.oid = a.attrelid and a.attnum = ANY(ix.indkey) left outer join pg_constraint c on (ix.indrelid = c.conrelid and ix.indexrelid = c.conindid and c.contype in ('p', 'u', 'x')) left outer join pg_am am on i.relam = am.oid WHERE t.relkind IN ('r', 'v', 'f', 'm', 'p') and t.oid = 'app.lines'::regclass and ix.indisprimary = 'f' ORDER BY t.relname, i.relname, a.attnum;
SELECT pg_get_expr(ix.indpred, ix.indrelid) AS pred, pg_get_expr(ix.indpred, ix.indrelid, true) IS NULL AS none, pg_typeof(pg_get_expr(ix.indpred, ix.indrelid)) AS t FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid WHERE c.relname = 'people_score_idx';
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' ORDER BY 1;
SELECT i.relname as relname, ix.indisunique, a.attname, ix.indkey::varchar FROM pg_class t join pg_index ix on t.oid = ix.indrelid join pg_class i on i.oid = ix.indexrelid left outer join pg_attribute a on t.oid = a.attrelid and a.attnum = ANY(ix.indkey) WHERE t.oid = 'app.lines'::regclass ORDER BY i.relname, a.attnum;
SELECT cons.conname as name, cons.conkey as key, a.attnum as col_num, a.attname as col_name FROM pg_catalog.pg_constraint cons join pg_attribute a on cons.conrelid = a.attrelid AND a.attnum = ANY(cons.conkey) WHERE cons.conrelid = 'app.orders'::regclass AND cons.contype = 'u';
SELECT pgd.description as table_comment FROM pg_catalog.pg_description pgd WHERE pgd.objsubid = 0 AND pgd.objoid = 'people'::regclass;
-- SQLAlchemy: get_pk_constraint's columns (set-returning functions in a select list, over an
-- int2vector: the elements as int2, the subscripts from 0), the oid by a subquery.
SELECT a.attname FROM pg_attribute a JOIN (SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord FROM pg_index ix WHERE ix.indrelid = (SELECT oid FROM pg_class WHERE relname = 'lines') AND ix.indisprimary) k ON a.attnum=k.attnum WHERE a.attrelid = (SELECT oid FROM pg_class WHERE relname = 'lines') ORDER BY k.ord;
SELECT a.attname FROM pg_attribute a JOIN (SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord FROM pg_index ix WHERE ix.indrelid = (SELECT oid FROM pg_class WHERE relname = 'people') AND ix.indisprimary) k ON a.attnum=k.attnum WHERE a.attrelid = (SELECT oid FROM pg_class WHERE relname = 'people') ORDER BY k.ord;
SELECT c.relname, unnest(ix.indkey) AS attnum, generate_subscripts(ix.indkey, 1) AS ord, generate_subscripts(ix.indkey, 1, true) AS back FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') ORDER BY 1, 3;
SELECT pg_typeof(k.attnum) AS attnum, pg_typeof(k.cls) AS cls, pg_typeof(k.ord) AS ord FROM (SELECT unnest(ix.indkey) AS attnum, unnest(ix.indclass) AS cls, generate_subscripts(ix.indclass, 1) AS ord FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid WHERE c.relname = 'lines_pkey') k;
SELECT generate_subscripts(ix.indkey, 2) AS ord FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid WHERE c.relname = 'lines_pkey';
-- int2vector in other forms
SELECT ix.indkey::text, ix.indkey::varchar = '1 2' AS pair, 2 = ANY(ix.indkey) AS has2, 3 = ANY(ix.indkey) AS has3, 1 <> ALL(ix.indkey) AS not1 FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid WHERE c.relname = 'lines_pkey';
SELECT c.relname, ix.indoption::text FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'app') ORDER BY 1;

DROP VIEW adults;
DROP TABLE app.lines;
DROP TABLE app.orders;
DROP TABLE tagged;
DROP TABLE people;
DROP SEQUENCE app.counter;
DROP SCHEMA app;
