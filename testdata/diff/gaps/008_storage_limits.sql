-- What TiDB's storage cannot represent or index the way PostgreSQL does, and pgtidb therefore
-- refuses or returns differently (KNOWN_GAPS.md: typemap and translate sections).
-- gap: temp-tables
CREATE TEMP TABLE tmp (x int);
-- gap: temp-tables
INSERT INTO tmp VALUES (1);
-- gap: temp-tables
SELECT x FROM tmp;
CREATE TABLE tx (id int PRIMARY KEY, v text);
-- gap: text-index
CREATE UNIQUE INDEX tx_v_uidx ON tx (v);
-- gap: text-index
CREATE INDEX tx_lower_idx ON tx (lower(v));
CREATE TABLE un (id int PRIMARY KEY, u numeric);
INSERT INTO un VALUES (1, 1.50), (2, 100.000), (3, 0.10);
-- gap: numeric-unconstrained-scale
SELECT id, u FROM un ORDER BY id;
-- gap: numeric-unconstrained-scale
SELECT u + 1 AS u1 FROM un WHERE id = 1;
CREATE TABLE jn (id int PRIMARY KEY, j jsonb);
INSERT INTO jn VALUES (1, '{"num": 1.50, "neg": -0.0, "big": 12345678901234567890123}');
-- gap: jsonb-numbers
SELECT j FROM jn;
-- gap: jsonb-numbers
SELECT j -> 'num' AS num FROM jn;
