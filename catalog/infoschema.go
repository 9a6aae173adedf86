package catalog

import (
	"sort"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// information_schema emulation.
//
// A relation of schema information_schema is answered like one of pg_catalog (pgcatalog.go):
// the translator replaces the FROM item by `(<emulation>) AS name`. The emulations below are
// PostgreSQL 15's information_schema — not TiDB's MySQL-shaped one — over TiDB's
// information_schema and the shadow catalog, restricted to the session's database; their
// columns are infoSchemaColumns (generated), of the base types of PostgreSQL's domains
// (sql_identifier is name, cardinal_number integer, character_data character varying,
// yes_or_no character varying(3), time_stamp timestamp(2) with time zone), which is what
// PostgreSQL's RowDescription carries.
//
// The texts use pgcatalog.go's macros and these, expanded on the AST too:
//
//	pgtidb_typname(ty)            pg_type.typname of type OID ty (udt_name)
//	pgtidb_type_sqlname(ty)       format_type's name of ty without modifier (data_type)
//	pgtidb_is_numeric(ty)         ty is one of int2, int4, int8, float4, float8, numeric
//
// What the shadow catalog does not keep is derived from TiDB's form and documented in
// KNOWN_GAPS.md (information-schema-*): column_default (TiDB keeps the default's value, not
// PostgreSQL's expression: literals are printed as PostgreSQL prints a literal of the column's
// type, CURRENT_TIMESTAMP stands for now() too), check_clause and generation_expression
// (TiDB's restored text, without backquotes, in PostgreSQL's outer parentheses),
// view_definition (TiDB's text). Views are not updatable on TiDB, so is_updatable and
// is_insertable_into of a view are NO. PostgreSQL's own catalog relations (of pg_catalog and
// information_schema) are not listed in tables and columns; schemata lists their schemas. Not-null constraints appear in table_constraints and
// check_constraints as in PostgreSQL 15, named <namespace oid>_<relation oid>_<attnum>_not_null
// with pgtidb's OIDs.

// infoSchemaTypes is the join that gives each column of the database its PostgreSQL type
// (ty), modifier (typmod), identity and owned sequence.
const infoSchemaTypes = `FROM information_schema.COLUMNS c
		JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
		LEFT JOIN pgtidb_catalog.columns p
			ON p.tidb_db = c.TABLE_SCHEMA AND p.table_name = c.TABLE_NAME AND p.column_name = c.COLUMN_NAME
		WHERE pgtidb_in_database(c.TABLE_SCHEMA) AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')`

// columnsWithTypes are the columns of the database's tables and views (a's columns in
// columnDefault) with their PostgreSQL type (ty), modifier (typmod), identity, owned sequence
// and the PostgreSQL text of their default pgtidb stored (pg_default, pg_default_pretty),
// NULL when TiDB's default is no longer the one it was stored for (catalog.Expr).
const columnsWithTypes = `SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION, c.IS_NULLABLE,
				c.COLUMN_DEFAULT AS d, c.GENERATION_EXPRESSION, c.EXTRA, t.TABLE_TYPE,
				COALESCE(p.pg_type, pgtidb_mysql_type(c.DATA_TYPE, c.COLUMN_TYPE)) AS ty, COALESCE(p.typmod, -1) AS typmod,
				COALESCE(p.attidentity, '') AS attidentity, COALESCE(p.owned_sequence, '') AS owned_sequence,
				IF(p.tidb_default <=> c.COLUMN_DEFAULT, p.pg_default, NULL) AS pg_default,
				IF(p.tidb_default <=> c.COLUMN_DEFAULT, p.pg_default_pretty, NULL) AS pg_default_pretty
			` + infoSchemaTypes

// columnDefault is the text of column a's default (a row of columnsWithTypes) as pg_get_expr
// prints it: the text pgtidb stored (column stored: pg_default, or pg_default_pretty for
// pretty output), else one derived from TiDB's default value (KNOWN_GAPS.md,
// information-schema-default-text): literals as PostgreSQL prints a literal of the column's
// type, nextval of the owned sequence (qualified unless its schema is on the session's search
// path, as regclass prints it), CURRENT_TIMESTAMP for now() too.
func columnDefault(stored string) string {
	return strings.ReplaceAll(`			CASE WHEN a.d IS NULL OR a.attidentity <> '' OR a.TABLE_TYPE = 'VIEW' THEN NULL
				WHEN a.STORED IS NOT NULL THEN a.STORED
				WHEN a.d LIKE 'nextval(%' THEN CONCAT('nextval(''',
					IF(pgtidb_session_in_path(pgtidb_schema(SUBSTRING_INDEX(SUBSTRING_INDEX(a.d, '`+"`"+`', 2), '`+"`"+`', -1))), '',
						CONCAT(pgtidb_quote_ident(pgtidb_schema(SUBSTRING_INDEX(SUBSTRING_INDEX(a.d, '`+"`"+`', 2), '`+"`"+`', -1))), '.')),
					pgtidb_quote_ident(SUBSTRING_INDEX(SUBSTRING_INDEX(a.d, '`+"`"+`', 4), '`+"`"+`', -1)), '''::regclass)')
				WHEN a.ty = 16 THEN IF(a.d = '0', 'false', 'true')
				WHEN pgtidb_is_numeric(a.ty) THEN CASE
					WHEN a.d REGEXP '^[0-9]+$' THEN CASE WHEN CAST(a.d AS DECIMAL(65, 0)) <= 2147483647 THEN a.d
						WHEN CAST(a.d AS DECIMAL(65, 0)) <= 9223372036854775807 THEN CONCAT('''', a.d, '''::bigint')
						ELSE CONCAT('''', a.d, '''::numeric') END
					WHEN a.d REGEXP '^-[0-9]+$' THEN CASE WHEN CAST(a.d AS DECIMAL(65, 0)) >= -2147483648 THEN CONCAT('''', a.d, '''::integer')
						WHEN CAST(a.d AS DECIMAL(65, 0)) >= -9223372036854775808 THEN CONCAT('''', a.d, '''::bigint')
						ELSE CONCAT('''', a.d, '''::numeric') END
					WHEN a.d REGEXP '^[0-9]+[.][0-9]*$' THEN a.d
					WHEN a.d REGEXP '^-[0-9]+[.][0-9]*$' THEN CONCAT('''', a.d, '''::numeric')
					ELSE a.d END
				WHEN a.d LIKE 'CURRENT_TIMESTAMP%' THEN 'CURRENT_TIMESTAMP'
				WHEN UPPER(a.d) = 'CURRENT_DATE' THEN 'CURRENT_DATE'
				WHEN a.ty IN (1083, 1114, 1184) AND a.d REGEXP '^[0-9]' THEN
					CONCAT('''', IF(a.d REGEXP '[.][0-9]*$', TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM a.d)), a.d),
						IF(a.ty = 1184, '+00', ''), '''::', pgtidb_type_sqlname(a.ty))
				WHEN a.ty = 17 THEN CONCAT('''\\x', LOWER(HEX(a.d)), '''::bytea')
				ELSE CONCAT('''', REPLACE(a.d, '''', ''''''), '''::', IF(a.ty = 1042, 'bpchar', pgtidb_type_sqlname(a.ty))) END`, "STORED", stored)
}

// infoSchemaConstraints are the constraints of the database's tables as TiDB lists them, with
// PostgreSQL's names (TiDB's PRIMARY is <table>_pkey) and types; the checks pgtidb adds
// itself for json columns (<table>_<column>_json_check, json_valid) are not PostgreSQL's.
const infoSchemaConstraints = `SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME AS tidb_name,
			IF(tc.CONSTRAINT_TYPE = 'PRIMARY KEY', CONCAT(tc.TABLE_NAME, '_pkey'), tc.CONSTRAINT_NAME) AS conname,
			tc.CONSTRAINT_TYPE, NULL AS CHECK_CLAUSE, NULL AS check_plain
		FROM information_schema.TABLE_CONSTRAINTS tc
		WHERE pgtidb_in_database(tc.TABLE_SCHEMA) AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
		  AND (tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME) NOT IN ` + uniqueIndexes + `
		UNION ALL
		SELECT ck.CONSTRAINT_SCHEMA, ck.TABLE_NAME, ck.CONSTRAINT_NAME, ck.CONSTRAINT_NAME, 'CHECK', ck.CHECK_CLAUSE, ck.check_plain
		FROM (` + checkTexts + `) ck`

// checkTexts are the CHECK constraints of the database with PostgreSQL's text of their
// expression (without the CHECK ( ) around it): the text pgtidb stored when it created the
// constraint (check_plain, check_pretty) while TiDB still holds the clause it was stored
// for, else TiDB's clause without backquotes (KNOWN_GAPS.md, information-schema-check-clause).
// The checks pgtidb adds itself for json columns (<table>_<column>_json_check, json_valid)
// are not PostgreSQL's.
const checkTexts = `SELECT c.CONSTRAINT_SCHEMA, c.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE,
			COALESCE(x.plain, REPLACE(c.CHECK_CLAUSE, '` + "`" + `', '')) AS check_plain,
			COALESCE(x.pretty, REPLACE(c.CHECK_CLAUSE, '` + "`" + `', '')) AS check_pretty
		FROM information_schema.TIDB_CHECK_CONSTRAINTS c
		LEFT JOIN pgtidb_catalog.texts x ON x.tidb_db = c.CONSTRAINT_SCHEMA AND x.table_name = c.TABLE_NAME
			AND x.kind = 'check' AND x.name = c.CONSTRAINT_NAME AND x.tidb_text = c.CHECK_CLAUSE
		WHERE pgtidb_in_database(c.CONSTRAINT_SCHEMA)
		  AND NOT (c.CONSTRAINT_NAME LIKE '%json_check' AND c.CHECK_CLAUSE LIKE '(json_valid(%))')`

// infoSchemaNotNull are the NOT NULL columns of the database's tables, which PostgreSQL 15
// shows as CHECK constraints.
const infoSchemaNotNull = `SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME,
			CONCAT(pgtidb_nsp_oid(c.TABLE_SCHEMA), '_', pgtidb_oid('rel', c.TABLE_SCHEMA, c.TABLE_NAME), '_', c.ORDINAL_POSITION, '_not_null') AS conname
		FROM information_schema.COLUMNS c
		JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
		WHERE pgtidb_in_database(c.TABLE_SCHEMA) AND c.IS_NULLABLE = 'NO'`

// infoSchemaForeignKeys gives each foreign key of the database the TiDB name of the key it
// references (key_name): the primary key or unique constraint of the referenced table whose
// columns are the referenced columns, the primary key first. TiDB's own
// REFERENTIAL_CONSTRAINTS.UNIQUE_CONSTRAINT_NAME is PRIMARY even for a unique constraint.
const infoSchemaForeignKeys = `SELECT m.TABLE_SCHEMA, m.TABLE_NAME, m.CONSTRAINT_NAME, m.REFERENCED_TABLE_SCHEMA, m.REFERENCED_TABLE_NAME,
			IF(MIN(IF(m.kname = 'PRIMARY', '', m.kname)) = '', 'PRIMARY', MIN(m.kname)) AS key_name
		FROM (SELECT f.TABLE_SCHEMA, f.TABLE_NAME, f.CONSTRAINT_NAME, f.REFERENCED_TABLE_SCHEMA, f.REFERENCED_TABLE_NAME,
				k.CONSTRAINT_NAME AS kname
			FROM information_schema.KEY_COLUMN_USAGE f
			JOIN information_schema.KEY_COLUMN_USAGE k ON k.TABLE_SCHEMA = f.REFERENCED_TABLE_SCHEMA
				AND k.TABLE_NAME = f.REFERENCED_TABLE_NAME AND k.COLUMN_NAME = f.REFERENCED_COLUMN_NAME AND k.REFERENCED_TABLE_NAME IS NULL
			JOIN (SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COUNT(*) AS n FROM information_schema.KEY_COLUMN_USAGE
				WHERE pgtidb_in_database(TABLE_SCHEMA) GROUP BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME) fn
				ON fn.TABLE_SCHEMA = f.TABLE_SCHEMA AND fn.TABLE_NAME = f.TABLE_NAME AND fn.CONSTRAINT_NAME = f.CONSTRAINT_NAME
			JOIN (SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COUNT(*) AS n FROM information_schema.KEY_COLUMN_USAGE
				WHERE pgtidb_in_database(TABLE_SCHEMA) AND REFERENCED_TABLE_NAME IS NULL GROUP BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME) kn
				ON kn.TABLE_SCHEMA = k.TABLE_SCHEMA AND kn.TABLE_NAME = k.TABLE_NAME AND kn.CONSTRAINT_NAME = k.CONSTRAINT_NAME
			WHERE pgtidb_in_database(f.TABLE_SCHEMA) AND f.REFERENCED_TABLE_NAME IS NOT NULL
			GROUP BY f.TABLE_SCHEMA, f.TABLE_NAME, f.CONSTRAINT_NAME, f.REFERENCED_TABLE_SCHEMA, f.REFERENCED_TABLE_NAME, k.CONSTRAINT_NAME, fn.n, kn.n
			HAVING COUNT(*) = fn.n AND COUNT(*) = kn.n) m
		GROUP BY m.TABLE_SCHEMA, m.TABLE_NAME, m.CONSTRAINT_NAME, m.REFERENCED_TABLE_SCHEMA, m.REFERENCED_TABLE_NAME`

// infoSchemaEmulations are the emulated relations of information_schema.
var infoSchemaEmulations = map[string]string{
	"schemata": `SELECT DATABASE() AS catalog_name, s.nspname AS schema_name, s.owner AS schema_owner,
			NULL AS default_character_set_catalog, NULL AS default_character_set_schema,
			NULL AS default_character_set_name, NULL AS sql_path
		FROM (SELECT 'information_schema' AS nspname, CURRENT_USER() AS owner
			UNION ALL SELECT 'pg_catalog', CURRENT_USER()
			UNION ALL SELECT 'pg_toast', CURRENT_USER()
			UNION ALL SELECT pgtidb_schema(SCHEMA_NAME), IF(SCHEMA_NAME = DATABASE(), 'pg_database_owner', CURRENT_USER())
			FROM information_schema.SCHEMATA WHERE pgtidb_in_database(SCHEMA_NAME)) s`,

	"tables": `SELECT DATABASE() AS table_catalog, pgtidb_schema(t.TABLE_SCHEMA) AS table_schema, t.TABLE_NAME AS table_name,
			t.TABLE_TYPE AS table_type, NULL AS self_referencing_column_name, NULL AS reference_generation,
			NULL AS user_defined_type_catalog, NULL AS user_defined_type_schema, NULL AS user_defined_type_name,
			IF(t.TABLE_TYPE = 'VIEW', 'NO', 'YES') AS is_insertable_into, 'NO' AS is_typed, NULL AS commit_action
		FROM information_schema.TABLES t
		WHERE pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')`,

	"columns": `SELECT DATABASE() AS table_catalog, pgtidb_schema(a.TABLE_SCHEMA) AS table_schema, a.TABLE_NAME AS table_name,
			a.COLUMN_NAME AS column_name, a.ORDINAL_POSITION AS ordinal_position,
			` + columnDefault("pg_default") + ` AS column_default,
			IF(a.TABLE_TYPE = 'VIEW', 'YES', a.IS_NULLABLE) AS is_nullable,
			pgtidb_type_sqlname(a.ty) AS data_type,
			IF(a.ty IN (1042, 1043) AND a.typmod >= 4, a.typmod - 4, NULL) AS character_maximum_length,
			CASE WHEN a.ty IN (1042, 1043) AND a.typmod >= 4 THEN (a.typmod - 4) * 4
				WHEN a.ty IN (25, 1042, 1043) THEN 1073741824 END AS character_octet_length,
			CASE a.ty WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 700 THEN 24 WHEN 701 THEN 53
				WHEN 1700 THEN IF(a.typmod >= 4, ((a.typmod - 4) >> 16) & 65535, NULL) END AS numeric_precision,
			CASE WHEN a.ty IN (20, 21, 23, 700, 701) THEN 2 WHEN a.ty = 1700 THEN 10 END AS numeric_precision_radix,
			CASE WHEN a.ty IN (20, 21, 23) THEN 0
				WHEN a.ty = 1700 THEN IF(a.typmod >= 4, (a.typmod - 4) & 65535, NULL) END AS numeric_scale,
			CASE WHEN a.ty = 1082 THEN 0 WHEN a.ty IN (1083, 1114, 1184, 1186) THEN IF(a.typmod >= 0, a.typmod, 6) END AS datetime_precision,
			NULL AS interval_type, NULL AS interval_precision,
			NULL AS character_set_catalog, NULL AS character_set_schema, NULL AS character_set_name,
			NULL AS collation_catalog, NULL AS collation_schema, NULL AS collation_name,
			NULL AS domain_catalog, NULL AS domain_schema, NULL AS domain_name,
			DATABASE() AS udt_catalog, 'pg_catalog' AS udt_schema, pgtidb_typname(a.ty) AS udt_name,
			NULL AS scope_catalog, NULL AS scope_schema, NULL AS scope_name, NULL AS maximum_cardinality,
			CAST(a.ORDINAL_POSITION AS CHAR) AS dtd_identifier, 'NO' AS is_self_referencing,
			IF(a.attidentity <> '', 'YES', 'NO') AS is_identity,
			CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS identity_generation,
			IF(a.attidentity <> '', CAST(sq.START AS CHAR), NULL) AS identity_start,
			IF(a.attidentity <> '', CAST(sq.INCREMENT AS CHAR), NULL) AS identity_increment,
			IF(a.attidentity <> '', IF(sq.MAX_VALUE = 9223372036854775806, '9223372036854775807', CAST(sq.MAX_VALUE AS CHAR)), NULL) AS identity_maximum,
			IF(a.attidentity <> '', CAST(sq.MIN_VALUE AS CHAR), NULL) AS identity_minimum,
			IF(a.attidentity <> '' AND sq.CYCLE, 'YES', 'NO') AS identity_cycle,
			IF(a.GENERATION_EXPRESSION <> '', 'ALWAYS', 'NEVER') AS is_generated,
			IF(a.GENERATION_EXPRESSION <> '', CONCAT('(', REPLACE(a.GENERATION_EXPRESSION, '` + "`" + `', ''), ')'), NULL) AS generation_expression,
			IF(a.TABLE_TYPE = 'VIEW', 'NO', 'YES') AS is_updatable
		FROM (` + columnsWithTypes + `) a
		LEFT JOIN information_schema.SEQUENCES sq ON a.attidentity <> '' AND sq.SEQUENCE_SCHEMA = a.TABLE_SCHEMA AND sq.SEQUENCE_NAME = a.owned_sequence`,

	"column_udt_usage": `SELECT DATABASE() AS udt_catalog, 'pg_catalog' AS udt_schema,
			pgtidb_typname(COALESCE(p.pg_type, pgtidb_mysql_type(c.DATA_TYPE, c.COLUMN_TYPE))) AS udt_name,
			DATABASE() AS table_catalog, pgtidb_schema(c.TABLE_SCHEMA) AS table_schema, c.TABLE_NAME AS table_name,
			c.COLUMN_NAME AS column_name
		` + infoSchemaTypes,

	"views": `SELECT DATABASE() AS table_catalog, pgtidb_schema(v.TABLE_SCHEMA) AS table_schema, v.TABLE_NAME AS table_name,
			` + viewDefinition + ` AS view_definition, 'NONE' AS check_option, 'NO' AS is_updatable, 'NO' AS is_insertable_into,
			'NO' AS is_trigger_updatable, 'NO' AS is_trigger_deletable, 'NO' AS is_trigger_insertable_into
		FROM information_schema.VIEWS v ` + viewTexts + ` WHERE pgtidb_in_database(v.TABLE_SCHEMA)`,

	"table_constraints": `SELECT DATABASE() AS constraint_catalog, pgtidb_schema(k.TABLE_SCHEMA) AS constraint_schema,
			k.conname AS constraint_name, DATABASE() AS table_catalog, pgtidb_schema(k.TABLE_SCHEMA) AS table_schema,
			k.TABLE_NAME AS table_name, k.CONSTRAINT_TYPE AS constraint_type,
			IF(` + fkDeferral + ` <> '', 'YES', 'NO') AS is_deferrable,
			IF(` + fkDeferral + ` = '` + DeferrableInitiallyDeferred + `', 'YES', 'NO') AS initially_deferred,
			'YES' AS enforced, IF(k.CONSTRAINT_TYPE = 'UNIQUE', 'YES', NULL) AS nulls_distinct
		FROM (` + infoSchemaConstraints + `
			UNION ALL SELECT n.TABLE_SCHEMA, n.TABLE_NAME, n.conname, n.conname, 'CHECK', NULL, NULL FROM (` + infoSchemaNotNull + `) n) k` +
		fkDeferralJoin("k.CONSTRAINT_TYPE = 'FOREIGN KEY'"),

	"check_constraints": `SELECT DATABASE() AS constraint_catalog, pgtidb_schema(k.TABLE_SCHEMA) AS constraint_schema,
			k.conname AS constraint_name, CONCAT('(', k.check_plain, ')') AS check_clause
		FROM (` + infoSchemaConstraints + `) k WHERE k.CONSTRAINT_TYPE = 'CHECK'
		UNION ALL
		SELECT DATABASE(), pgtidb_schema(n.TABLE_SCHEMA), n.conname, CONCAT(n.COLUMN_NAME, ' IS NOT NULL')
		FROM (` + infoSchemaNotNull + `) n`,

	// position_in_unique_constraint is the referenced column's position in the referenced key
	// (TiDB's own column has other values).
	"key_column_usage": `SELECT DATABASE() AS constraint_catalog, pgtidb_schema(u.TABLE_SCHEMA) AS constraint_schema,
			IF(u.CONSTRAINT_NAME = 'PRIMARY', CONCAT(u.TABLE_NAME, '_pkey'), u.CONSTRAINT_NAME) AS constraint_name,
			DATABASE() AS table_catalog, pgtidb_schema(u.TABLE_SCHEMA) AS table_schema, u.TABLE_NAME AS table_name,
			u.COLUMN_NAME AS column_name, u.ORDINAL_POSITION AS ordinal_position,
			ru.ORDINAL_POSITION AS position_in_unique_constraint
		FROM information_schema.KEY_COLUMN_USAGE u
		LEFT JOIN (` + infoSchemaForeignKeys + `) r
			ON u.REFERENCED_TABLE_NAME IS NOT NULL AND r.TABLE_SCHEMA = u.TABLE_SCHEMA AND r.TABLE_NAME = u.TABLE_NAME
			AND r.CONSTRAINT_NAME = u.CONSTRAINT_NAME
		LEFT JOIN information_schema.KEY_COLUMN_USAGE ru
			ON r.key_name IS NOT NULL AND ru.TABLE_SCHEMA = r.REFERENCED_TABLE_SCHEMA AND ru.TABLE_NAME = r.REFERENCED_TABLE_NAME
			AND ru.CONSTRAINT_NAME = r.key_name AND ru.COLUMN_NAME = u.REFERENCED_COLUMN_NAME
		WHERE pgtidb_in_database(u.TABLE_SCHEMA) AND (u.TABLE_SCHEMA, u.TABLE_NAME, u.CONSTRAINT_NAME) NOT IN ` + uniqueIndexes,

	// The referenced key is infoSchemaForeignKeys'.
	"referential_constraints": `SELECT DATABASE() AS constraint_catalog, pgtidb_schema(r.CONSTRAINT_SCHEMA) AS constraint_schema,
			r.CONSTRAINT_NAME AS constraint_name, DATABASE() AS unique_constraint_catalog,
			pgtidb_schema(u.REFERENCED_TABLE_SCHEMA) AS unique_constraint_schema,
			IF(u.key_name = 'PRIMARY', CONCAT(u.REFERENCED_TABLE_NAME, '_pkey'), u.key_name) AS unique_constraint_name,
			'NONE' AS match_option, r.UPDATE_RULE AS update_rule, r.DELETE_RULE AS delete_rule
		FROM information_schema.REFERENTIAL_CONSTRAINTS r
		LEFT JOIN (` + infoSchemaForeignKeys + `) u
			ON u.TABLE_SCHEMA = r.CONSTRAINT_SCHEMA AND u.TABLE_NAME = r.TABLE_NAME AND u.CONSTRAINT_NAME = r.CONSTRAINT_NAME
		WHERE pgtidb_in_database(r.CONSTRAINT_SCHEMA)`,

	// Columns a constraint uses: a key's own columns, a foreign key's referenced columns, the
	// columns a check names (every column TiDB's check text quotes).
	"constraint_column_usage": `SELECT DATABASE() AS table_catalog, pgtidb_schema(x.TABLE_SCHEMA) AS table_schema, x.TABLE_NAME AS table_name,
			x.COLUMN_NAME AS column_name, DATABASE() AS constraint_catalog, pgtidb_schema(x.CONSTRAINT_SCHEMA) AS constraint_schema,
			x.conname AS constraint_name
		FROM (SELECT DISTINCT IF(u.REFERENCED_TABLE_NAME IS NULL, u.TABLE_SCHEMA, u.REFERENCED_TABLE_SCHEMA) AS TABLE_SCHEMA,
				IF(u.REFERENCED_TABLE_NAME IS NULL, u.TABLE_NAME, u.REFERENCED_TABLE_NAME) AS TABLE_NAME,
				IF(u.REFERENCED_TABLE_NAME IS NULL, u.COLUMN_NAME, u.REFERENCED_COLUMN_NAME) AS COLUMN_NAME,
				u.TABLE_SCHEMA AS CONSTRAINT_SCHEMA,
				IF(u.CONSTRAINT_NAME = 'PRIMARY', CONCAT(u.TABLE_NAME, '_pkey'), u.CONSTRAINT_NAME) AS conname
			FROM information_schema.KEY_COLUMN_USAGE u WHERE pgtidb_in_database(u.TABLE_SCHEMA) AND (u.TABLE_SCHEMA, u.TABLE_NAME, u.CONSTRAINT_NAME) NOT IN ` + uniqueIndexes + `
			UNION ALL
			SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, k.TABLE_SCHEMA, k.conname
			FROM (` + infoSchemaConstraints + `) k
			JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = k.TABLE_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME
				AND LOCATE(CONCAT('` + "`" + `', c.COLUMN_NAME, '` + "`" + `'), k.CHECK_CLAUSE) > 0
			WHERE k.CONSTRAINT_TYPE = 'CHECK') x`,

	// Tables a key uses: its own, or a foreign key's referenced table (checks are not listed).
	"constraint_table_usage": `SELECT DATABASE() AS table_catalog, pgtidb_schema(x.TABLE_SCHEMA) AS table_schema, x.TABLE_NAME AS table_name,
			DATABASE() AS constraint_catalog, pgtidb_schema(x.CONSTRAINT_SCHEMA) AS constraint_schema, x.conname AS constraint_name
		FROM (SELECT DISTINCT IF(u.REFERENCED_TABLE_NAME IS NULL, u.TABLE_SCHEMA, u.REFERENCED_TABLE_SCHEMA) AS TABLE_SCHEMA,
				IF(u.REFERENCED_TABLE_NAME IS NULL, u.TABLE_NAME, u.REFERENCED_TABLE_NAME) AS TABLE_NAME,
				u.TABLE_SCHEMA AS CONSTRAINT_SCHEMA,
				IF(u.CONSTRAINT_NAME = 'PRIMARY', CONCAT(u.TABLE_NAME, '_pkey'), u.CONSTRAINT_NAME) AS conname
			FROM information_schema.KEY_COLUMN_USAGE u WHERE pgtidb_in_database(u.TABLE_SCHEMA) AND (u.TABLE_SCHEMA, u.TABLE_NAME, u.CONSTRAINT_NAME) NOT IN ` + uniqueIndexes + `) x`,

	// Sequences, except those of identity columns (PostgreSQL hides them here), with their
	// data type (seqtype.go). TiDB's
	// largest maximum (2^63 − 2) is PostgreSQL's default bigint maximum (2^63 − 1).
	"sequences": `SELECT DATABASE() AS sequence_catalog, pgtidb_schema(s.SEQUENCE_SCHEMA) AS sequence_schema,
			s.SEQUENCE_NAME AS sequence_name,
			CASE ` + sequenceType + ` WHEN 21 THEN 'smallint' WHEN 23 THEN 'integer' ELSE 'bigint' END AS data_type,
			CASE ` + sequenceType + ` WHEN 21 THEN 16 WHEN 23 THEN 32 ELSE 64 END AS numeric_precision,
			2 AS numeric_precision_radix, 0 AS numeric_scale,
			CAST(` + sequenceStart + ` AS CHAR) AS start_value, CAST(s.MIN_VALUE AS CHAR) AS minimum_value,
			IF(s.MAX_VALUE = 9223372036854775806, '9223372036854775807', CAST(s.MAX_VALUE AS CHAR)) AS maximum_value,
			CAST(s.INCREMENT AS CHAR) AS increment, IF(s.CYCLE, 'YES', 'NO') AS cycle_option
		FROM information_schema.SEQUENCES s ` + sequenceTypes + `
		LEFT JOIN (SELECT DISTINCT tidb_db, owned_sequence FROM pgtidb_catalog.columns WHERE attidentity <> '') i
			ON i.tidb_db = s.SEQUENCE_SCHEMA AND i.owned_sequence = s.SEQUENCE_NAME
		WHERE pgtidb_in_database(s.SEQUENCE_SCHEMA) AND i.owned_sequence IS NULL`,
}

// Privileges: the session user owns every relation (pg_class.relowner) and is a superuser, so
// PostgreSQL lists the owner's default privileges, granted by and to the session user.
var infoSchemaPrivileges = map[string]string{
	"table_privileges": `SELECT CURRENT_USER() AS grantor, CURRENT_USER() AS grantee, DATABASE() AS table_catalog,
			pgtidb_schema(t.TABLE_SCHEMA) AS table_schema, t.TABLE_NAME AS table_name, p.privilege_type,
			'YES' AS is_grantable, IF(p.privilege_type = 'SELECT', 'YES', 'NO') AS with_hierarchy
		FROM information_schema.TABLES t
		JOIN (SELECT 'INSERT' AS privilege_type UNION ALL SELECT 'SELECT' UNION ALL SELECT 'UPDATE' UNION ALL SELECT 'DELETE'
			UNION ALL SELECT 'TRUNCATE' UNION ALL SELECT 'REFERENCES' UNION ALL SELECT 'TRIGGER') p
		WHERE pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')`,

	"column_privileges": `SELECT CURRENT_USER() AS grantor, CURRENT_USER() AS grantee, DATABASE() AS table_catalog,
			pgtidb_schema(c.TABLE_SCHEMA) AS table_schema, c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name,
			p.privilege_type, 'YES' AS is_grantable
		FROM information_schema.COLUMNS c
		JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
		JOIN (SELECT 'INSERT' AS privilege_type UNION ALL SELECT 'SELECT' UNION ALL SELECT 'UPDATE' UNION ALL SELECT 'REFERENCES') p
		WHERE pgtidb_in_database(c.TABLE_SCHEMA) AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')`,

	"information_schema_catalog_name": `SELECT DATABASE() AS catalog_name`,

	// The database encoding (UTF8) with its default collation, as PostgreSQL shows it.
	"character_sets": `SELECT NULL AS character_set_catalog, NULL AS character_set_schema, 'UTF8' AS character_set_name,
			'UCS' AS character_repertoire, 'UTF8' AS form_of_use, DATABASE() AS default_collate_catalog,
			'pg_catalog' AS default_collate_schema, 'ucs_basic' AS default_collate_name`,
}

func init() {
	for name, text := range infoSchemaPrivileges {
		infoSchemaEmulations[name] = text
	}
	// role_table_grants and role_column_grants are the grants to enabled roles: here the same.
	infoSchemaEmulations["role_table_grants"] = infoSchemaPrivileges["table_privileges"]
	infoSchemaEmulations["role_column_grants"] = infoSchemaPrivileges["column_privileges"]
}

// emptyInfoSchemaRelations are information_schema relations whose content on pgtidb is no
// row: pgtidb has no routines, triggers, domains, user-defined types, array columns or
// foreign data.
var emptyInfoSchemaRelations = []string{
	"routines", "parameters", "element_types", "triggers", "triggered_update_columns", "domains",
	"domain_constraints", "domain_udt_usage", "column_domain_usage", "attributes", "user_defined_types",
	"routine_column_usage", "routine_routine_usage", "routine_sequence_usage", "routine_table_usage",
	"check_constraint_routine_usage", "foreign_data_wrappers", "foreign_servers", "foreign_tables",
	"foreign_table_options", "user_mappings", "user_mapping_options", "foreign_server_options",
	"foreign_data_wrapper_options", "column_options",
}

func init() {
	for _, name := range emptyInfoSchemaRelations {
		cols := infoSchemaColumns[name]
		if cols == nil {
			panic("catalog: no information_schema columns for " + name)
		}
		infoSchemaEmulations[name] = emptySelect(cols)
	}
}

// emptySelect is an emulation text with columns cols and no row: one row of NULLs, filtered
// away (pg_catalog's empty relations use it too).
func emptySelect(cols []Column) string {
	var fields []string
	for _, c := range cols {
		fields = append(fields, "NULL AS `"+c.Name+"`")
	}
	return "SELECT " + strings.Join(fields, ", ") + " FROM DUAL WHERE FALSE"
}

// InfoSchemaRelation returns relation name of schema information_schema as a Table (Schema
// information_schema, columns as PostgreSQL 15's RowDescription types them), or nil when
// PostgreSQL has no such relation.
func InfoSchemaRelation(name string) *Table {
	cols, ok := infoSchemaColumns[name]
	if !ok {
		return nil
	}
	return &Table{Schema: "information_schema", Name: name, Columns: cols}
}

// InfoSchemaDependsOnUser reports whether the emulation of information_schema.name reads the
// session user.
func InfoSchemaDependsOnUser(name string) bool {
	return strings.Contains(infoSchemaEmulations[name], "CURRENT_USER()")
}

// InfoSchemaEmulation returns a fresh TiDB AST of the SELECT that answers
// information_schema.name for env, its output columns those of InfoSchemaRelation(name). A
// relation PostgreSQL has but pgtidb does not emulate is refused with 0A000 naming it.
func InfoSchemaEmulation(name string, env EmulationEnv) (ast.ResultSetNode, error) {
	text, ok := infoSchemaEmulations[name]
	if !ok {
		return nil, pgerror.Unsupported("information_schema." + name)
	}
	return instantiate(text, env)
}

// InfoSchemaEmulatedRelations lists the emulated information_schema relations, sorted.
func InfoSchemaEmulatedRelations() []string {
	var out []string
	for name := range infoSchemaEmulations {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// typeMacroExpander replaces pgtidb_typname, pgtidb_type_sqlname and pgtidb_is_numeric by
// expressions over typemap's types.
type typeMacroExpander struct{}

func (typeMacroExpander) Enter(n ast.Node) (ast.Node, bool) { return n, false }

func (typeMacroExpander) Leave(n ast.Node) (ast.Node, bool) {
	f, ok := n.(*ast.FuncCallExpr)
	if !ok || len(f.Args) != 1 {
		return n, true
	}
	switch f.FnName.L {
	case "pgtidb_typname":
		return typeNameCase(f.Args[0], func(i typemap.Info) string { return i.Name }), true
	case "pgtidb_type_sqlname":
		return typeNameCase(f.Args[0], func(i typemap.Info) string { return i.SQLName }), true
	case "pgtidb_is_numeric":
		var list []ast.ExprNode
		for _, oid := range []typemap.OID{typemap.Int2, typemap.Int4, typemap.Int8, typemap.Float4, typemap.Float8, typemap.Numeric} {
			list = append(list, ast.NewValueExpr(int64(oid), "", ""))
		}
		return &ast.PatternInExpr{Expr: f.Args[0], List: list}, true
	}
	return n, true
}

// typeNameCase is CASE ty WHEN oid THEN name(type) … END over typemap's scalar types (pgtidb
// has no array, enum or domain columns, PostgreSQL's ARRAY and USER-DEFINED data types).
func typeNameCase(ty ast.ExprNode, name func(typemap.Info) string) ast.ExprNode {
	c := &ast.CaseExpr{Value: ty}
	for _, info := range typemap.Scalars() {
		c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{
			Expr: ast.NewValueExpr(int64(info.OID), "", ""), Result: ast.NewValueExpr(name(info), "", "")})
	}
	return c
}
