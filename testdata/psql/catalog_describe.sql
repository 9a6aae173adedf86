-- psql's \d and \d+ of tables, \d of indexes, sequences and views over a reference schema (issue 4): two
-- schemas, columns of the supported types, PK/UNIQUE/CHECK/FK with actions, defaults, serial
-- and identity columns, unique and multi-column indexes, comments. Sizes and OIDs do not show.
CREATE SCHEMA app;
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50) NOT NULL, born date, score numeric(5,2) CHECK (score >= 0), active boolean DEFAULT true, note varchar(20) UNIQUE, created timestamptz DEFAULT now(), bio text DEFAULT '', code char(3), ratio double precision, small smallint DEFAULT 7, big bigint, doc jsonb, ident uuid, raw bytea, t time, ts timestamp);
CREATE TABLE app.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, person_id int REFERENCES people (id) ON DELETE CASCADE ON UPDATE RESTRICT, total numeric(10,2) DEFAULT 0 CHECK (total >= 0 AND total < 100000), placed timestamptz, qty int NOT NULL DEFAULT 1 CONSTRAINT orders_qty_positive CHECK (qty > 0), CONSTRAINT orders_person_placed UNIQUE (person_id, placed));
CREATE INDEX orders_person_idx ON app.orders (person_id, placed);
CREATE UNIQUE INDEX people_name_born ON people (name, born);
CREATE INDEX people_born_idx ON people (born);
CREATE SEQUENCE app.counter START 10 INCREMENT 5;
COMMENT ON TABLE people IS 'who';
COMMENT ON COLUMN people.name IS 'full name';
COMMENT ON COLUMN app.orders.total IS 'in euros';
\d people
\d+ people
\d app.orders
\d+ app.orders
\d people_name_born
\d app.orders_person_idx
\d people_pkey
\d app.counter
\d people_id_seq
CREATE VIEW adults AS SELECT id, name FROM people WHERE born < '2000-01-01';
\d adults
SET search_path = app, public;
\d orders
RESET search_path;
DROP VIEW adults;
DROP TABLE app.orders;
DROP TABLE people;
DROP SEQUENCE app.counter;
DROP SCHEMA app;
