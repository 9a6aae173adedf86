-- jsonb and json storage and operators; uuid.
CREATE TABLE docs (id int PRIMARY KEY, j jsonb);
INSERT INTO docs VALUES (1, '{"b": 1, "a": [1, 2, {"c": null}], "s": "x"}'), (2, '[1, "two", true, null]'), (3, '"scalar"'), (4, 'null'), (5, NULL), (6, '{"num": 1.5, "big": 1234567890123456789, "neg": -1}');
SELECT id, j FROM docs ORDER BY id;
SELECT j -> 'a' AS arr, j ->> 's' AS s, j -> 'b' AS b, j ->> 'b' AS bt FROM docs WHERE id = 1;
SELECT j -> 'a' -> 2 ->> 'c' AS cnull, (j -> 'a' -> 2 ->> 'c') IS NULL AS is_null FROM docs WHERE id = 1;
SELECT j -> 1 AS second, j ->> 3 AS fourth, (j ->> 3) IS NULL AS fourth_null FROM docs WHERE id = 2;
SELECT j #> '{a,1}' AS p, j #>> '{a,2,c}' AS p2 FROM docs WHERE id = 1;
SELECT id FROM docs WHERE j @> '{"b": 1}';
SELECT id FROM docs WHERE j ? 's';
SELECT id FROM docs WHERE j ->> 's' = 'x';
SELECT id, jsonb_typeof(j) AS t FROM docs ORDER BY id;
SELECT jsonb_array_length(j) AS n FROM docs WHERE id = 2;
SELECT j -> 'num' AS num, j -> 'big' AS big, j -> 'neg' AS neg FROM docs WHERE id = 6;
SELECT '{"a":1}'::jsonb = '{ "a" : 1 }'::jsonb AS eq, '{"a":1,"b":2}'::jsonb @> '{"b":2}' AS contains;
SELECT '{"a": 1}'::jsonb || '{"b": 2}'::jsonb AS merged, '{"a": 1}'::jsonb || '{"a": [2]}'::jsonb AS replaced;
-- gap: jsonb-operators
SELECT '{"a": 1, "b": 2}'::jsonb - 'a' AS removed;
SELECT jsonb_build_object('k', 1, 'l', 'two') AS o, jsonb_build_array(1, 'a', NULL) AS a;
-- gap: jsonb-numbers
SELECT json_build_object('k', 1) AS jo, to_jsonb('text'::text) AS tj, to_jsonb(1.5) AS tn;
SELECT '{"a": {"b": "c"}}'::jsonb -> 'a' ->> 'b' AS chained;
SELECT '[1,2,3]'::jsonb -> -1 AS last;
SELECT '{bad json}'::jsonb;
-- gap: jsonb-operators
SELECT '{"a":1}'::json -> 'a' AS ja, '{"a":1}'::json ->> 'a' AS jt;
-- gap: jsonb-operators
SELECT pg_typeof('{}'::jsonb -> 'a') AS t1, pg_typeof('{}'::jsonb ->> 'a') AS t2, pg_typeof('{}'::json -> 'a') AS t3;
SELECT j::text AS as_text FROM docs WHERE id = 3;
SELECT (j ->> 'b')::int + 1 AS b1 FROM docs WHERE id = 1;
UPDATE docs SET j = j || '{"added": true}' WHERE id = 1;
SELECT j -> 'added' AS added FROM docs WHERE id = 1;
SELECT count(*) AS n FROM docs WHERE j IS NOT NULL;
CREATE TABLE ids (id uuid PRIMARY KEY, label text);
INSERT INTO ids VALUES ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'upper'), ('{b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12}', 'braces'), ('c0eebc999c0b4ef8bb6d6bb9bd380a13', 'nohyphen');
SELECT id, label FROM ids ORDER BY id;
SELECT label FROM ids WHERE id = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
SELECT label FROM ids WHERE id = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid;
SELECT id::text AS t, length(id::text) AS l FROM ids WHERE label = 'nohyphen';
INSERT INTO ids VALUES ('not-a-uuid', 'bad');
INSERT INTO ids VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'dup');
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u;
SELECT pg_typeof('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid) AS t;
-- gap: not-yet
SELECT gen_random_uuid() IS NOT NULL AS gen, length(gen_random_uuid()::text) AS l, gen_random_uuid() <> gen_random_uuid() AS differ;
SELECT id FROM ids WHERE id > 'b0000000-0000-0000-0000-000000000000' ORDER BY id;
CREATE TABLE jt (id int PRIMARY KEY, doc json);
INSERT INTO jt VALUES (1, '{"b":1,  "a":2, "a":3}'), (2, '[1,2 , 3]');
SELECT id, doc FROM jt ORDER BY id;
SELECT '{"z": 1, "a": [1,2]}'::json AS j;
