-- jsonb operators #> #>> @> <@ ? ?| ?& || over varied values.
CREATE TABLE jdocs (id int PRIMARY KEY, j jsonb);
INSERT INTO jdocs VALUES (1, '{"a": {"b": [10, 20, {"c": "deep"}]}, "k": "v", "n": null, "1": "one", "arr": [1, 2, 3], "": "empty"}'), (2, '[1, "two", [3, 4], {"x": 5}, null, "k"]'), (3, '"k"'), (4, '42'), (5, 'null'), (6, NULL), (7, '{}'), (8, '[]'), (9, '{"a": [1, 2], "tags": ["red", "blue"], "meta": {"x": 1, "y": {"z": true}}}'), (10, 'true'), (11, '{"a": {"b": 1}, "x": "k"}');
SELECT id, j #> '{a}' AS a FROM jdocs ORDER BY id;
SELECT id, j #> '{a,b}' AS ab, j #>> '{a,b}' AS abt FROM jdocs ORDER BY id;
SELECT id, j #> '{a,b,2,c}' AS deep, j #>> '{a,b,-1,c}' AS deep_neg FROM jdocs ORDER BY id;
SELECT id, j #> '{0}' AS first, j #> '{-1}' AS last, j #>> '{1}' AS second FROM jdocs ORDER BY id;
SELECT id, j #> '{2,1}' AS nested, j #> '{3,x}' AS inobj, j #> '{-7}' AS outofrange FROM jdocs ORDER BY id;
SELECT id, j #> '{}' AS whole FROM jdocs ORDER BY id;
SELECT id, j #>> '{}' AS whole_text FROM jdocs WHERE id <> 1 ORDER BY id;
SELECT id, j #>> '{n}' AS n, (j #>> '{n}') IS NULL AS n_null, j #> '{n}' AS nj FROM jdocs WHERE id = 1;
SELECT id, j #>> '{1}' AS one, j #>> '{""}' AS empty_key, j #>> '{arr,+1}' AS plus, j #>> '{arr,01}' AS lead0 FROM jdocs WHERE id = 1;
SELECT id, j #> '{a,NULL}' AS nul, j #> ARRAY['meta','y','z'] AS arr_path, j #>> '{meta,y,z}'::text[] AS cast_path FROM jdocs WHERE id = 9;
SELECT id FROM jdocs WHERE (j #>> '{meta,x}') = '1' ORDER BY id;
SELECT id, j #> '{arr,1.0}' AS notindex, j #> '{k,0}' AS scalar_step FROM jdocs WHERE id = 1;
SELECT '{"a":{"b":"c"}}'::jsonb #>> '{a,b}' AS t, pg_typeof('{"a":1}'::jsonb #> '{a}') AS t1, pg_typeof('{"a":1}'::jsonb #>> '{a}') AS t2;
SELECT id, j @> '{"k": "v"}' AS kv, j @> '{"a": {}}' AS a_obj, j @> '{}' AS empty_obj FROM jdocs ORDER BY id;
SELECT id, j @> '[1]' AS has1, j @> '[]' AS empty_arr, j @> '["k", 1]' AS k1, j @> '[null]' AS hasnull FROM jdocs ORDER BY id;
SELECT id, j @> '"k"' AS k, j @> '42' AS n42, j @> 'null' AS jnull, j @> 'true' AS t, j @> '1' AS one FROM jdocs ORDER BY id;
SELECT id, j @> '{"a": [1]}' AS a1, j @> '{"a": 1}' AS a_scalar, j @> '{"tags": ["blue"]}' AS blue, j @> '{"meta": {"y": {"z": true}}}' AS z FROM jdocs ORDER BY id;
SELECT id, j @> '{"n": null}' AS n_null, j @> '{"missing": null}' AS missing, j @> '{"arr": [3, 1, 1]}' AS arr_dup FROM jdocs ORDER BY id;
SELECT id, '{"k": "v"}' <@ j AS kv, '[1]'::jsonb <@ j AS one, '"k"'::jsonb <@ j AS k FROM jdocs ORDER BY id;
SELECT id FROM jdocs WHERE j @> '{"meta": {"x": 1}}' ORDER BY id;
SELECT id FROM jdocs WHERE j @> '{"meta": {"x": 1.0}}' ORDER BY id;
-- gap: jsonb-operators
SELECT '[1,2,[3]]'::jsonb @> '[[3]]' AS nested_array;
-- gap: jsonb-operators
SELECT '{"a":1}'::jsonb @> j AS reversed FROM jdocs WHERE id = 1;
SELECT id, j ? 'k' AS k, j ? 'a' AS a, j ? 'two' AS two, j ? '1' AS one, j ? '' AS empty FROM jdocs ORDER BY id;
SELECT id, j ? 'x' AS x, j ? 'b' AS nested_key, j ? 'v' AS value FROM jdocs ORDER BY id;
SELECT id, j ?| '{k,a}' AS any_ka, j ?| '{zz,NULL}' AS any_none, j ?| '{}' AS any_empty, j ?& '{k,a}' AS all_ka, j ?& '{}' AS all_empty, j ?& '{k,NULL}' AS all_null FROM jdocs ORDER BY id;
SELECT id, j ?| ARRAY['tags', 'x'] AS any_arr, j ?& ARRAY['a', 'meta'] AS all_arr FROM jdocs ORDER BY id;
SELECT id FROM jdocs WHERE j ? 'k' ORDER BY id;
SELECT id, j ? NULL AS null_key FROM jdocs WHERE id = 1;
SELECT id, j || '{"added": true}' AS added, j || '{"k": "w"}' AS replaced, j || '{}' AS same FROM jdocs ORDER BY id;
SELECT id, j || '[9]' AS arr, j || '9' AS scalar, j || 'null' AS jnull, j || '[]' AS empty FROM jdocs ORDER BY id;
SELECT id, '{"k": 1, "new": [1]}'::jsonb || j AS left_const, '[0]'::jsonb || j AS left_arr FROM jdocs ORDER BY id;
SELECT '{"a": 1}'::jsonb || '{"a": {"b": 2}, "c": null}'::jsonb AS m, '[1]'::jsonb || '{"a": 1}'::jsonb AS ao, '1'::jsonb || '2'::jsonb AS ss, '{"a":1}'::jsonb || '[2]'::jsonb AS oa;
-- gap: jsonb-operators
SELECT j || j AS self FROM jdocs WHERE id = 1;
-- gap: jsonb-operators
SELECT j - 'k' AS removed FROM jdocs WHERE id = 1;
-- gap: jsonb-operators
SELECT j #- '{a}' AS removed FROM jdocs WHERE id = 1;
UPDATE jdocs SET j = j || '{"n": 1, "z": [1]}' WHERE id IN (1, 7, 9);
SELECT id, j FROM jdocs ORDER BY id;
SELECT id, j ? (j ->> 'x') AS dyn_key, j ?| '{"x", "q\"k"}' AS quoted FROM jdocs ORDER BY id;
SELECT '{"q\"k": 1, "b\\s": {"é": [true]}}'::jsonb @> '{"q\"k": 1, "b\\s": {"é": [true]}}' AS esc, '{"q\"k": 1}'::jsonb #> '{q\"k}' AS qpath, '{"b\\s": 2}'::jsonb #>> '{b\\s}' AS bpath, '{"é": 1}'::jsonb ? 'é' AS uni;
SELECT '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}'::jsonb AS sub, '{"a": 1, "b": 2}'::jsonb <@ '{"a": 1}' AS notsub, NULL::jsonb @> '{}' AS nul, '{}'::jsonb @> NULL AS nul2;
SELECT '[1, "a", null]'::jsonb @> '["a", null, 1, 1]' AS all_in, '["a"]'::jsonb @> '"a"' AS scalar_in_arr, '"a"'::jsonb @> '["a"]' AS arr_in_scalar, '{"a": "b"}'::jsonb @> '"a"' AS obj_scalar;
SELECT '[1, [2, 3]]'::jsonb @> '[2]' AS nested_elem, '{"a": {"b": [1, 2]}}'::jsonb @> '{"a": {"b": 1}}' AS nested_scalar, '{"a": {"b": [1, 2]}}'::jsonb @> '{"a": {"b": [2]}}' AS nested_arr;
SELECT '{"a": [1, {"b": 2}]}'::jsonb #> '{a,1,b}' AS ab, '[[1, [2, [3]]]]'::jsonb #> '{0,1,1,0}' AS deep4, '[1, 2]'::jsonb #> '{-3}' AS neg_out, '[1, 2]'::jsonb #> '{" 1"}' AS space;
SELECT '[1, 2]'::jsonb #> '{2147483648}' AS toobig, '{"2147483648": 1}'::jsonb #> '{2147483648}' AS bigkey, '{"-1": "m"}'::jsonb #>> '{-1}' AS negkey;
SELECT id, j #> NULL AS pnull, j ?| NULL AS anull FROM jdocs WHERE id = 1;
SELECT count(*) AS n FROM jdocs WHERE j @> '{"a": {"b": [10]}}' OR j ? 'tags';
SELECT id, j ?& ARRAY['a'::text, 'tags'::text] AS has_keys, j #> ARRAY['meta'::text, 'y'] AS my FROM jdocs WHERE id IN (1, 9) ORDER BY id;
SELECT id FROM jdocs WHERE j @> '{"tags": ["red"]}'::jsonb AND j ? 'meta' ORDER BY id;
SELECT '[[1]]'::jsonb @> '1' AS a, '{"a":[[1]]}'::jsonb @> '{"a":[1]}' AS b, '[1]'::jsonb @> '[true]' AS c, '[true]'::jsonb @> '1' AS d, '{"a":true}'::jsonb @> '{"a":1}' AS e, '[0]'::jsonb @> '[false]' AS f;
SELECT '["1"]'::jsonb @> '[1]' AS a, '{"a":"1"}'::jsonb @> '{"a":1}' AS b, '{"a":null}'::jsonb @> '{"a":null}' AS c, '[null]'::jsonb @> '[null]' AS d, '{"a":{"b":null}}'::jsonb @> '{"a":{"b":null}}' AS e, '{"a":1}'::jsonb @> '{"a":null}' AS f;
SELECT '{"a":[]}'::jsonb @> '{"a":[]}' AS a, '{"a":{}}'::jsonb @> '{"a":[]}' AS b, '{"a":[1]}'::jsonb @> '{"a":{}}' AS c, '1.0'::jsonb @> '1' AS d, '"a"'::jsonb @> '"a"' AS e, '[]'::jsonb @> '"a"' AS f;
SELECT '[1,2,3]'::jsonb #> '{-3}' AS a, '[1,2,3]'::jsonb #> '{3}' AS b, '{"a":[{"b":[1,{"c":2}]}]}'::jsonb #>> '{a,0,b,1,c}' AS c, '[true]'::jsonb #>> '{0}' AS d, '["x\"y"]'::jsonb #>> '{0}' AS e, '[1]'::jsonb #> '{-0}' AS f;
SELECT '[null, "a"]'::jsonb ? 'null' AS a, '{"null": 1}'::jsonb ? 'null' AS b, '[1, "1"]'::jsonb ?| '{1}' AS c, '"a"'::jsonb ?& '{a,a}' AS d, 'true'::jsonb ? 'true' AS e;
SELECT '{"a":1}'::jsonb || '{"a":null}' AS a, '{"a":{"x":1}}'::jsonb || '{"a":{"y":2}}' AS b, '[[1]]'::jsonb || '[[2]]' AS c, 'null'::jsonb || '{"a":1}' AS d, '{"a":1}'::jsonb || 'null' AS e, '"s"'::jsonb || '{}' AS f;
SELECT '{"a":1}'::jsonb || NULL AS a, NULL || '{"a":1}'::jsonb AS b, '{"a":[1]}'::jsonb || '{"a":[2]}' AS c;
