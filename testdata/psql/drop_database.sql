-- DROP DATABASE drops every schema of the database, with the foreign keys between them
-- (pgtidb: the TiDB databases d and d__s, foreign keys across them in both directions): the
-- database created again under the same name has none of the old schemas or tables.
CREATE DATABASE psql_dropdb;
\c psql_dropdb
CREATE SCHEMA app;
CREATE SCHEMA b;
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE app.c (id int PRIMARY KEY, p int REFERENCES p(id));
CREATE TABLE b.x (id int PRIMARY KEY);
CREATE TABLE y (id int PRIMARY KEY, x int REFERENCES b.x(id));
CREATE TABLE b.z (id int PRIMARY KEY, y int REFERENCES y(id));
INSERT INTO p VALUES (1);
INSERT INTO app.c VALUES (1, 1);
INSERT INTO b.x VALUES (2);
INSERT INTO y VALUES (3, 2);
INSERT INTO b.z VALUES (4, 3);
\c d_psql_drop_database
DROP DATABASE psql_dropdb;
DROP DATABASE psql_dropdb;
CREATE DATABASE psql_dropdb;
\c psql_dropdb
SELECT * FROM app.c;
SELECT * FROM p;
CREATE SCHEMA app;
CREATE SCHEMA b;
CREATE TABLE b.x (id int PRIMARY KEY, note text);
CREATE TABLE app.c (id int PRIMARY KEY, x int REFERENCES b.x(id));
SELECT * FROM app.c;
SELECT * FROM b.x;
SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'b') ORDER BY nspname;
\c d_psql_drop_database
DROP DATABASE psql_dropdb;
SELECT count(*) FROM pg_database WHERE datname = 'psql_dropdb';
