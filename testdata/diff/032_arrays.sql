-- Arrays in expressions: constructors, literals, ARRAY(subquery), = ANY / <> ALL, subscripts,
-- array functions and the text output of arrays (pgtidb carries them as JSON arrays).
SELECT ARRAY[1, 2, 3] AS a;
SELECT ARRAY['a', 'b c', NULL, '', 'NULL', 'x"y', 'a\b', '{}', 'a,b'] AS a;
SELECT ARRAY[1.5, 2, -3.25] AS a, ARRAY[true, false, NULL] AS b;
SELECT ARRAY[1::bigint, 2] AS a, ARRAY[1::smallint] AS b, ARRAY['x'::varchar, 'y'] AS c;
SELECT ARRAY['2024-01-31'::date, NULL] AS a;
SELECT ARRAY[NULL::int, NULL] AS a;
SELECT ARRAY[1, 2.5] AS a, pg_typeof(ARRAY[1, 2.5]) AS t;
SELECT pg_typeof(ARRAY['a']) AS a, pg_typeof(ARRAY[1]) AS b, pg_typeof(ARRAY[1::bigint]) AS c, pg_typeof(ARRAY[true]) AS d;
SELECT ARRAY[];
SELECT ARRAY[1, 'a'];
SELECT ARRAY[1, true];
SELECT ARRAY[]::int[] AS a, ARRAY[]::text[] AS b;
SELECT '{}'::int[] AS a, '{1,2,3}'::int[] AS b, '{ 1 , 2 }'::int[] AS c;
SELECT '{a, "b c" , NULL, "NULL", ""}'::text[] AS a;
SELECT '{"a\"b", "c\\d"}'::text[] AS a;
SELECT '{1.50,2}'::numeric[] AS a, '{t,f,NULL}'::bool[] AS b;
SELECT '{1,2'::int[];
SELECT '{1,a}'::int[];
SELECT '1,2'::int[];
SELECT '{99999999999}'::int[];
SELECT ARRAY['1', '2']::int[] AS a, ARRAY[1, 2]::text[] AS b, '{1,2}'::int[]::bigint[] AS c;
SELECT 1::int[];
SELECT ARRAY[1, 2] IS NULL AS n, ARRAY[1, 2] IS NOT NULL AS nn, NULL::int[] IS NULL AS nul;
-- = ANY / <> ALL
SELECT 2 = ANY(ARRAY[1, 2, 3]) AS a, 5 = ANY(ARRAY[1, 2]) AS b;
SELECT NULL::int = ANY(ARRAY[1]) AS a, 3 = ANY(ARRAY[1, NULL]) AS b, 1 = ANY(ARRAY[1, NULL]) AS c;
SELECT 2 <> ALL(ARRAY[1, 3]) AS a, 1 <> ALL(ARRAY[1, 3]) AS b, 2 <> ALL(ARRAY[1, NULL]) AS c;
SELECT 1 = ANY('{}'::int[]) AS a, NULL::int = ANY('{}'::int[]) AS b, 1 <> ALL('{}'::int[]) AS c, NULL::int <> ALL('{}'::int[]) AS d;
SELECT 'b' = ANY(ARRAY['a', 'b']) AS a, 'b' = ANY('{a,b}') AS b, 2 = ANY('{1,2}') AS c, 'x' = ANY('{a,b}'::text[]) AS d;
SELECT 3 > ANY(ARRAY[1, 5]) AS a, 3 > ALL(ARRAY[1, 5]) AS b, 0 < ALL(ARRAY[1, 5]) AS c, 9 <= ANY(ARRAY[1, NULL]) AS d;
SELECT 1.5 = ANY(ARRAY[1, 2]) AS a, 2 = ANY(ARRAY[1.0, 2.0]) AS b;
SELECT 1 = ANY(ARRAY['1', '2']);
SELECT 1 = ANY(ARRAY['a']);
SELECT 1 = ANY(1);
SELECT 'a' = ANY(ARRAY[1, 2]);
CREATE TABLE arr_t (id int PRIMARY KEY, name text, n numeric(10,2), flag boolean);
INSERT INTO arr_t VALUES (1, 'one', 1.50, true), (2, 'two', 2, false), (3, 'three', NULL, NULL), (4, NULL, 4.25, true);
SELECT id FROM arr_t WHERE id = ANY(ARRAY[1, 3, 5]) ORDER BY id;
SELECT id FROM arr_t WHERE id = ANY('{2,4}') ORDER BY id;
SELECT id FROM arr_t WHERE name = ANY('{one,two}') ORDER BY id;
SELECT id FROM arr_t WHERE name <> ALL(ARRAY['one', 'two']) ORDER BY id;
SELECT id FROM arr_t WHERE n = ANY(ARRAY[1.5, 4.25]) ORDER BY id;
SELECT id FROM arr_t WHERE id <> ALL(ARRAY[1, NULL]) ORDER BY id;
SELECT id FROM arr_t WHERE id > ALL(ARRAY[1, 2]) ORDER BY id;
SELECT id FROM arr_t WHERE id = ANY(ARRAY(SELECT id FROM arr_t WHERE flag)) ORDER BY id;
SELECT id FROM arr_t WHERE NOT (id = ANY(ARRAY[1, 2])) ORDER BY id;
SELECT id, name = ANY(ARRAY['one', NULL]) AS m FROM arr_t ORDER BY id;
-- arrays built from columns
SELECT id, ARRAY[id, id * 10] AS a FROM arr_t ORDER BY id;
SELECT id, ARRAY[name, 'z'] AS a FROM arr_t ORDER BY id;
SELECT id, ARRAY[n] AS a, ARRAY[flag] AS b FROM arr_t ORDER BY id;
-- ARRAY(subquery)
SELECT ARRAY(SELECT id FROM arr_t WHERE id > 10) AS empty;
SELECT ARRAY(SELECT id FROM arr_t WHERE id = 2) AS one;
SELECT cardinality(ARRAY(SELECT id FROM arr_t)) AS c;
SELECT pg_typeof(ARRAY(SELECT name FROM arr_t)) AS t;
SELECT ARRAY(SELECT name FROM arr_t WHERE id = 4) AS nul;
SELECT ARRAY(SELECT id, name FROM arr_t);
-- functions
SELECT array_length(ARRAY[1, 2, 3], 1) AS a, array_length(ARRAY[1], 2) AS b, array_length('{}'::int[], 1) AS c;
SELECT cardinality(ARRAY[1, 2]) AS a, cardinality('{}'::text[]) AS b, cardinality(NULL::int[]) AS c, array_length(NULL::int[], 1) AS d;
SELECT array_lower(ARRAY[1, 2], 1) AS l, array_upper(ARRAY[1, 2], 1) AS u, array_ndims(ARRAY[1, 2]) AS n, array_ndims('{}'::int[]) AS e;
SELECT array_upper('{}'::int[], 1) AS u, array_lower('{}'::int[], 1) AS l;
SELECT array_to_string(ARRAY[1, 2, 3], ',') AS a, array_to_string(ARRAY['a', NULL, 'c'], '-') AS b;
SELECT array_to_string(ARRAY['a', NULL, 'c'], '-', '*') AS a, array_to_string('{}'::text[], ',') AS b;
SELECT array_to_string(ARRAY[true, false], ' ') AS a, array_to_string(ARRAY[1.50, 2], ';') AS b;
SELECT array_to_string(ARRAY[1, 2], NULL) AS a;
SELECT id, array_to_string(ARRAY[name, 'x'], '/') AS s FROM arr_t ORDER BY id;
SELECT array_length(1, 1);
SELECT array_length('{1}', 1);
-- subscripts
SELECT (ARRAY[10, 20, 30])[2] AS a, (ARRAY[10, 20, 30])[4] AS b, (ARRAY[10, 20, 30])[0] AS c;
SELECT ('{a,b}'::text[])[1] AS a, ('{a,NULL}'::text[])[2] AS b;
SELECT id, (ARRAY[name, 'x'])[1] AS first FROM arr_t ORDER BY id;
SELECT id, (ARRAY[id, 100])[id] AS pick FROM arr_t ORDER BY id;
SELECT (ARRAY(SELECT id FROM arr_t WHERE id = 3))[1] AS x;
SELECT (ARRAY(SELECT name FROM arr_t WHERE id = 1))[1] AS x, (ARRAY(SELECT name FROM arr_t WHERE id = 1))[2] AS y;
SELECT (ARRAY(SELECT name FROM arr_t WHERE id = 4))[1] IS NULL AS x;
SELECT (1)[1];
-- current_schemas() is a name[]
SELECT (current_schemas(true))[1] AS first, 'public' = ANY(current_schemas(false)) AS has_public;
SELECT array_to_string(current_schemas(true), ', ') AS path;
SELECT array_length(current_schemas(true), 1) AS n;
-- gap: arrays-multidim
SELECT ARRAY[ARRAY[1, 2], ARRAY[3, 4]];
SELECT (ARRAY[1, 2, 3])[1:2] AS a, (ARRAY[1, 2, 3])[2:] AS b, (ARRAY[1, 2, 3])[:1] AS c, (ARRAY[1, 2, 3])[3:2] AS d, (ARRAY[1, 2, 3])[0:9] AS e;
SELECT ('{a,b,c}'::text[])[2:3] AS a;
-- unnest in FROM
SELECT * FROM unnest(ARRAY[1, 2, 3]) ORDER BY 1;
SELECT u FROM unnest(ARRAY['a', NULL, 'c']) AS u ORDER BY u;
SELECT x FROM unnest('{10,20}'::int[]) AS u(x) ORDER BY x;
SELECT * FROM unnest(ARRAY['a', 'b']) WITH ORDINALITY ORDER BY ordinality;
SELECT t.v, t.n FROM unnest(ARRAY[5, 6]) WITH ORDINALITY AS t(v, n) ORDER BY t.n;
SELECT count(*) FROM unnest('{}'::int[]);
SELECT * FROM unnest(ARRAY(SELECT id FROM arr_t WHERE id > 1)) AS x ORDER BY x;
SELECT x, ord FROM unnest(ARRAY(SELECT name FROM arr_t WHERE id < 3)) WITH ORDINALITY AS u(x, ord) ORDER BY x;
SELECT * FROM unnest(ARRAY(SELECT id FROM arr_t WHERE id > 100)) AS x;
SELECT arr_t.id, u.v FROM arr_t JOIN unnest(ARRAY[1, 2]) AS u(v) ON u.v = arr_t.id ORDER BY 1;
SELECT * FROM unnest(current_schemas(true)) AS s ORDER BY s;
SELECT sum(v) FROM unnest(ARRAY[1, 2, 3, NULL]) AS v;
SELECT * FROM unnest(NULL::int[]) AS v;
SELECT * FROM unnest('{1,2}');
SELECT * FROM unnest(1);
-- set-returning functions in a select list: all in lockstep per row, as many rows as the
-- longest, NULL after a shorter one's end; no row where all are empty or NULL
SELECT unnest(ARRAY[1, 2, 3]) AS a, unnest(ARRAY['x', 'y']) AS b;
SELECT s.k, unnest(s.a), generate_subscripts(s.a, 1) FROM (SELECT 1 AS k, ARRAY[10, 20] AS a UNION ALL SELECT 2, '{}'::int[] UNION ALL SELECT 3, NULL UNION ALL SELECT 4, ARRAY[5]) s;
SELECT s.k, unnest(s.a), unnest(s.b) FROM (SELECT 1 AS k, ARRAY[10, 20] AS a, '{}'::text[] AS b UNION ALL SELECT 2, '{}'::int[], NULL UNION ALL SELECT 3, NULL, ARRAY['q'] UNION ALL SELECT 4, ARRAY[5], ARRAY['a', 'b', 'c']) s;
SELECT unnest('{}'::int[]), unnest(NULL::int[]);
SELECT count(*), sum(u), sum(s) FROM (SELECT unnest(ARRAY[1, 2]) AS u, generate_subscripts(ARRAY[1, 2, 3], 1) AS s) x;
SELECT generate_subscripts(ARRAY[7, 8, 9], 1, true) AS r, generate_subscripts(ARRAY[7, 8], 1) AS f, generate_subscripts(ARRAY[7], 1, false) AS ff, generate_subscripts(ARRAY[7, 8], 1, NULL) AS nn, generate_subscripts(ARRAY[7], NULL) AS nd;
SELECT generate_subscripts(ARRAY[7, 8, 9], 2) AS a;
SELECT generate_subscripts(ARRAY[7, 8, 9], 0) AS a;
SELECT generate_subscripts('{}'::int[], 1) AS a, generate_subscripts(NULL::int[], 1) AS b;
SELECT generate_subscripts(ARRAY['a', 'b'], '1') AS a, pg_catalog.unnest(ARRAY[true, NULL, false]) AS b, unnest(ARRAY['2024-01-02'::date]) AS c;
SELECT generate_series(1, 3) AS g, unnest(ARRAY['a', 'b']) AS u;
SELECT generate_series(1, 3), generate_series(5, 1, -2), generate_series(3, 1), generate_series(1, NULL), generate_series(1, 3, NULL);
SELECT generate_series(1::int8, 2) AS a, pg_typeof(1::int8) AS t;
SELECT generate_series(2147483646, 2147483647) AS a, generate_series(9223372036854775806, 9223372036854775807) AS b;
SELECT generate_series(-2147483648, 2147483647, 2147483647) AS a;
SELECT id, unnest(ARRAY[id, 10]), name FROM arr_t;
SELECT *, generate_series(1, id) AS g FROM arr_t WHERE id < 3;
SELECT count(*) AS c, unnest(ARRAY[1, 2]) AS u FROM arr_t;
SELECT flag, unnest(ARRAY[count(*), 9]) AS u FROM arr_t GROUP BY flag;
WITH w AS (SELECT id FROM arr_t) SELECT id, generate_series(1, id) FROM w WHERE id < 3;
SELECT x FROM (SELECT unnest(ARRAY[3, 1, 2]) AS x) s WHERE x > 1;
-- ORDER BY, DISTINCT, LIMIT and OFFSET apply to the expanded rows
SELECT unnest(ARRAY[3, 1, 2]) AS x ORDER BY 1;
SELECT unnest(ARRAY[3, 1, 2]) AS x ORDER BY x DESC LIMIT 2;
SELECT unnest(ARRAY[3, NULL, 2]) AS x ORDER BY x NULLS FIRST OFFSET 1;
SELECT DISTINCT unnest(ARRAY[3, 1, 3]) AS x ORDER BY 1;
SELECT DISTINCT unnest(ARRAY[id, 2]) FROM arr_t ORDER BY unnest(ARRAY[id, 2]) DESC;
SELECT unnest(ARRAY[1, 2]) AS u ORDER BY unnest(ARRAY[1, 2]) DESC;
SELECT DISTINCT unnest(ARRAY[1, 2, NULL]), unnest(ARRAY[3]) ORDER BY 1;
SELECT DISTINCT unnest(ARRAY[1, 2, NULL]) AS u, unnest(ARRAY[3]) ORDER BY 2, 1 DESC NULLS LAST LIMIT 2;
SELECT DISTINCT flag, unnest(ARRAY[id % 2, 5]) AS u FROM arr_t ORDER BY u, flag NULLS FIRST;
SELECT name, unnest(ARRAY[id, 10]) AS u FROM arr_t ORDER BY id DESC, u;
SELECT unnest(ARRAY['a', 'b']) AS x, generate_subscripts(ARRAY['a', 'b', 'c'], 1, true) AS y ORDER BY y;
SELECT unnest(ARRAY[1, 2]) FROM arr_t ORDER BY 2;
SELECT DISTINCT unnest(ARRAY[id]) FROM arr_t ORDER BY name;
SELECT unnest(ARRAY[1, 2]) FOR UPDATE;
-- with ARRAY(subquery), window functions, aggregates, subqueries, INSERT … SELECT, views
SELECT unnest(ARRAY(SELECT id FROM arr_t ORDER BY id DESC)) AS u ORDER BY 1;
SELECT id, unnest(ARRAY[1, 2]) AS u, row_number() OVER (ORDER BY id) AS rn FROM arr_t ORDER BY 1, 2;
SELECT flag, unnest(ARRAY[count(*), sum(id)]) AS u FROM arr_t GROUP BY flag HAVING count(*) > 1 ORDER BY 1, 2;
SELECT sum(id) AS s, generate_series(1, 2) AS g FROM arr_t;
SELECT (SELECT unnest(ARRAY[7])) AS s;
SELECT id FROM arr_t WHERE id IN (SELECT unnest(ARRAY[1, 3])) ORDER BY 1;
SELECT unnest(ARRAY[1, 2]) UNION SELECT 3 ORDER BY 1;
SELECT a.x, a.y FROM (SELECT unnest(ARRAY[1, 2]) AS x, generate_series(1, 3) AS y) a ORDER BY 2;
SELECT unnest(ARRAY[id, 5]) AS u FROM arr_t ORDER BY name NULLS FIRST, 1 LIMIT 5;
SELECT unnest(ARRAY[name, 'z']) AS u FROM arr_t ORDER BY 1 DESC;
SELECT id, generate_series(id, 1, -1) FROM arr_t ORDER BY 1, 2 DESC;
SELECT id, unnest(ARRAY[id]) FROM arr_t WHERE false;
SELECT unnest(ARRAY[id]) AS id FROM arr_t GROUP BY id ORDER BY id;
CREATE TABLE srf_t (id int, v text);
INSERT INTO srf_t SELECT generate_series(1, 3), unnest(ARRAY['a', 'b']);
SELECT * FROM srf_t ORDER BY 1;
INSERT INTO srf_t (id) SELECT generate_series(10, 11) RETURNING id, v;
CREATE VIEW srf_v AS SELECT id, generate_series(1, id) AS g FROM arr_t;
SELECT * FROM srf_v ORDER BY 1, 2;
DROP VIEW srf_v;
DROP TABLE srf_t;
-- gap: srf-select-list
SELECT unnest(ARRAY[1, 2]) AS x GROUP BY x;
-- errors as PostgreSQL's
SELECT generate_series(1, 3, 0);
SELECT generate_series('1', '3');
SELECT generate_subscripts('{1,2}', 1);
SELECT generate_subscripts(ARRAY[1, 2], 1::bigint);
SELECT unnest('{1,2}');
SELECT unnest(ARRAY[1], ARRAY[2]);
SELECT generate_series(1::int2, 3::int2);
SELECT * FROM generate_series(1::int2, 3::int2);
SELECT * FROM generate_series('1', '3');
SELECT g, pg_typeof(g) FROM generate_series(1::int2, 3) AS g ORDER BY 1;
-- || on arrays
SELECT ARRAY[1, 2] || ARRAY[3] AS a, ARRAY[1] || 2 AS b, 0 || ARRAY[1, 2] AS c;
SELECT ARRAY['a'] || 'b'::text AS a, 'z'::text || ARRAY['y'] AS b, ARRAY['a'] || '{b,c}' AS c;
SELECT ARRAY[1] || NULL::int[] AS a, NULL::int[] || ARRAY[2] AS b, ARRAY[1] || NULL::int AS c, NULL::int[] || 5 AS d;
SELECT ARRAY[1, 2] || ARRAY[3]::bigint[] AS a, pg_typeof(ARRAY[1] || 2::bigint) AS t;
SELECT array_to_string(ARRAY['a'] || ARRAY['b', NULL], ',') AS s, 3 = ANY(ARRAY[1] || 3) AS m;
SELECT ARRAY(SELECT id FROM arr_t WHERE id < 3) || ARRAY[9] AS a;
SELECT cardinality(ARRAY(SELECT id FROM arr_t) || 5) AS c;
SELECT ARRAY[1] || 'a'::text;
SELECT ARRAY['a'] || 'b';
-- functions in FROM over FROM items to their left (implicit LATERAL), several arrays in
-- lockstep, WITH ORDINALITY, ROWS FROM
SELECT * FROM arr_t, unnest(ARRAY[arr_t.id, 10]) ORDER BY 1, 5;
SELECT * FROM arr_t t, unnest(ARRAY[t.name, 'z'], ARRAY[t.id]) WITH ORDINALITY ORDER BY 1, 7;
SELECT t.id, u.* FROM arr_t t, unnest(ARRAY[t.name], ARRAY[t.id, 0, t.id * 2]) WITH ORDINALITY AS u(nm, v, o) ORDER BY 1, o;
SELECT * FROM arr_t, generate_series(1, arr_t.id - 1) g ORDER BY 1, 5;
SELECT t.id, g.* FROM arr_t t, generate_series(t.id, 2) WITH ORDINALITY g ORDER BY 1, 2;
SELECT t.id, g.* FROM arr_t t, generate_series(3, t.id, -1) WITH ORDINALITY AS g(v, i) ORDER BY 1, 2;
SELECT t.name, s.* FROM arr_t t, generate_subscripts(ARRAY[t.name, 'z'], 1) WITH ORDINALITY s WHERE t.id < 3 ORDER BY 1, 2;
SELECT * FROM (SELECT 1 AS k, ARRAY[10, 20, 30] AS a, ARRAY['x', 'y'] AS b UNION ALL SELECT 2, '{}'::int[], '{z}' UNION ALL SELECT 3, NULL, NULL UNION ALL SELECT 4, ARRAY[5], '{}') s, unnest(s.a, s.b) WITH ORDINALITY u(x, y, o) ORDER BY k, o;
SELECT k, x FROM (SELECT 1 AS k, ARRAY[10, 20, 30] AS a UNION ALL SELECT 2, '{}'::int[] UNION ALL SELECT 3, NULL) s LEFT JOIN unnest(a) x ON true ORDER BY 1, 2;
SELECT k, x, ordinality FROM (SELECT 1 AS k, ARRAY[10, 20] AS a UNION ALL SELECT 2, '{}'::int[]) s LEFT JOIN LATERAL unnest(a) WITH ORDINALITY x ON true ORDER BY 1, 2;
SELECT k, x FROM (SELECT 1 AS k, ARRAY[10, 20, 30] AS a UNION ALL SELECT 2, '{}'::int[]) s JOIN unnest(a) x ON x > 10 ORDER BY 1, 2;
SELECT * FROM arr_t LEFT JOIN unnest(ARRAY[id, 2]) u ON u > 1 ORDER BY 1, 5;
SELECT t.id, u.* FROM arr_t t LEFT JOIN unnest(ARRAY[t.id, 3], ARRAY[t.name]) WITH ORDINALITY u(v, nm, o) ON u.v = 3 OR u.nm = 'one' ORDER BY 1, 4;
SELECT k, x FROM (SELECT 1 AS k, ARRAY[1, 2] AS a UNION ALL SELECT 1, ARRAY[1, 2] UNION ALL SELECT 2, '{}'::int[]) s LEFT JOIN unnest(a) x ON x IS NULL OR x = 2 ORDER BY 1, 2;
SELECT t.id, g FROM arr_t t LEFT JOIN generate_series(1, t.id) g ON g % 2 = 0 ORDER BY 1, 2;
SELECT * FROM arr_t, arr_t b JOIN unnest(ARRAY[arr_t.id, b.id]) u ON u > 2 ORDER BY 1, 5, 9;
SELECT a.id, b.id, u, c.name FROM arr_t a, arr_t b LEFT JOIN unnest(ARRAY[a.id]) u ON u = b.id LEFT JOIN arr_t c ON c.id = u + 1 ORDER BY 1, 2;
SELECT s.k, x FROM (SELECT 1 AS k, ARRAY[10, 20, 30] AS a) s CROSS JOIN LATERAL unnest(s.a) x WHERE x <> 20 ORDER BY 2 DESC;
SELECT t.id, u, v FROM arr_t t, unnest(ARRAY[t.id]) u, unnest(ARRAY[u, u + 1, t.id * 10]) v ORDER BY 1, 2, 3;
SELECT t.id, u.x, w.name FROM arr_t t, unnest(ARRAY[t.id, t.id + 1]) u(x) JOIN arr_t w ON w.id = u.x ORDER BY 1, 2;
SELECT count(*), sum(x) FROM arr_t, unnest(ARRAY[id, 7]) x;
SELECT flag, max(x), count(*) FROM arr_t, unnest(ARRAY[id, 7]) x GROUP BY flag ORDER BY 1;
SELECT * FROM arr_t a JOIN arr_t b USING (id), unnest(ARRAY[a.id, b.id * 2]) ORDER BY 1, 8;
SELECT id, unnest FROM arr_t a JOIN arr_t b USING (id), unnest(ARRAY[id]) WHERE a.id > 2 ORDER BY 1;
SELECT a.id, b.id, x FROM arr_t a LEFT JOIN arr_t b ON b.id = a.id + 2, unnest(ARRAY[b.id]) x ORDER BY 1;
SELECT id, (SELECT count(*) FROM unnest(ARRAY[t.id, 1]) v WHERE v = t.id) AS c FROM arr_t t ORDER BY 1;
SELECT id, x FROM arr_t, unnest(ARRAY[id]) x WHERE EXISTS (SELECT 1 FROM arr_t z WHERE z.id = x + 1) ORDER BY 1;
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) WITH ORDINALITY;
SELECT * FROM unnest(ARRAY[1, 2], '{}'::text[]) AS u(a, b) ORDER BY 1;
SELECT * FROM ROWS FROM (unnest(ARRAY[1, 2]), generate_series(1, 3)) AS r(a, b) ORDER BY b;
SELECT * FROM arr_t, ROWS FROM (unnest(ARRAY[id, 2]), generate_series(1, id)) WITH ORDINALITY r ORDER BY 1, 7;
SELECT u.* FROM arr_t, unnest(ARRAY[id], ARRAY[name]) u ORDER BY 1;
SELECT pg_typeof(u), pg_typeof(o) FROM arr_t, unnest(ARRAY[flag]) WITH ORDINALITY AS x(u, o) WHERE id = 1;
-- errors as PostgreSQL's
SELECT unnest FROM arr_t, unnest(ARRAY[id], ARRAY[name]);
SELECT x FROM arr_t, unnest(ARRAY[id], ARRAY[name]) u(x, y, z);
SELECT * FROM arr_t, unnest(ARRAY[id], 5) u;
SELECT * FROM arr_t RIGHT JOIN unnest(ARRAY[id]) u ON true;
SELECT * FROM arr_t, unnest(ARRAY[arr_t.id]) AS arr_t;
SELECT * FROM arr_t, unnest(ARRAY[missing]) u;
-- gap: lateral-function
SELECT * FROM arr_t, arr_t b RIGHT JOIN unnest(ARRAY[arr_t.id]) u ON true;
-- gap: lateral-function
SELECT * FROM arr_t JOIN unnest(ARRAY[id]) u(id) USING (id);
-- gap: lateral-function
SELECT * FROM arr_t, unnest(ARRAY[id]) FOR UPDATE;
