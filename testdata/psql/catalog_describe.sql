-- Known gap (KNOWN_GAPS.md, "psql"): \d needs functions the pg_catalog emulation does not
-- answer yet (pg_get_expr, pg_get_indexdef, pg_get_constraintdef, pg_partition_ancestors…).
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50) NOT NULL, born date, score numeric(5,2) CHECK (score >= 0), active boolean DEFAULT true, note varchar(20) UNIQUE);
\d people
DROP TABLE people;
