package catalog

import "github.com/pingcap/tidb/pkg/parser/ast"

// relationSizes lists the size TiDB estimates for every table, view and sequence of the
// session's database, by pg_class oid: what pg_relation_size/pg_table_size (size) and
// pg_total_relation_size (total) of a computed oid read. As for a constant regclass
// (translate/func_catalog.go), the sizes are information_schema.TABLES's DATA_LENGTH (plus
// INDEX_LENGTH for the total), 0 for a view as in PostgreSQL.
const relationSizes = `SELECT pgtidb_oid('rel', TABLE_SCHEMA, TABLE_NAME) AS oid,
		IF(TABLE_TYPE = 'VIEW', 0, IFNULL(DATA_LENGTH, 0)) AS size,
		IF(TABLE_TYPE = 'VIEW', 0, IFNULL(DATA_LENGTH, 0) + IFNULL(INDEX_LENGTH, 0)) AS total
	FROM information_schema.TABLES WHERE pgtidb_in_database(TABLE_SCHEMA)`

// RelationSizes returns a fresh TiDB AST of relationSizes for env: columns oid, size, total.
func RelationSizes(env EmulationEnv) (ast.ResultSetNode, error) {
	return instantiate(relationSizes, env)
}
