package catalog

import (
	"encoding/json"

	"github.com/pingcap/tidb/pkg/parser/ast"
)

// Comments (COMMENT ON, translate/comment.go) are kept in the shadow catalog: a relation's and
// a constraint's in texts, a column's in columns.description, a schema's in texts under the
// schema's TiDB database with an empty table name. pg_description lists those whose object
// still exists; the public schema has PostgreSQL's own comment "standard public schema"
// unless it was removed (stored as an empty text), pg_catalog and pg_toast theirs, and the
// built-in functions of pg_proc theirs (one JSON literal, as pg_proc's rows). Comments of
// other built-in objects (PostgreSQL's
// descriptions of its functions, types…) are not listed.
func init() {
	pgCatalogEmulations["pg_description"] = `SELECT pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME) AS objoid, 1259 AS classoid,
			0 AS objsubid, x.plain AS description
		FROM pgtidb_catalog.texts x
		JOIN information_schema.TABLES t ON pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_SCHEMA = x.tidb_db AND t.TABLE_NAME = x.table_name
		WHERE x.kind = 'comment' AND x.name = '' AND x.table_name <> ''
		UNION ALL
		SELECT pgtidb_oid('rel', c.TABLE_SCHEMA, c.TABLE_NAME), 1259, c.ORDINAL_POSITION, p.description
		FROM pgtidb_catalog.columns p
		JOIN information_schema.COLUMNS c ON pgtidb_in_database(c.TABLE_SCHEMA) AND c.TABLE_SCHEMA = p.tidb_db
			AND c.TABLE_NAME = p.table_name AND c.COLUMN_NAME = p.column_name
		WHERE p.description IS NOT NULL
		UNION ALL
		SELECT pgtidb_oid('con', t.TABLE_SCHEMA, t.TABLE_NAME, x.name), 2606, 0, x.plain
		FROM pgtidb_catalog.texts x
		JOIN information_schema.TABLES t ON pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_SCHEMA = x.tidb_db AND t.TABLE_NAME = x.table_name
		WHERE x.kind = 'concomment'
		UNION ALL
		SELECT pgtidb_nsp_oid(s.SCHEMA_NAME), 2615, 0, COALESCE(x.plain, 'standard public schema')
		FROM information_schema.SCHEMATA s
		LEFT JOIN pgtidb_catalog.texts x ON x.tidb_db = s.SCHEMA_NAME AND x.table_name = '' AND x.kind = 'comment' AND x.name = ''
		WHERE pgtidb_in_database(s.SCHEMA_NAME) AND (x.plain IS NOT NULL OR s.SCHEMA_NAME = DATABASE())
		  AND COALESCE(x.plain, 'standard public schema') <> ''
		UNION ALL SELECT 11, 2615, 0, 'system catalog schema'
		UNION ALL SELECT 99, 2615, 0, 'reserved schema for TOAST tables'
		UNION ALL SELECT CAST(JSON_EXTRACT(r, '$[0]') AS UNSIGNED), 1255, 0, JSON_UNQUOTE(JSON_EXTRACT(r, '$[1]'))
		FROM (SELECT JSON_EXTRACT(d.j, CONCAT('$[', n.i, ']')) AS r
			FROM (SELECT CAST(` + functionDescriptionsJSON() + ` AS JSON) AS j) d, ` + numbers(len(functionDescriptions())) + `) p`
}

// functionDescriptions are the [oid, description] of the built-in functions that have one.
func functionDescriptions() [][2]any {
	var out [][2]any
	for _, f := range builtinFunctions {
		if f.Description != "" {
			out = append(out, [2]any{f.OID, f.Description})
		}
	}
	return out
}

// functionDescriptionsJSON is functionDescriptions as a TiDB string literal of a JSON array.
func functionDescriptionsJSON() string {
	b, err := json.Marshal(functionDescriptions())
	if err != nil {
		panic(err)
	}
	return restoreExpr(ast.NewValueExpr(string(b), "", ""))
}
