-- Known gap (KNOWN_GAPS.md, "psql"): an undefined column lacks PostgreSQL's HINT
-- "Perhaps you meant to reference the column …". Run by e2e.TestPsql; the difference is
-- reported, not failed.
CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, born date);
SELECT nme FROM people;
SELECT p.nmae FROM people p;
SELECT bron, id FROM people;
DROP TABLE people;
