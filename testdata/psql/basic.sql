-- What a user types into psql: DDL, inserts, queries with various types and output settings,
-- mistakes, a transaction. Run by e2e.TestPsql against PostgreSQL 15 and pgtidb.
CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, born date, score numeric(5,2), active boolean DEFAULT true, note varchar(20));
INSERT INTO people VALUES (1, 'Ada', '1815-12-10', 99.5, true, NULL), (2, 'Alan', '1912-06-23', 87.25, false, 'enigma'), (3, 'Grace', '1906-12-09', NULL, true, '');
INSERT INTO people (id, name) VALUES (4, 'Dennis');
SELECT * FROM people ORDER BY id;
SELECT name, score FROM people WHERE active ORDER BY name;
SELECT name FROM people WHERE score > 90 OR score IS NULL ORDER BY 1;
\pset null '(null)'
SELECT id, note, born FROM people ORDER BY id;
\pset border 2
SELECT count(*) AS n, max(score) AS best, min(born) AS oldest FROM people;
\pset format unaligned
\pset fieldsep ','
SELECT id, name, active FROM people ORDER BY id;
\pset format aligned
\pset border 1
\x on
SELECT * FROM people WHERE id = 2;
\x off
\pset tuples_only on
SELECT name FROM people ORDER BY id;
\pset tuples_only off
\pset null ''
UPDATE people SET score = score + 1 WHERE score IS NOT NULL;
DELETE FROM people WHERE id = 3;
SELECT * FROM nosuch;
INSERT INTO people VALUES (1, 'dup', NULL, NULL, NULL, NULL);
SELEC 1;
BEGIN;
INSERT INTO people VALUES (5, 'Linus', '1969-12-28', 70, true, 'x');
SELECT count(*) FROM people;
ROLLBACK;
SELECT count(*) FROM people;
\echo :ROW_COUNT
SELECT 'a' || 'b' AS concat, 7 / 2 AS int_div, 1.5::float8 AS f, true AS t, NULL AS n, '2024-01-01 12:00:00+00'::timestamptz AS tz, '\xdeadbeef'::bytea AS b;
SELECT '{"b": 1, "a": [1, 2]}'::jsonb AS doc, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id;
SELECT id, name FROM people ORDER BY id LIMIT 2 \gset first_
\echo :first_name
SHOW TimeZone;
SET TimeZone = 'Asia/Tokyo';
SELECT '2024-01-01 12:00:00+00'::timestamptz AS tokyo;
DROP TABLE people;
SELECT * FROM people;
\echo done
