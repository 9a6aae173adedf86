-- psql's listing commands over a reference schema (pg_catalog emulation, issue 4): two
-- schemas, tables with PK/UNIQUE/CHECK/FK, defaults, serial, unique and multi-column indexes,
-- a view, sequences. Owners are the connecting user on both servers; no OID or size shows.
CREATE SCHEMA app;
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50) NOT NULL, born date, score numeric(5,2) CHECK (score >= 0), active boolean DEFAULT true, note varchar(20) UNIQUE);
CREATE TABLE app.orders (id bigint PRIMARY KEY, person_id int REFERENCES people (id) ON DELETE CASCADE, total numeric(10,2) DEFAULT 0, placed timestamptz);
CREATE INDEX orders_person_idx ON app.orders (person_id, placed);
CREATE UNIQUE INDEX people_name_born ON people (name, born);
CREATE VIEW adults AS SELECT id, name FROM people WHERE born < '2000-01-01';
CREATE SEQUENCE app.counter START 10;
\l d_psql_catalog
\dn
\dt
\dv
\ds
\di
\dt app.*
\di app.*
\ds app.*
\dt peo*
\pset format unaligned
\dt+
\dt+ app.*
\pset format aligned
\du
\dg
\dT
\dE
\dm
\des
\dRs
\dl
SET search_path = app, public;
\dt
\di
RESET search_path;
DROP VIEW adults;
DROP TABLE app.orders;
DROP TABLE people;
DROP SEQUENCE app.counter;
DROP SCHEMA app;
\dn
\dt
