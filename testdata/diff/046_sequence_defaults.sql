-- Column defaults that draw from a sequence the column does not own (DEFAULT nextval('s')),
-- and ownership (OWNED BY) apart from the default: PostgreSQL's documented spelling of SERIAL,
-- a sequence shared by tables, a default in another schema, ownership moved or given up, and
-- what dropping and renaming the sequence, the column or the table does to the defaults.
CREATE SEQUENCE tablename_colname_seq AS integer;
CREATE TABLE tablename (colname integer NOT NULL DEFAULT nextval('tablename_colname_seq'), v text, PRIMARY KEY (colname));
ALTER SEQUENCE tablename_colname_seq OWNED BY tablename.colname;
INSERT INTO tablename (v) VALUES ('a') RETURNING colname;
INSERT INTO tablename (v) VALUES ('b'), ('c') RETURNING colname, v;
INSERT INTO tablename (v) SELECT 'd' RETURNING colname;
SELECT lastval(), currval('tablename_colname_seq');
INSERT INTO tablename (v) VALUES ('a') ON CONFLICT (colname) DO NOTHING RETURNING colname;
INSERT INTO tablename VALUES (DEFAULT, 'e') RETURNING *;
SELECT pg_get_serial_sequence('tablename', 'colname');
SELECT column_default, is_nullable FROM information_schema.columns WHERE table_name = 'tablename' ORDER BY ordinal_position;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tablename'::regclass;
SELECT d.deptype FROM pg_depend d WHERE d.objid = 'tablename_colname_seq'::regclass AND d.refobjid = 'tablename'::regclass;
SELECT count(*) FROM pg_depend d JOIN pg_attrdef a ON a.oid = d.objid WHERE d.refobjid = 'tablename_colname_seq'::regclass AND a.adrelid = 'tablename'::regclass AND d.deptype = 'n';
-- one sequence, two tables: both draw in hand-out order
CREATE SEQUENCE shared_ids START 100;
CREATE TABLE sa (id bigint PRIMARY KEY DEFAULT nextval('shared_ids'), v text);
CREATE TABLE sb (id bigint DEFAULT nextval('public.shared_ids'::regclass) PRIMARY KEY, v text);
INSERT INTO sa (v) VALUES ('x') RETURNING id;
INSERT INTO sb (v) VALUES ('y'), ('z') RETURNING id;
INSERT INTO sa (v) VALUES ('w') RETURNING id;
SELECT lastval();
SELECT nextval('shared_ids');
INSERT INTO sb (id, v) VALUES (DEFAULT, 'q') ON CONFLICT (id) DO UPDATE SET v = excluded.v RETURNING id, v;
SELECT pg_get_serial_sequence('sa', 'id');
SELECT c.relname, d.deptype FROM pg_depend d JOIN pg_attrdef a ON a.oid = d.objid JOIN pg_class c ON c.oid = a.adrelid WHERE d.refobjid = 'shared_ids'::regclass ORDER BY 1;
SELECT table_name, column_default FROM information_schema.columns WHERE column_name = 'id' AND table_name IN ('sa', 'sb') ORDER BY 1;
-- dropping the sequence: 2BP01 while a default draws from it; CASCADE drops the default
DROP SEQUENCE shared_ids;
ALTER TABLE sa ALTER COLUMN id DROP DEFAULT;
DROP SEQUENCE shared_ids;
DROP SEQUENCE shared_ids CASCADE;
SELECT table_name, column_default FROM information_schema.columns WHERE column_name = 'id' AND table_name IN ('sa', 'sb') ORDER BY 1;
INSERT INTO sb (v) VALUES ('r');
-- a default of a sequence in another schema, and its rename
CREATE SCHEMA seqs;
CREATE SEQUENCE seqs.order_no START 5000;
CREATE TABLE orders (id serial PRIMARY KEY, no integer NOT NULL DEFAULT nextval('seqs.order_no'), v text);
INSERT INTO orders (v) VALUES ('a'), ('b') RETURNING id, no;
SELECT column_default FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;
ALTER SEQUENCE seqs.order_no RENAME TO order_number;
INSERT INTO orders (v) VALUES ('c') RETURNING id, no;
SELECT column_default FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'no';
DROP SEQUENCE seqs.order_number;
-- a column that owns one sequence and draws its default from elsewhere
CREATE SEQUENCE other_ids START 900;
ALTER TABLE orders ALTER COLUMN id SET DEFAULT nextval('other_ids');
INSERT INTO orders (v) VALUES ('d') RETURNING id;
SELECT pg_get_serial_sequence('orders', 'id');
ALTER TABLE orders ALTER COLUMN id SET DEFAULT 7;
SELECT column_default FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'id';
SELECT d.deptype FROM pg_depend d WHERE d.refobjid = 'orders_id_seq'::regclass OR (d.objid = 'orders_id_seq'::regclass AND d.refclassid = 'pg_class'::regclass) ORDER BY 1;
ALTER TABLE orders ALTER COLUMN id SET DEFAULT nextval('orders_id_seq');
INSERT INTO orders (v) VALUES ('e') RETURNING id;
-- OWNED BY NONE gives the ownership up; OWNED BY another column moves it
ALTER SEQUENCE orders_id_seq OWNED BY NONE;
SELECT pg_get_serial_sequence('orders', 'id');
ALTER SEQUENCE orders_id_seq OWNED BY orders.no;
SELECT pg_get_serial_sequence('orders', 'no');
ALTER SEQUENCE other_ids OWNED BY orders.id;
SELECT pg_get_serial_sequence('orders', 'id');
-- an identity sequence keeps its owner
CREATE TABLE idt (id int GENERATED ALWAYS AS IDENTITY, n int);
ALTER SEQUENCE idt_id_seq OWNED BY NONE;
ALTER SEQUENCE idt_id_seq OWNED BY idt.n;
-- dropping a column drops the sequence it owns; a default elsewhere depends on it
CREATE TABLE dep (n int DEFAULT nextval('other_ids'));
ALTER TABLE orders DROP COLUMN no;
SELECT count(*) FROM pg_class WHERE relname = 'orders_id_seq';
ALTER TABLE orders ADD COLUMN extra int;
ALTER SEQUENCE other_ids OWNED BY orders.extra;
ALTER TABLE orders DROP COLUMN extra;
ALTER TABLE orders DROP COLUMN extra CASCADE;
SELECT count(*) FROM pg_class WHERE relname = 'other_ids';
SELECT column_default FROM information_schema.columns WHERE table_name = 'dep';
-- dropping a table drops the sequences it owns; a default of another table depends on them
CREATE TABLE own1 (id int, s serial);
CREATE TABLE own2 (n int DEFAULT nextval('own1_s_seq'));
DROP TABLE own1;
DROP TABLE own1 CASCADE;
SELECT column_default FROM information_schema.columns WHERE table_name = 'own2';
-- a type change restates a default that draws from a sequence
CREATE TABLE widen (id serial PRIMARY KEY, v text);
ALTER TABLE widen ALTER COLUMN id TYPE bigint;
INSERT INTO widen (v) VALUES ('a') RETURNING id;
SELECT data_type, column_default FROM information_schema.columns WHERE table_name = 'widen' AND column_name = 'id';
DROP TABLE tablename, sa, sb, orders, idt, dep, own2;
SELECT count(*) FROM pg_class WHERE relname IN ('tablename_colname_seq', 'orders_id_seq');
-- refused: TiDB draws defaults from sequences for integer columns only, and does not fill
-- the rows ADD COLUMN adds from a sequence
CREATE TABLE bad1 (id int DEFAULT nextval('no_such_seq'));
CREATE SEQUENCE textual;
-- gap: owned-sequence-default
CREATE TABLE bad3 (id text DEFAULT nextval('textual'));
-- gap: owned-sequence-default
ALTER TABLE widen ADD COLUMN n bigint DEFAULT nextval('textual');
