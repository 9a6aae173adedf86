-- json (not jsonb) keeps its input text verbatim in PostgreSQL; TiDB has only a normalized
-- binary JSON, so pgtidb's json behaves like jsonb (TIDB_GAPS.md, json/jsonb row).
CREATE TABLE j (id int PRIMARY KEY, doc json);
INSERT INTO j VALUES (1, '{"b":1,  "a":2, "a":3}');
-- gap: json-verbatim
SELECT doc FROM j;
-- gap: json-verbatim
SELECT '{"z": 1, "a": [1,2]}'::json AS j;
