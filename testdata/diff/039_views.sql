-- PostgreSQL's text of views (pg_get_viewdef, pg_views, information_schema.views,
-- pg_get_ruledef), stored when pgtidb creates the view (translate/deparse_view.go), with the
-- relation names qualified as the reading session's search path requires.
CREATE SCHEMA vapp;
CREATE TABLE people2 (id int PRIMARY KEY, name text, born date, active boolean, score numeric);
CREATE TABLE vapp.pets2 (id int PRIMARY KEY, owner int, kind varchar(10));
CREATE VIEW vv1 AS SELECT id, name FROM people2 WHERE born < '2000-01-01';
CREATE VIEW vv2 AS SELECT p.id AS pid, upper(p.name) AS n FROM people2 p WHERE p.active AND p.score > 1 ORDER BY p.id;
CREATE VIEW vv3 AS SELECT DISTINCT name FROM people2;
CREATE VIEW vv4 (a, b) AS SELECT x.id, y.kind FROM people2 x JOIN vapp.pets2 y ON y.owner = x.id WHERE y.kind <> 'cat' ORDER BY x.id DESC, y.kind;
CREATE VIEW vv5 AS SELECT x.id, y.kind IS NULL AS petless FROM people2 x LEFT JOIN vapp.pets2 y ON y.owner = x.id AND y.id > 0;
CREATE VIEW vapp.vv6 AS SELECT id, kind FROM vapp.pets2 WHERE kind IN ('cat', 'dog');
SELECT pg_get_viewdef('vv1'::regclass), pg_get_viewdef('vv2'::regclass, true);
SELECT pg_get_viewdef('vv3'), pg_get_viewdef('vv4'::regclass), pg_get_viewdef('vv4'::regclass, true);
SELECT pg_get_viewdef('vv5'::regclass), pg_get_viewdef('vapp.vv6'::regclass, true);
SELECT schemaname, viewname, definition FROM pg_views WHERE viewname LIKE 'vv%' ORDER BY 1, 2;
SELECT table_schema, table_name, view_definition FROM information_schema.views WHERE table_name LIKE 'vv%' ORDER BY 1, 2;
SELECT c.relname, pg_get_ruledef(r.oid), pg_get_ruledef(r.oid, true) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE c.relname IN ('vv1', 'vv6') ORDER BY 1;
SELECT pg_get_viewdef(0), pg_get_ruledef(0), pg_get_viewdef('people2'::regclass);
SET search_path = '';
SELECT pg_get_viewdef('public.vv4'::regclass), pg_get_viewdef('vapp.vv6'::regclass);
SET search_path = vapp, public;
SELECT pg_get_viewdef('public.vv4'::regclass, true), pg_get_viewdef('vv6'::regclass, true);
RESET search_path;
-- a renamed view keeps its text; a replaced one gets the new text
ALTER VIEW vv1 RENAME TO vv1b;
SELECT pg_get_viewdef('vv1b'::regclass);
CREATE OR REPLACE VIEW vv3 AS SELECT DISTINCT name FROM people2 WHERE active;
SELECT pg_get_viewdef('vv3'::regclass);
