-- TiDB's FLOAT/DOUBLE have no NaN or infinities and DECIMAL has no NaN; pgtidb refuses them
-- (TIDB_GAPS.md, real/double and numeric rows).
-- gap: float-special
SELECT 'NaN'::float8 AS nan, 'Infinity'::float8 AS inf, '-Infinity'::float4 AS ninf;
-- gap: float-special
SELECT 'NaN'::numeric AS nan;
CREATE TABLE f (id int PRIMARY KEY, x float8);
-- gap: float-special
INSERT INTO f VALUES (1, 'infinity');
SELECT count(*) AS n FROM f WHERE id = 2;
