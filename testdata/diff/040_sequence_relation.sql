-- A sequence used as a table: PostgreSQL refuses writes (42809) and reads it as one row
-- (last_value, log_cnt, is_called); pgtidb shows last_value and is_called
-- (translate/sequence_read.go), not log_cnt (KNOWN_GAPS.md).
CREATE SEQUENCE rel_seq;
SELECT nextval('rel_seq');
INSERT INTO rel_seq VALUES (1);
INSERT INTO rel_seq (last_value) VALUES (1);
UPDATE rel_seq SET last_value = 3;
DELETE FROM rel_seq;
DELETE FROM rel_seq WHERE is_called;
TRUNCATE rel_seq;
TRUNCATE rel_seq RESTART IDENTITY;
SELECT nextval('rel_seq');
SELECT last_value, is_called FROM rel_seq;
SELECT count(*) FROM rel_seq;
-- gap: sequence-log-cnt
SELECT * FROM rel_seq;
-- gap: sequence-log-cnt
SELECT log_cnt FROM rel_seq;
CREATE VIEW rel_view AS SELECT 1 AS one;
TRUNCATE rel_view;
DROP VIEW rel_view;
DROP SEQUENCE rel_seq;
-- last_value and is_called through every change: CREATE (not called at START), nextval,
-- setval both ways, RESTART, descending, several sequences in one query, TRUNCATE … RESTART
-- IDENTITY; what pg_dump reads for each sequence it dumps with data
CREATE SEQUENCE rd;
SELECT last_value, is_called FROM rd;
SELECT nextval('rd');
SELECT last_value, is_called FROM rd;
SELECT nextval('rd'), nextval('rd');
SELECT last_value, is_called FROM public.rd;
SELECT setval('rd', 50, false);
SELECT r.last_value, r.is_called, r.last_value + 1 AS nx FROM rd r;
SELECT setval('rd', 70);
SELECT last_value, is_called FROM rd WHERE is_called;
SELECT last_value FROM rd WHERE NOT is_called;
ALTER SEQUENCE rd RESTART WITH 7;
SELECT last_value, is_called FROM rd;
SELECT last_value FROM rd, rd;
CREATE SEQUENCE rd2 INCREMENT -3 START -10 MAXVALUE -1;
SELECT last_value, is_called FROM rd2;
SELECT nextval('rd2'), nextval('rd2');
SELECT last_value, is_called FROM rd2;
SELECT a.last_value, b.last_value, a.is_called AND b.is_called AS both FROM rd a, rd2 b;
BEGIN;
SELECT nextval('rd');
SELECT last_value, is_called FROM rd;
COMMIT;
CREATE TABLE rdt (id serial, v int);
INSERT INTO rdt (v) VALUES (1), (2);
SELECT last_value, is_called FROM rdt_id_seq;
TRUNCATE rdt RESTART IDENTITY;
SELECT last_value, is_called FROM rdt_id_seq;
DROP TABLE rdt;
DROP SEQUENCE rd, rd2;
