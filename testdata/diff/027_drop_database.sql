-- DROP DATABASE: the database and all its schemas go (pgtidb drops the TiDB databases of the
-- schemas too). A script cannot connect to another database, so the schemas and cross-schema
-- foreign keys of a dropped database are shown by hand (psql \c) and by the golden plan; here
-- the errors and the statement's life cycle.
CREATE DATABASE diff027_d;
DROP DATABASE diff027_d;
DROP DATABASE diff027_d;
DROP DATABASE IF EXISTS diff027_d;
CREATE DATABASE diff027_d;
BEGIN;
DROP DATABASE diff027_d;
ROLLBACK;
DROP DATABASE IF EXISTS diff027_d;
CREATE DATABASE diff027_d;
CREATE DATABASE diff027_d;
DROP DATABASE diff027_d;
SELECT count(*) FROM pg_database WHERE datname = 'diff027_d';
-- a foreign key from one schema into another: PostgreSQL's messages (TiDB names the referenced
-- table with its database then)
CREATE SCHEMA diff027_s;
CREATE TABLE diff027_p (id int PRIMARY KEY);
CREATE TABLE diff027_s.c (id int PRIMARY KEY, pid int REFERENCES diff027_p (id));
INSERT INTO diff027_s.c VALUES (1, 5);
INSERT INTO diff027_p VALUES (1);
INSERT INTO diff027_s.c VALUES (1, 1);
DELETE FROM diff027_p;
SELECT * FROM diff027_s.c;
DROP SCHEMA diff027_s CASCADE;
DROP TABLE diff027_p;
