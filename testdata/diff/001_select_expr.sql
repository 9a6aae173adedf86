-- Literals, arithmetic, boolean logic and NULL rules of scalar expressions.
-- Each statement names its columns so that a mismatch points at the value or the type.
SELECT 1 AS one;
SELECT 1 + 2 AS s, 7 - 10 AS d, 6 * 7 AS p;
SELECT 7 / 2 AS int_div, -7 / 2 AS neg_div, 7 % 3 AS m, -7 % 3 AS neg_m;
-- gap: numeric-scale
SELECT 7.0 / 2 AS num_div, 1.5 + 1 AS num_add;
SELECT 2 ^ 10 AS pw;
SELECT |/ 16.0 AS sq;
SELECT @ -5 AS ab;
SELECT 5 & 3 AS band, 5 | 3 AS bor, 5 # 3 AS bxor;
-- gap: not-yet
SELECT ~5 AS bnot, 1 << 4 AS shl, 256 >> 2 AS shr;
SELECT 2147483647::int8 + 1 AS widened;
SELECT 9223372036854775807 AS max_int8, 9223372036854775808 AS over_int8;
SELECT 'abc' AS t, '' AS empty, NULL AS n;
SELECT 'a' || 'b' AS c, 'a' || 1 AS c2, 1 || 'a' AS c3;
SELECT 'x' || NULL AS cn, NULL || NULL::text AS cnn;
SELECT TRUE AS t, FALSE AS f, NOT TRUE AS nt;
SELECT 1 < 2 AS lt, 2 <= 2 AS le, 3 <> 3 AS ne, 3 != 4 AS ne2, 'a' < 'b' AS slt, 'B' < 'a' AS case_order;
SELECT NULL = NULL AS nn, NULL IS NULL AS isn, 1 IS DISTINCT FROM NULL AS idf, NULL IS NOT DISTINCT FROM NULL AS indf;
SELECT TRUE AND NULL AS a1, FALSE AND NULL AS a2, TRUE OR NULL AS o1, FALSE OR NULL AS o2, NOT NULL::bool AS nn;
SELECT TRUE IS TRUE AS it, NULL::bool IS UNKNOWN AS iu, FALSE IS NOT TRUE AS int;
SELECT 1 BETWEEN 0 AND 2 AS b1, 5 NOT BETWEEN 1 AND 3 AS b2, 2 BETWEEN SYMMETRIC 3 AND 1 AS b3, 2 BETWEEN 3 AND 1 AS b4;
SELECT 3 IN (1, 2, 3) AS i1, 4 NOT IN (1, 2, 3) AS i2, 1 IN (2, NULL) AS i3, 1 NOT IN (2, NULL) AS i4, 2 IN (2, NULL) AS i5;
SELECT CASE WHEN 1 > 2 THEN 'x' WHEN 2 > 1 THEN 'y' ELSE 'z' END AS c;
SELECT CASE 3 WHEN 1 THEN 'one' WHEN 3 THEN 'three' END AS c, CASE WHEN false THEN 1 END AS c_null;
-- gap: numeric-scale
SELECT CASE WHEN true THEN 1 ELSE 2.5 END AS c_num;
SELECT COALESCE(NULL, NULL, 3) AS c, NULLIF(5, 5) AS n1, NULLIF(5, 6) AS n2;
SELECT GREATEST(1, 5, 3) AS g, LEAST(4, 2, 8) AS l, GREATEST('b', 'a', 'c') AS gs;
SELECT GREATEST(1, NULL, 3) AS g, LEAST(NULL, 2) AS l, GREATEST(NULL::int, NULL) AS gn;
SELECT concat('a', NULL, 'b') AS c, concat_ws('-', 'a', NULL, 'b') AS cw, concat(1, 2.5, true) AS cmix;
SELECT 'abc' LIKE 'a%' AS l1, 'abc' LIKE 'A%' AS l2, 'abc' ILIKE 'A%' AS l3, 'abc' NOT LIKE '%c' AS l4;
SELECT 'a_c' LIKE 'a\_c' AS esc1, 'abc' LIKE 'a\_c' AS esc2, 'a%c' LIKE 'a!%c' ESCAPE '!' AS esc3;
SELECT 'abc' ~ '^a' AS r1, 'abc' ~* '^A' AS r2, 'abc' !~ 'z' AS r3, 'ABC' !~* 'b' AS r4;
-- gap: not-yet
SELECT 'abc' SIMILAR TO 'a(b|c)c' AS s1, 'abd' SIMILAR TO 'a(b|c)c' AS s2;
SELECT 'a' = 'a ' AS trailing_space, 'A' = 'a' AS case_eq, 'a' < 'a ' AS shorter_first;
SELECT -2147483648 AS min_int4, (-32768)::int2 AS min_int2;
SELECT 0.1 + 0.2 AS num_sum, 0.1::float8 + 0.2::float8 AS float_sum;
SELECT 1e2 AS sci, 1.5e-3 AS sci2, .5 AS leading_dot, 5. AS trailing_dot;
SELECT $$dollar 'quoted'$$ AS dq, E'tab\there' AS esc, 'it''s' AS apos, U&'\0041' AS uni;
SELECT 'multi'
  'line' AS joined;
-- gap: not-yet
SELECT ROW(1, 2) = ROW(1, 2) AS row_eq, (1, 2) < (1, 3) AS row_lt, (1, NULL) = (1, 2) AS row_null;
