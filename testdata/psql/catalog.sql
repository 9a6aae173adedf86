-- Known gap (KNOWN_GAPS.md, "psql": issue 4): psql's backslash commands query pg_catalog,
-- which pgtidb does not emulate yet. Run by e2e.TestPsql; the difference is reported, not failed.
CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, born date, score numeric(5,2), active boolean DEFAULT true, note varchar(20));
\dt
\d people
DROP TABLE people;
