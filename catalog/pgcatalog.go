package catalog

import (
	"sort"
	"strings"

	"github.com/jackc/pgerrcode"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// pg_catalog emulation.
//
// A relation of schema pg_catalog is answered by TiDB itself: the translator replaces the FROM
// item by a derived table `(<emulation>) AS name` (translate/catalog_rel.go). Each emulation is
// a constant TiDB SELECT text below, over TiDB's information_schema, the shadow catalog and
// constant rows dumped from PostgreSQL 15 (pgcatalog_data.go); its output columns are the
// relation's columns in PostgreSQL's order (pgcatalog_columns.go, generated), with values in
// the form typemap reads for the column's PostgreSQL type (bool as 1/0, oid as an integer,
// "char" and name as text, int2vector/oidvector as their space-separated text).
//
// The texts use a few macros, expanded on the AST when an emulation is instantiated, so that
// every session-dependent value is a literal and every OID is computed by oid.go's builders.
// Indexes TiDB creates by itself for a foreign key (named as the constraint) are not shown:
// PostgreSQL creates none.
//
//	DATABASE()                    the session's PostgreSQL database (a literal)
//	CURRENT_USER()                the session's PostgreSQL user (a literal)
//	pgtidb_in_database(db)        TiDB database db holds a schema of the session's database
//	pgtidb_schema(db)             the PostgreSQL schema name TiDB database db holds
//	pgtidb_nsp_oid(db)            NamespaceOIDExpr
//	pgtidb_oid('kind', db, n…)    DerivedOIDExpr (kind rel, con, def…)
//	pgtidb_opclass(pgtype)        the type's default btree operator class (pg_index.indclass)
//	pgtidb_collation(pgtype)      the type's collation (100 for collatable types, else 0)
//	pgtidb_fk_action(rule)        a foreign key's ON UPDATE/DELETE rule as pg_constraint's letter
//	pgtidb_mysql_type(dt, ct)     typemap.FromMySQL's type OID of a column pgtidb did not create
//	pgtidb_quote_ident(name)      quote_ident(name): quoted unless lower-case and not a keyword
//	pgtidb_setting(name)          the session's value of parameter name as pg_settings shows it
//	pgtidb_setting_source(name)   its pg_settings.source (pgcatalog_settings.go)
//
// and one macro table: FROM pgtidb_sessions becomes the derived table of the instance's client
// sessions (EmulationEnv.Sessions; pgcatalog_activity.go).
//
// Every use parses its text anew (instantiate), so the AST a translation receives and modifies
// is its own; TestEmulationsMatchColumns parses every text and checks its columns.

// Owners: user objects belong to the bootstrap superuser (OID 10: the session user, see
// pg_roles), the public schema to pg_database_owner (6171), as on PostgreSQL when the
// connecting superuser created them. information_schema is namespace 13207, the OID initdb of
// PostgreSQL 15.18 gives it.

// pgCatalogEmulations are the emulated relations of pg_catalog. A relation missing here but
// present in pgCatalogColumns is refused (0A000) when a query names it.
var pgCatalogEmulations = map[string]string{
	"pg_namespace": `SELECT 11 AS oid, 'pg_catalog' AS nspname, 10 AS nspowner,
			JSON_ARRAY(CONCAT(CURRENT_USER(), '=UC/', CURRENT_USER()), CONCAT('=U/', CURRENT_USER())) AS nspacl
		UNION ALL SELECT 99, 'pg_toast', 10, NULL
		UNION ALL SELECT 13207, 'information_schema', 10,
			JSON_ARRAY(CONCAT(CURRENT_USER(), '=UC/', CURRENT_USER()), CONCAT('=U/', CURRENT_USER()))
		UNION ALL SELECT pgtidb_nsp_oid(SCHEMA_NAME), pgtidb_schema(SCHEMA_NAME),
			IF(SCHEMA_NAME = DATABASE(), 6171, 10),
			IF(SCHEMA_NAME = DATABASE(), JSON_ARRAY('pg_database_owner=UC/pg_database_owner', '=U/pg_database_owner'), NULL)
		FROM information_schema.SCHEMATA WHERE pgtidb_in_database(SCHEMA_NAME)`,

	"pg_class": `SELECT pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME) AS oid, t.TABLE_NAME AS relname,
			pgtidb_nsp_oid(t.TABLE_SCHEMA) AS relnamespace, 0 AS reltype, 0 AS reloftype, 10 AS relowner,
			IF(t.TABLE_TYPE = 'BASE TABLE', 2, 0) AS relam,
			IF(t.TABLE_TYPE = 'VIEW', 0, pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME)) AS relfilenode,
			0 AS reltablespace, IF(t.TABLE_TYPE = 'SEQUENCE', 1, 0) AS relpages,
			CASE t.TABLE_TYPE WHEN 'SEQUENCE' THEN 1 WHEN 'VIEW' THEN 0 ELSE -1 END AS reltuples,
			0 AS relallvisible, 0 AS reltoastrelid,
			EXISTS (SELECT 1 FROM information_schema.STATISTICS s
				WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME
				  AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
					WHERE pgtidb_in_database(f.CONSTRAINT_SCHEMA) AND f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA
					  AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)) AS relhasindex,
			0 AS relisshared, 'p' AS relpersistence,
			CASE t.TABLE_TYPE WHEN 'BASE TABLE' THEN 'r' WHEN 'VIEW' THEN 'v' ELSE 'S' END AS relkind,
			IF(t.TABLE_TYPE = 'SEQUENCE', 3, (SELECT COUNT(*) FROM information_schema.COLUMNS c
				WHERE pgtidb_in_database(c.TABLE_SCHEMA) AND c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME)) AS relnatts,
			(SELECT COUNT(*) FROM information_schema.TIDB_CHECK_CONSTRAINTS k
				WHERE pgtidb_in_database(k.CONSTRAINT_SCHEMA) AND k.CONSTRAINT_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME
				  AND NOT (k.CONSTRAINT_NAME LIKE '%json_check' AND k.CHECK_CLAUSE LIKE '(json_valid(%))')) AS relchecks,
			t.TABLE_TYPE = 'VIEW' AS relhasrules,
			EXISTS (SELECT 1 FROM information_schema.KEY_COLUMN_USAGE f
				WHERE pgtidb_in_database(f.TABLE_SCHEMA) AND f.REFERENCED_TABLE_NAME IS NOT NULL
				  AND ((f.TABLE_SCHEMA = t.TABLE_SCHEMA AND f.TABLE_NAME = t.TABLE_NAME)
				   OR (f.REFERENCED_TABLE_SCHEMA = t.TABLE_SCHEMA AND f.REFERENCED_TABLE_NAME = t.TABLE_NAME))) AS relhastriggers,
			0 AS relhassubclass, 0 AS relrowsecurity, 0 AS relforcerowsecurity, 1 AS relispopulated,
			IF(t.TABLE_TYPE = 'BASE TABLE', 'd', 'n') AS relreplident, 0 AS relispartition, 0 AS relrewrite,
			0 AS relfrozenxid, IF(t.TABLE_TYPE = 'BASE TABLE', 1, 0) AS relminmxid,
			NULL AS relacl, NULL AS reloptions, NULL AS relpartbound
		FROM information_schema.TABLES t WHERE pgtidb_in_database(t.TABLE_SCHEMA)
		UNION ALL
		SELECT pgtidb_oid('rel', i.TABLE_SCHEMA, i.relname), i.relname, pgtidb_nsp_oid(i.TABLE_SCHEMA), 0, 0, 10, 403,
			pgtidb_oid('rel', i.TABLE_SCHEMA, i.relname), 0, 1, 0, 0, 0, 0, 0, 'p', 'i', i.natts, 0, 0, 0, 0, 0, 0, 1,
			'n', 0, 0, 0, 0, NULL, NULL, NULL
		FROM (SELECT s.TABLE_SCHEMA, IF(s.INDEX_NAME = 'PRIMARY', CONCAT(s.TABLE_NAME, '_pkey'), s.INDEX_NAME) AS relname,
				COUNT(*) AS natts
			FROM information_schema.STATISTICS s WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
				WHERE pgtidb_in_database(f.CONSTRAINT_SCHEMA) AND f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)
			GROUP BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME) i`,

	"pg_index": `SELECT pgtidb_oid('rel', s.TABLE_SCHEMA, IF(s.INDEX_NAME = 'PRIMARY', CONCAT(s.TABLE_NAME, '_pkey'), s.INDEX_NAME)) AS indexrelid,
			pgtidb_oid('rel', s.TABLE_SCHEMA, s.TABLE_NAME) AS indrelid,
			COUNT(*) AS indnatts, COUNT(*) AS indnkeyatts, MIN(s.NON_UNIQUE) = 0 AS indisunique,
			0 AS indnullsnotdistinct, s.INDEX_NAME = 'PRIMARY' AS indisprimary, 0 AS indisexclusion,
			1 AS indimmediate, 0 AS indisclustered, 1 AS indisvalid, 0 AS indcheckxmin, 1 AS indisready,
			1 AS indislive, 0 AS indisreplident,
			CAST(CONCAT('[', GROUP_CONCAT(IF(s.EXPRESSION IS NULL, c.ORDINAL_POSITION, 0) ORDER BY s.SEQ_IN_INDEX SEPARATOR ','), ']') AS JSON) AS indkey,
			CAST(CONCAT('[', GROUP_CONCAT(pgtidb_collation(COALESCE(p.pg_type, pgtidb_mysql_type(c.DATA_TYPE, c.COLUMN_TYPE))) ORDER BY s.SEQ_IN_INDEX SEPARATOR ','), ']') AS JSON) AS indcollation,
			CAST(CONCAT('[', GROUP_CONCAT(pgtidb_opclass(COALESCE(p.pg_type, pgtidb_mysql_type(c.DATA_TYPE, c.COLUMN_TYPE))) ORDER BY s.SEQ_IN_INDEX SEPARATOR ','), ']') AS JSON) AS indclass,
			CAST(CONCAT('[', GROUP_CONCAT(0 ORDER BY s.SEQ_IN_INDEX SEPARATOR ','), ']') AS JSON) AS indoption,
			NULL AS indexprs, NULL AS indpred
		FROM information_schema.STATISTICS s
		LEFT JOIN information_schema.COLUMNS c
			ON pgtidb_in_database(c.TABLE_SCHEMA) AND c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME
		LEFT JOIN pgtidb_catalog.columns p
			ON p.tidb_db = s.TABLE_SCHEMA AND p.table_name = s.TABLE_NAME AND p.column_name = s.COLUMN_NAME
		WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
				WHERE pgtidb_in_database(f.CONSTRAINT_SCHEMA) AND f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)
		GROUP BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME`,

	// indexdef as pg_get_indexdef prints it; NULL for an index with an expression part, whose
	// PostgreSQL text pgtidb does not keep (KNOWN_GAPS.md). TiDB names an expression part's
	// column 'NULL' in STATISTICS: EXPRESSION tells them apart.
	"pg_indexes": `SELECT pgtidb_schema(s.TABLE_SCHEMA) AS schemaname, s.TABLE_NAME AS tablename,
			IF(s.INDEX_NAME = 'PRIMARY', CONCAT(s.TABLE_NAME, '_pkey'), s.INDEX_NAME) AS indexname, NULL AS tablespace,
			IF(MAX(s.EXPRESSION IS NOT NULL) = 1, NULL,
				CONCAT('CREATE ', IF(MIN(s.NON_UNIQUE) = 0, 'UNIQUE ', ''), 'INDEX ',
					pgtidb_quote_ident(IF(s.INDEX_NAME = 'PRIMARY', CONCAT(s.TABLE_NAME, '_pkey'), s.INDEX_NAME)),
					' ON ', pgtidb_quote_ident(pgtidb_schema(s.TABLE_SCHEMA)), '.', pgtidb_quote_ident(s.TABLE_NAME),
					' USING btree (', GROUP_CONCAT(pgtidb_quote_ident(s.COLUMN_NAME) ORDER BY s.SEQ_IN_INDEX SEPARATOR ', '), ')')) AS indexdef
		FROM information_schema.STATISTICS s
		WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
				WHERE pgtidb_in_database(f.CONSTRAINT_SCHEMA) AND f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)
		GROUP BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME`,

	"pg_am": `SELECT oid, amname, amhandler, amtype FROM (` + pgAmRows + `) am`,

	"pg_database": `SELECT pgtidb_oid('db', '', SCHEMA_NAME) AS oid, SCHEMA_NAME AS datname, 10 AS datdba, 6 AS encoding,
			'c' AS datlocprovider, 0 AS datistemplate, 1 AS datallowconn, -1 AS datconnlimit, 0 AS datfrozenxid,
			1 AS datminmxid, 1663 AS dattablespace, 'C' AS datcollate, 'C' AS datctype, NULL AS daticulocale,
			NULL AS datcollversion, NULL AS datacl
		FROM information_schema.SCHEMATA
		WHERE LOCATE('__', SCHEMA_NAME) = 0
		  AND LOWER(SCHEMA_NAME) NOT IN ('mysql', 'information_schema', 'performance_schema', 'metrics_schema', 'sys', 'pgtidb_catalog')`,

	"pg_roles": `SELECT CURRENT_USER() AS rolname, 1 AS rolsuper, 1 AS rolinherit, 1 AS rolcreaterole, 1 AS rolcreatedb,
			1 AS rolcanlogin, 1 AS rolreplication, -1 AS rolconnlimit, '********' AS rolpassword, NULL AS rolvaliduntil,
			1 AS rolbypassrls, NULL AS rolconfig, 10 AS oid
		UNION ALL SELECT 'pg_database_owner', 0, 1, 0, 0, 0, 0, -1, '********', NULL, 0, NULL, 6171`,

	"pg_authid": `SELECT 10 AS oid, CURRENT_USER() AS rolname, 1 AS rolsuper, 1 AS rolinherit, 1 AS rolcreaterole,
			1 AS rolcreatedb, 1 AS rolcanlogin, 1 AS rolreplication, 1 AS rolbypassrls, -1 AS rolconnlimit,
			NULL AS rolpassword, NULL AS rolvaliduntil
		UNION ALL SELECT 6171, 'pg_database_owner', 0, 1, 0, 0, 0, 0, 0, -1, NULL, NULL`,

	"pg_user": `SELECT CURRENT_USER() AS usename, 10 AS usesysid, 1 AS usecreatedb, 1 AS usesuper, 1 AS userepl,
			1 AS usebypassrls, '********' AS passwd, NULL AS valuntil, NULL AS useconfig`,

	// Columns of tables and views (attnum = TiDB's ordinal position: PostgreSQL keeps dropped
	// columns' numbers, TiDB renumbers), of indexes, of sequences, and the system columns of
	// tables and sequences. A column pgtidb did not create has the type typemap.FromMySQL gives
	// its TiDB type, without modifier.
	"pg_attribute": `SELECT pgtidb_oid('rel', a.TABLE_SCHEMA, a.TABLE_NAME) AS attrelid, a.COLUMN_NAME AS attname,
			a.atttypid, -1 AS attstattarget, ty.typlen AS attlen, a.ORDINAL_POSITION AS attnum,
			IF(ty.typcategory = 'A', 1, 0) AS attndims, -1 AS attcacheoff, a.atttypmod, ty.typbyval AS attbyval,
			ty.typalign AS attalign, ty.typstorage AS attstorage, '' AS attcompression,
			a.TABLE_TYPE <> 'VIEW' AND a.IS_NULLABLE = 'NO' AS attnotnull,
			a.TABLE_TYPE <> 'VIEW' AND a.attidentity = '' AND (a.COLUMN_DEFAULT IS NOT NULL OR LOCATE('auto_increment', LOWER(a.EXTRA)) > 0) AS atthasdef,
			0 AS atthasmissing, a.attidentity, IF(LOCATE('GENERATED', UPPER(a.EXTRA)) > 0 AND a.COLUMN_DEFAULT IS NULL, 's', '') AS attgenerated,
			0 AS attisdropped, 1 AS attislocal, 0 AS attinhcount, ty.typcollation AS attcollation,
			NULL AS attacl, NULL AS attoptions, NULL AS attfdwoptions, NULL AS attmissingval
		FROM (SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION, c.IS_NULLABLE, c.COLUMN_DEFAULT,
				c.EXTRA, t.TABLE_TYPE, COALESCE(p.pg_type, pgtidb_mysql_type(c.DATA_TYPE, c.COLUMN_TYPE)) AS atttypid,
				COALESCE(p.typmod, -1) AS atttypmod, COALESCE(p.attidentity, '') AS attidentity
			FROM information_schema.COLUMNS c
			JOIN information_schema.TABLES t ON pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
			LEFT JOIN pgtidb_catalog.columns p
				ON p.tidb_db = c.TABLE_SCHEMA AND p.table_name = c.TABLE_NAME AND p.column_name = c.COLUMN_NAME
			WHERE pgtidb_in_database(c.TABLE_SCHEMA)) a
		LEFT JOIN (` + pgTypeRows + `) ty ON ty.oid = a.atttypid
		UNION ALL
		SELECT pgtidb_oid('rel', s.TABLE_SCHEMA, IF(s.INDEX_NAME = 'PRIMARY', CONCAT(s.TABLE_NAME, '_pkey'), s.INDEX_NAME)),
			s.COLUMN_NAME, ty.oid, -1, ty.typlen, s.SEQ_IN_INDEX, 0, -1, COALESCE(p.typmod, -1), ty.typbyval, ty.typalign,
			ty.typstorage, '', 0, 0, 0, '', '', 0, 1, 0, ty.typcollation, NULL, NULL, NULL, NULL
		FROM information_schema.STATISTICS s
		JOIN information_schema.COLUMNS c
			ON pgtidb_in_database(c.TABLE_SCHEMA) AND c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME
		LEFT JOIN pgtidb_catalog.columns p
			ON p.tidb_db = s.TABLE_SCHEMA AND p.table_name = s.TABLE_NAME AND p.column_name = s.COLUMN_NAME
		LEFT JOIN (` + pgTypeRows + `) ty ON ty.oid = COALESCE(p.pg_type, pgtidb_mysql_type(c.DATA_TYPE, c.COLUMN_TYPE))
		WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
				WHERE pgtidb_in_database(f.CONSTRAINT_SCHEMA) AND f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)
		UNION ALL
		SELECT pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME), a.attname, a.atttypid, a.attstattarget, a.attlen, a.attnum,
			0, -1, -1, a.attbyval, a.attalign, 'p', '', 1, 0, 0, '', '', 0, 1, 0, 0, NULL, NULL, NULL, NULL
		FROM information_schema.TABLES t
		JOIN (SELECT 'tableoid' AS attname, 26 AS atttypid, 0 AS attstattarget, 4 AS attlen, -6 AS attnum, 1 AS attbyval, 'i' AS attalign, 0 AS seq
			UNION ALL SELECT 'cmax', 29, 0, 4, -5, 1, 'i', 0
			UNION ALL SELECT 'xmax', 28, 0, 4, -4, 1, 'i', 0
			UNION ALL SELECT 'cmin', 29, 0, 4, -3, 1, 'i', 0
			UNION ALL SELECT 'xmin', 28, 0, 4, -2, 1, 'i', 0
			UNION ALL SELECT 'ctid', 27, 0, 6, -1, 0, 's', 0
			UNION ALL SELECT 'last_value', 20, -1, 8, 1, 1, 'd', 1
			UNION ALL SELECT 'log_cnt', 20, -1, 8, 2, 1, 'd', 1
			UNION ALL SELECT 'is_called', 16, -1, 1, 3, 1, 'c', 1) a
			ON a.seq = 0 AND t.TABLE_TYPE IN ('BASE TABLE', 'SEQUENCE') OR a.seq = 1 AND t.TABLE_TYPE = 'SEQUENCE'
		WHERE pgtidb_in_database(t.TABLE_SCHEMA)`,

	// Defaults. adbin is PostgreSQL's internal node tree, which pgtidb does not have: it holds
	// instead the JSON array [text, pretty text] of the default (columnDefault), which
	// pg_get_expr(adbin, adrelid [, pretty]) prints (translate/func_orm.go). Identity columns
	// have no default, as in PostgreSQL.
	"pg_attrdef": `SELECT pgtidb_oid('def', a.TABLE_SCHEMA, a.TABLE_NAME, a.COLUMN_NAME) AS oid,
			pgtidb_oid('rel', a.TABLE_SCHEMA, a.TABLE_NAME) AS adrelid, a.ORDINAL_POSITION AS adnum,
			JSON_ARRAY(` + columnDefault("pg_default") + `, ` + columnDefault("pg_default_pretty") + `) AS adbin
		FROM (` + columnsWithTypes + `) a
		WHERE a.TABLE_TYPE = 'BASE TABLE' AND a.attidentity = ''
		  AND (a.d IS NOT NULL OR LOCATE('auto_increment', LOWER(a.EXTRA)) > 0)`,

	// Primary keys (TiDB's PRIMARY, PostgreSQL's <table>_pkey), unique constraints, foreign keys
	// and checks. A unique index made by CREATE UNIQUE INDEX is indistinguishable in TiDB from a
	// UNIQUE constraint and shows as one (KNOWN_GAPS.md). conkey of a check, the operator arrays
	// of a foreign key and conbin are NULL: pgtidb does not have them.
	"pg_constraint": `SELECT pgtidb_oid('con', k.TABLE_SCHEMA, k.TABLE_NAME, k.conname) AS oid, k.conname,
			pgtidb_nsp_oid(k.TABLE_SCHEMA) AS connamespace, k.contype, ` + fkDeferral + ` <> '' AS condeferrable,
			` + fkDeferral + ` = '` + DeferrableInitiallyDeferred + `' AS condeferred,
			1 AS convalidated, pgtidb_oid('rel', k.TABLE_SCHEMA, k.TABLE_NAME) AS conrelid, 0 AS contypid,
			CASE k.contype WHEN 'c' THEN 0
				WHEN 'f' THEN pgtidb_oid('rel', k.REFERENCED_TABLE_SCHEMA, IF(k.UNIQUE_CONSTRAINT_NAME = 'PRIMARY',
					CONCAT(k.REFERENCED_TABLE_NAME, '_pkey'), k.UNIQUE_CONSTRAINT_NAME))
				ELSE pgtidb_oid('rel', k.TABLE_SCHEMA, k.conname) END AS conindid,
			0 AS conparentid,
			IF(k.contype = 'f', pgtidb_oid('rel', k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME), 0) AS confrelid,
			pgtidb_fk_action(k.UPDATE_RULE) AS confupdtype, pgtidb_fk_action(k.DELETE_RULE) AS confdeltype,
			IF(k.contype = 'f', 's', ' ') AS confmatchtype, 1 AS conislocal, 0 AS coninhcount,
			k.contype <> 'c' AS connoinherit,
			IF(k.contype = 'c', NULL, (SELECT CAST(CONCAT('[', GROUP_CONCAT(c.ORDINAL_POSITION ORDER BY u.ORDINAL_POSITION SEPARATOR ','), ']') AS JSON)
				FROM information_schema.KEY_COLUMN_USAGE u
				JOIN information_schema.COLUMNS c ON pgtidb_in_database(c.TABLE_SCHEMA) AND c.TABLE_SCHEMA = u.TABLE_SCHEMA AND c.TABLE_NAME = u.TABLE_NAME AND c.COLUMN_NAME = u.COLUMN_NAME
				WHERE pgtidb_in_database(u.TABLE_SCHEMA) AND u.TABLE_SCHEMA = k.TABLE_SCHEMA AND u.TABLE_NAME = k.TABLE_NAME AND u.CONSTRAINT_NAME = k.tidb_name)) AS conkey,
			IF(k.contype <> 'f', NULL, (SELECT CAST(CONCAT('[', GROUP_CONCAT(c.ORDINAL_POSITION ORDER BY u.ORDINAL_POSITION SEPARATOR ','), ']') AS JSON)
				FROM information_schema.KEY_COLUMN_USAGE u
				JOIN information_schema.COLUMNS c ON pgtidb_in_database(c.TABLE_SCHEMA) AND c.TABLE_SCHEMA = u.REFERENCED_TABLE_SCHEMA AND c.TABLE_NAME = u.REFERENCED_TABLE_NAME AND c.COLUMN_NAME = u.REFERENCED_COLUMN_NAME
				WHERE pgtidb_in_database(u.TABLE_SCHEMA) AND u.TABLE_SCHEMA = k.TABLE_SCHEMA AND u.TABLE_NAME = k.TABLE_NAME AND u.CONSTRAINT_NAME = k.tidb_name)) AS confkey,
			NULL AS conpfeqop, NULL AS conppeqop, NULL AS conffeqop, NULL AS confdelsetcols, NULL AS conexclop,
			IF(k.contype = 'c', JSON_ARRAY(k.check_plain, k.check_pretty), NULL) AS conbin
		FROM (SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME AS tidb_name,
				IF(tc.CONSTRAINT_TYPE = 'PRIMARY KEY', CONCAT(tc.TABLE_NAME, '_pkey'), tc.CONSTRAINT_NAME) AS conname,
				CASE tc.CONSTRAINT_TYPE WHEN 'PRIMARY KEY' THEN 'p' WHEN 'UNIQUE' THEN 'u' ELSE 'f' END AS contype,
				r.UNIQUE_CONSTRAINT_NAME, r.UPDATE_RULE, r.DELETE_RULE,
				(SELECT MIN(u.REFERENCED_TABLE_SCHEMA) FROM information_schema.KEY_COLUMN_USAGE u
					WHERE pgtidb_in_database(u.TABLE_SCHEMA) AND u.TABLE_SCHEMA = tc.TABLE_SCHEMA AND u.TABLE_NAME = tc.TABLE_NAME AND u.CONSTRAINT_NAME = tc.CONSTRAINT_NAME) AS REFERENCED_TABLE_SCHEMA,
				r.REFERENCED_TABLE_NAME, NULL AS check_plain, NULL AS check_pretty
			FROM information_schema.TABLE_CONSTRAINTS tc
			LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON pgtidb_in_database(r.CONSTRAINT_SCHEMA) AND tc.CONSTRAINT_TYPE = 'FOREIGN KEY'
				AND r.CONSTRAINT_SCHEMA = tc.TABLE_SCHEMA AND r.TABLE_NAME = tc.TABLE_NAME AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			WHERE pgtidb_in_database(tc.TABLE_SCHEMA) AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
			  AND (tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME) NOT IN ` + uniqueIndexes + `
			UNION ALL
			SELECT ck.CONSTRAINT_SCHEMA, ck.TABLE_NAME, ck.CONSTRAINT_NAME, ck.CONSTRAINT_NAME, 'c', NULL, NULL, NULL, NULL, NULL,
				ck.check_plain, ck.check_pretty
			FROM (` + checkTexts + `) ck) k` + fkDeferralJoin("k.contype = 'f'"),

	// Sequences, with their data type and PostgreSQL's CACHE (seqtype.go; TiDB's are all
	// NOCACHE). TiDB's largest maximum, 9223372036854775806, is
	// PostgreSQL's bigint maximum (as information_schema.sequences and pg_sequences show it).
	"pg_sequence": `SELECT pgtidb_oid('rel', s.SEQUENCE_SCHEMA, s.SEQUENCE_NAME) AS seqrelid,
			` + sequenceType + ` AS seqtypid,
			` + sequenceStart + ` AS seqstart, s.INCREMENT AS seqincrement,
			IF(s.MAX_VALUE = 9223372036854775806, 9223372036854775807, s.MAX_VALUE) AS seqmax, s.MIN_VALUE AS seqmin,
			` + sequenceCache + ` AS seqcache, s.CYCLE AS seqcycle
		FROM information_schema.SEQUENCES s ` + sequenceTypes + sequenceCaches + ` WHERE pgtidb_in_database(s.SEQUENCE_SCHEMA)`,

	// Only what pg_dump needs: a sequence owned by a column (SERIAL: 'a', identity: 'i'), a
	// column default that draws from a sequence, read off TiDB's default NEXTVAL(`db`.`s`) ('n':
	// pg_dump then writes the default after the sequence; identity columns have none), and a view's _RETURN rule (pg_rewrite), which belongs to the view
	// ('i', and 'n' as PostgreSQL 15 records it too) and reads the tables and views its query
	// names ('n': pg_dump creates those first). TiDB keeps no view dependencies: a relation is
	// read by a view when TiDB's text of the view (VIEW_DEFINITION, every name qualified as
	// `db`.`name` by pgtidb's translation) contains its qualified name. PostgreSQL records one
	// row per column read (refobjsubid); these rows name the whole relation (0).
	"pg_depend": `SELECT 1259 AS classid, pgtidb_oid('rel', p.tidb_db, p.owned_sequence) AS objid, 0 AS objsubid,
			1259 AS refclassid, pgtidb_oid('rel', p.tidb_db, p.table_name) AS refobjid, c.ORDINAL_POSITION AS refobjsubid,
			IF(p.attidentity = '', 'a', 'i') AS deptype
		FROM pgtidb_catalog.columns p
		JOIN information_schema.COLUMNS c ON pgtidb_in_database(c.TABLE_SCHEMA) AND c.TABLE_SCHEMA = p.tidb_db AND c.TABLE_NAME = p.table_name AND c.COLUMN_NAME = p.column_name
		WHERE pgtidb_in_database(p.tidb_db) AND p.owned_sequence <> ''
		UNION ALL
		SELECT 2604, pgtidb_oid('def', c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME), 0,
			1259, pgtidb_oid('rel', SUBSTRING_INDEX(SUBSTRING_INDEX(c.COLUMN_DEFAULT, '` + "`" + `', 2), '` + "`" + `', -1),
				SUBSTRING_INDEX(SUBSTRING_INDEX(c.COLUMN_DEFAULT, '` + "`" + `', 4), '` + "`" + `', -1)), 0, 'n'
		FROM information_schema.COLUMNS c
		LEFT JOIN pgtidb_catalog.columns p ON p.tidb_db = c.TABLE_SCHEMA AND p.table_name = c.TABLE_NAME AND p.column_name = c.COLUMN_NAME
		WHERE pgtidb_in_database(c.TABLE_SCHEMA) AND c.COLUMN_DEFAULT LIKE 'nextval(%' AND COALESCE(p.attidentity, '') = ''
		UNION ALL
		SELECT 2618, pgtidb_oid('rule', v.TABLE_SCHEMA, v.TABLE_NAME), 0,
			1259, pgtidb_oid('rel', v.TABLE_SCHEMA, v.TABLE_NAME), 0, d.deptype
		FROM information_schema.VIEWS v JOIN (SELECT 'i' AS deptype UNION ALL SELECT 'n') d
		WHERE pgtidb_in_database(v.TABLE_SCHEMA)
		UNION ALL
		SELECT 2618, pgtidb_oid('rule', v.TABLE_SCHEMA, v.TABLE_NAME), 0,
			1259, pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME), 0, 'n'
		FROM information_schema.VIEWS v
		JOIN information_schema.TABLES t ON pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')
			AND NOT (t.TABLE_SCHEMA = v.TABLE_SCHEMA AND t.TABLE_NAME = v.TABLE_NAME)
			AND LOCATE(` + viewReadsName + `, v.VIEW_DEFINITION) > 0
		WHERE pgtidb_in_database(v.TABLE_SCHEMA)`,

	"pg_tables": `SELECT pgtidb_schema(t.TABLE_SCHEMA) AS schemaname, t.TABLE_NAME AS tablename, CURRENT_USER() AS tableowner,
			NULL AS tablespace,
			EXISTS (SELECT 1 FROM information_schema.STATISTICS s
				WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME
				  AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
					WHERE pgtidb_in_database(f.CONSTRAINT_SCHEMA) AND f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA
					  AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)) AS hasindexes,
			0 AS hasrules,
			EXISTS (SELECT 1 FROM information_schema.KEY_COLUMN_USAGE f
				WHERE pgtidb_in_database(f.TABLE_SCHEMA) AND f.REFERENCED_TABLE_NAME IS NOT NULL
				  AND ((f.TABLE_SCHEMA = t.TABLE_SCHEMA AND f.TABLE_NAME = t.TABLE_NAME)
				   OR (f.REFERENCED_TABLE_SCHEMA = t.TABLE_SCHEMA AND f.REFERENCED_TABLE_NAME = t.TABLE_NAME))) AS hastriggers,
			0 AS rowsecurity
		FROM information_schema.TABLES t WHERE pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_TYPE = 'BASE TABLE'`,

	"pg_collation": `SELECT oid, collname, collnamespace, collowner, collprovider, collisdeterministic, collencoding,
			NULLIF(collcollate, '') AS collcollate, NULLIF(collctype, '') AS collctype, NULL AS colliculocale, NULL AS collversion
		FROM (` + pgCollationRows + `) co`,

	"pg_tablespace": `SELECT oid, spcname, spcowner, NULL AS spcacl, NULL AS spcoptions FROM (` + pgTablespaceRows + `) sp`,

	"pg_type": `SELECT oid, typname, typnamespace, typowner, typlen, typbyval, typtype, typcategory, typispreferred,
			typisdefined, typdelim, typrelid, typsubscript, typelem, typarray, typinput, typoutput, typreceive,
			typsend, typmodin, typmodout, typanalyze, typalign, typstorage, typnotnull, typbasetype, typtypmod,
			typndims, typcollation, NULL AS typdefaultbin, NULL AS typdefault, NULL AS typacl
		FROM (` + pgTypeRows + `) ty`,
}

// emptyRelations are pg_catalog relations whose true content on pgtidb is no row: pgtidb has
// no such objects (policies, triggers, rules of tables, inheritance, publications, extended
// statistics, event triggers, foreign data, role memberships…).
var emptyRelations = []string{
	"pg_auth_members", "pg_policy", "pg_policies", "pg_trigger", "pg_inherits", "pg_publication",
	"pg_publication_rel", "pg_publication_namespace", "pg_publication_tables", "pg_subscription",
	"pg_subscription_rel", "pg_statistic_ext", "pg_statistic_ext_data", "pg_event_trigger",
	"pg_foreign_data_wrapper", "pg_foreign_server", "pg_foreign_table", "pg_user_mapping",
	"pg_user_mappings", "pg_partitioned_table", "pg_transform", "pg_default_acl",
	"pg_seclabel", "pg_shseclabel", "pg_seclabels", "pg_largeobject", "pg_largeobject_metadata",
	"pg_db_role_setting", "pg_replication_origin", "pg_matviews", "pg_prepared_xacts",
	// pgtidb has no extensions (not even plpgsql: it runs no procedural language), no enum
	// types, and no comments on shared objects (COMMENT ON DATABASE, ROLE is refused).
	"pg_extension", "pg_enum", "pg_shdescription",
}

func init() {
	for _, name := range emptyRelations {
		cols := pgCatalogColumns[name]
		if cols == nil {
			panic("catalog: no columns for " + name)
		}
		pgCatalogEmulations[name] = emptySelect(cols)
	}
}

// CatalogRelation returns relation name of schema pg_catalog as a Table (Schema pg_catalog,
// columns as PostgreSQL 15 declares them), or nil when PostgreSQL has no such relation.
func CatalogRelation(name string) *Table {
	cols, ok := pgCatalogColumns[name]
	if !ok {
		return nil
	}
	return &Table{Schema: "pg_catalog", Name: name, Columns: cols}
}

// EmulationEnv is what an emulation depends on: the session's PostgreSQL database and user,
// and (pg_settings, pg_stat_activity: DependsOnSession) its parameters and the instance's
// sessions.
type EmulationEnv struct {
	Database string
	User     string
	// Setting returns a session parameter as SHOW shows it; nil means every default.
	Setting func(name string) (value string, ok bool)
	// Sessions returns the client sessions of this pgtidb instance, the caller's own
	// included, sorted by pid (pg_stat_activity); nil outside a server: no session.
	Sessions func() []SessionActivity
}

// DependsOnUser reports whether the emulation of name reads the session user (a translation
// using it must not be shared between users).
func DependsOnUser(name string) bool {
	return strings.Contains(pgCatalogEmulations[name], "CURRENT_USER()")
}

// Emulation returns a fresh TiDB AST of the SELECT that answers pg_catalog.name for env, its
// output columns those of CatalogRelation(name). A relation PostgreSQL has but pgtidb does not
// emulate is refused with 0A000 naming it.
func Emulation(name string, env EmulationEnv) (ast.ResultSetNode, error) {
	text, ok := pgCatalogEmulations[name]
	if !ok {
		text, ok = internalEmulations[name]
	}
	if !ok {
		return nil, pgerror.Unsupported("pg_catalog." + name)
	}
	return instantiate(text, env)
}

// instantiate parses an emulation text — each call gets its own AST, so that the translation
// that receives it may change it — and expands its macros for env.
func instantiate(text string, env EmulationEnv) (ast.ResultSetNode, error) {
	stmt, err := parser.New().ParseOneStmt(text, "", "")
	if err != nil {
		// The texts are constants that TestEmulationsMatchColumns parses: this is a bug.
		return nil, pgerror.Newf(pgerrcode.InternalError, "pgtidb catalog emulation does not parse: %v", err)
	}
	e := &macroExpander{env: env}
	out, _ := stmt.Accept(e)
	if e.err != nil {
		return nil, e.err
	}
	// infoschema.go's type macros, usable by every emulation.
	out, _ = out.Accept(typeMacroExpander{})
	rs, ok := out.(ast.ResultSetNode)
	if !ok {
		return nil, pgerror.New(pgerrcode.InternalError, "pgtidb catalog emulation is not a query")
	}
	return rs, nil
}

// EmulatedRelations lists the emulated pg_catalog relations, sorted.
func EmulatedRelations() []string {
	var out []string
	for name := range pgCatalogEmulations {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// macroExpander replaces the macros of an emulation text (see the comment at the top).
type macroExpander struct {
	env EmulationEnv
	err error
}

func (m *macroExpander) Enter(n ast.Node) (ast.Node, bool) { return n, false }

func (m *macroExpander) Leave(n ast.Node) (ast.Node, bool) {
	if ts, ok := n.(*ast.TableSource); ok {
		sessionsTable(ts, m.env) // pgcatalog_activity.go
		return n, true
	}
	f, ok := n.(*ast.FuncCallExpr)
	if !ok {
		return n, true
	}
	str := func(s string) ast.ExprNode { return ast.NewValueExpr(s, "", "") }
	num := func(v int64) ast.ExprNode { return ast.NewValueExpr(v, "", "") }
	db := m.env.Database
	switch f.FnName.L {
	case "pgtidb_session_viewdef":
		return viewdefExpr(f.Args[0], m.env), true // viewdef.go
	case "pgtidb_session_in_path":
		return inSearchPathExpr(f.Args[0], m.env), true // viewdef.go
	case "database":
		return str(db), true
	case "current_user":
		return str(m.env.User), true
	case "pgtidb_in_database":
		// The LIKE on the database name's prefix is what TiDB pushes into its information_schema
		// scans (table_schema_pattern): without it every database's rows are read.
		arg := f.Args[0]
		prefix := int64(len([]rune(db)) + len(SchemaSeparator))
		exact := &ast.BinaryOperationExpr{Op: opcode.LogicOr,
			L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: arg, R: str(db)},
			R: &ast.ParenthesesExpr{Expr: &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
				L: &ast.BinaryOperationExpr{Op: opcode.GT, L: call("CHAR_LENGTH", arg), R: num(prefix)},
				R: &ast.BinaryOperationExpr{Op: opcode.EQ, L: call("LEFT", arg, num(prefix)), R: str(db + SchemaSeparator)},
			}},
		}
		like := &ast.PatternLikeOrIlikeExpr{Expr: arg, Pattern: str(likePrefix(db)), Escape: '\\', IsLike: true}
		return &ast.ParenthesesExpr{Expr: &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
			L: like, R: &ast.ParenthesesExpr{Expr: exact}}}, true
	case "pgtidb_schema":
		arg := f.Args[0]
		return call("IF", &ast.BinaryOperationExpr{Op: opcode.EQ, L: arg, R: str(db)}, str(PublicSchema),
			call("SUBSTRING", arg, num(int64(len([]rune(db))+len(SchemaSeparator)+1)))), true
	case "pgtidb_nsp_oid":
		return NamespaceOIDExpr(db, f.Args[0]), true
	case "pgtidb_oid":
		kind, ok := f.Args[0].(ast.ValueExpr)
		if !ok || len(f.Args) < 3 {
			m.err = pgerror.New(pgerrcode.InternalError, "pgtidb catalog emulation: pgtidb_oid needs a constant kind, a database and a name")
			return n, false
		}
		dbArg := f.Args[1]
		if v, ok := dbArg.(ast.ValueExpr); ok && v.GetString() == "" {
			dbArg = nil
		}
		return DerivedOIDExpr(OIDKind(kind.GetString()), dbArg, f.Args[2:]...), true
	case "pgtidb_fk_action":
		// information_schema's rule names → confupdtype/confdeltype; ' ' for other constraints.
		return &ast.CaseExpr{Value: f.Args[0], ElseClause: str(" "), WhenClauses: []*ast.WhenClause{
			{Expr: str("NO ACTION"), Result: str("a")}, {Expr: str("RESTRICT"), Result: str("r")},
			{Expr: str("CASCADE"), Result: str("c")}, {Expr: str("SET NULL"), Result: str("n")},
			{Expr: str("SET DEFAULT"), Result: str("d")}}}, true
	case "pgtidb_mysql_type":
		return mysqlTypeExpr(f.Args[0], f.Args[1]), true
	case "pgtidb_quote_ident":
		return quoteIdentExpr(f.Args[0]), true
	case "pgtidb_opclass":
		return oidCase(f.Args[0], btreeOpclass), true
	case "pgtidb_collation":
		return oidCase(f.Args[0], typeCollation), true
	}
	if e, ok := sessionMacro(f, m.env); ok { // pgcatalog_settings.go
		return e, true
	}
	return n, true
}

// likePrefix is the LIKE pattern of the strings that start with s.
func likePrefix(s string) string {
	return strings.NewReplacer("\\", "\\\\", "%", "\\%", "_", "\\_").Replace(s) + "%"
}

// oidCase is CASE x WHEN k THEN v … ELSE 0 END over a map, in key order.
func oidCase(x ast.ExprNode, m map[uint32]uint32) ast.ExprNode {
	keys := make([]uint32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	c := &ast.CaseExpr{Value: x, ElseClause: ast.NewValueExpr(int64(0), "", "")}
	for _, k := range keys {
		c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{
			Expr: ast.NewValueExpr(int64(k), "", ""), Result: ast.NewValueExpr(int64(m[k]), "", "")})
	}
	return c
}

// quoteIdentExpr is PostgreSQL's quote_ident as a TiDB expression: a name of lower-case
// letters, digits and underscores (not starting with a digit) that is not a reserved or
// type/function-name keyword stays bare; others are double-quoted with quotes doubled.
func quoteIdentExpr(x ast.ExprNode) ast.ExprNode {
	str := func(s string) ast.ExprNode { return ast.NewValueExpr(s, "", "") }
	var keywords []ast.ExprNode
	for _, k := range quotedKeywords {
		keywords = append(keywords, str(k))
	}
	bare := &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
		L: call("REGEXP_LIKE", x, str("^[a-z_][a-z0-9_]*$"), str("c")),
		R: &ast.PatternInExpr{Expr: x, List: keywords, Not: true}}
	return call("IF", bare, x, call("CONCAT", str(`"`), call("REPLACE", x, str(`"`), str(`""`)), str(`"`)))
}

// mysqlTypes are the DATA_TYPE values of information_schema.COLUMNS mysqlTypeExpr knows.
var mysqlTypes = []string{"tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double",
	"date", "datetime", "timestamp", "time", "year", "char", "varchar", "text", "tinytext", "mediumtext",
	"longtext", "binary", "varbinary", "blob", "tinyblob", "mediumblob", "longblob", "json", "enum", "set", "bit"}

// mysqlTypeExpr is typemap.FromMySQL(dt, ct).OID as a TiDB expression over a column's DATA_TYPE
// and COLUMN_TYPE: tinyint(1) is bool, unsigned integers widen, other types by DATA_TYPE.
func mysqlTypeExpr(dt, ct ast.ExprNode) ast.ExprNode {
	byType := func(unsigned bool) ast.ExprNode {
		c := &ast.CaseExpr{Value: call("LOWER", dt), ElseClause: ast.NewValueExpr(int64(typemap.Text), "", "")}
		for _, name := range mysqlTypes {
			colType := name
			if unsigned {
				colType += " unsigned"
			}
			c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{Expr: ast.NewValueExpr(name, "", ""),
				Result: ast.NewValueExpr(int64(typemap.FromMySQL(name, colType).OID), "", "")})
		}
		return c
	}
	lowerCT := call("LOWER", ct)
	return &ast.CaseExpr{ElseClause: byType(false), WhenClauses: []*ast.WhenClause{
		{Expr: &ast.BinaryOperationExpr{Op: opcode.EQ, L: lowerCT, R: ast.NewValueExpr("tinyint(1)", "", "")},
			Result: ast.NewValueExpr(int64(typemap.Bool), "", "")},
		{Expr: &ast.BinaryOperationExpr{Op: opcode.GT, L: call("LOCATE", ast.NewValueExpr("unsigned", "", ""), lowerCT),
			R: ast.NewValueExpr(int64(0), "", "")}, Result: byType(true)},
	}}
}

func call(name string, args ...ast.ExprNode) ast.ExprNode {
	return &ast.FuncCallExpr{FnName: model.NewCIStr(name), Args: args}
}

// CatalogRelationNames lists the tables and views of PostgreSQL 15's pg_catalog, sorted.
func CatalogRelationNames() []string {
	out := make([]string, 0, len(pgCatalogColumns))
	for name := range pgCatalogColumns {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
