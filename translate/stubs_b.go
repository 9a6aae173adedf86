package translate

// Temporary stubs for helper B's statement translators; B deletes this file when insert.go,
// update.go, delete.go, create_table.go, create_index.go, drop.go and schema.go exist.

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
)

func (t *translator) insert(n *pg_query.InsertStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("INSERT")
}
func (t *translator) update(n *pg_query.UpdateStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("UPDATE")
}
func (t *translator) delete(n *pg_query.DeleteStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("DELETE")
}
func (t *translator) createTable(n *pg_query.CreateStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("CREATE TABLE")
}
func (t *translator) createIndex(n *pg_query.IndexStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("CREATE INDEX")
}
func (t *translator) drop(n *pg_query.DropStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("DROP")
}
func (t *translator) createSchema(n *pg_query.CreateSchemaStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("CREATE SCHEMA")
}
func (t *translator) createDatabase(n *pg_query.CreatedbStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("CREATE DATABASE")
}
func (t *translator) dropDatabase(n *pg_query.DropdbStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("DROP DATABASE")
}
