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
