-- Known gap (KNOWN_GAPS.md, "psql"): \dt+ and \d need functions the pg_catalog emulation
-- does not answer yet (relation sizes of a computed oid, pg_get_indexdef/pg_get_constraintdef/
-- pg_get_expr, pg_partition_ancestors…).
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50) NOT NULL, born date, score numeric(5,2) CHECK (score >= 0), active boolean DEFAULT true, note varchar(20) UNIQUE);
\dt+ people
\d people
DROP TABLE people;
