-- A sequence used as a table: PostgreSQL refuses writes (42809) and reads it as one row
-- (last_value, log_cnt, is_called), which pgtidb cannot show exactly (KNOWN_GAPS.md).
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
-- gap: sequence-relation
SELECT last_value, is_called FROM rel_seq;
-- gap: sequence-relation
SELECT count(*) FROM rel_seq;
CREATE VIEW rel_view AS SELECT 1 AS one;
TRUNCATE rel_view;
DROP VIEW rel_view;
DROP SEQUENCE rel_seq;
