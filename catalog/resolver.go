package catalog

import (
	"context"
	"strings"
)

// Resolver resolves names for one session: its database and search path, over its own TiDB
// connection (so it sees the session's uncommitted DDL the way TiDB does).
type SessionResolver struct {
	Store      *Store
	Conn       Querier
	Ctx        context.Context
	Database   string
	SearchPath []string
}

var _ Resolver = (*SessionResolver)(nil)

// LookupTable implements Resolver.
func (r *SessionResolver) LookupTable(schema, name string) (*Table, error) {
	if schema != "" {
		t, err := r.Store.Lookup(r.Ctx, r.Conn, TiDBDatabase(r.Database, schema), name)
		if t != nil {
			t = withSchema(t, schema)
		}
		return t, err
	}
	for _, s := range r.SearchPath {
		if s == "pg_catalog" || s == "$user" || s == "information_schema" {
			continue
		}
		t, err := r.Store.Lookup(r.Ctx, r.Conn, TiDBDatabase(r.Database, s), name)
		if err != nil {
			return nil, err
		}
		if t != nil {
			return withSchema(t, s), nil
		}
	}
	return nil, nil
}

// resolveDatabase returns the TiDB database an (optional) schema names: the schema's, or the
// first database of the search path that holds table (when table is empty, the first schema of
// the search path).
func (r *SessionResolver) resolveDatabase(schema, table string) (string, error) {
	if schema != "" {
		return TiDBDatabase(r.Database, schema), nil
	}
	if table != "" {
		t, err := r.LookupTable("", table)
		if err != nil || t == nil {
			return "", err
		}
		return t.Database, nil
	}
	for _, s := range r.SearchPath {
		if s != "pg_catalog" && s != "$user" && s != "information_schema" {
			return TiDBDatabase(r.Database, s), nil
		}
	}
	return "", nil
}

const (
	primaryKeyQuery = "SELECT `COLUMN_NAME` FROM `information_schema`.`KEY_COLUMN_USAGE` " +
		"WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? AND `CONSTRAINT_NAME` = 'PRIMARY' ORDER BY `ORDINAL_POSITION`"
	indexQuery  = "SELECT DISTINCT `TABLE_NAME` FROM `information_schema`.`STATISTICS` WHERE `TABLE_SCHEMA` = ? AND `INDEX_NAME` = ?"
	schemaQuery = "SELECT (SELECT COUNT(*) FROM `information_schema`.`SCHEMATA` WHERE `SCHEMA_NAME` = ?), " +
		"(SELECT COUNT(*) FROM `information_schema`.`TABLES` WHERE `TABLE_SCHEMA` = ?)"
)

// PrimaryKey returns the primary-key columns of schema.table (translate.KeyResolver).
func (r *SessionResolver) PrimaryKey(schema, table string) ([]string, error) {
	db, err := r.resolveDatabase(schema, table)
	if err != nil || db == "" {
		return nil, err
	}
	return queryStrings(r.Ctx, r.Conn, primaryKeyQuery, db, table)
}

// LookupIndex finds index schema.name and its table (translate.IndexResolver). TiDB names every
// primary key PRIMARY; PostgreSQL's name for it is <table>_pkey, which is what a client sees.
// A UNIQUE constraint and a unique index look alike in TiDB, so constraint is true only for
// primary keys.
func (r *SessionResolver) LookupIndex(schema, name string) (*Table, bool, error) {
	db, err := r.resolveDatabase(schema, "")
	if err != nil || db == "" {
		return nil, false, err
	}
	var table string
	rows, err := r.Conn.QueryContext(r.Ctx, indexQuery, db, name)
	if err != nil {
		return nil, false, err
	}
	if rows.Next() {
		err = rows.Scan(&table)
	}
	rows.Close()
	if err != nil {
		return nil, false, err
	}
	constraint := false
	if table == "" && strings.HasSuffix(name, "_pkey") {
		candidate := strings.TrimSuffix(name, "_pkey")
		pk, err := r.PrimaryKey(schemaOrEmpty(r.Database, db), candidate)
		if err != nil {
			return nil, false, err
		}
		if len(pk) > 0 {
			table, constraint = candidate, true
		}
	}
	if table == "" {
		return nil, false, nil
	}
	t, err := r.Store.Lookup(r.Ctx, r.Conn, db, table)
	if err != nil || t == nil {
		return nil, false, err
	}
	s, _ := SchemaOf(r.Database, db)
	return withSchema(t, s), constraint, nil
}

func schemaOrEmpty(database, db string) string {
	s, _ := SchemaOf(database, db)
	return s
}

// SchemaIsEmpty reports whether schema holds no relation (translate.SchemaResolver).
func (r *SessionResolver) SchemaIsEmpty(schema string) (empty, ok bool, err error) {
	db := TiDBDatabase(r.Database, schema)
	var exists, tables int
	if err := queryRow(r.Ctx, r.Conn, schemaQuery, []any{db, db}, &exists, &tables); err != nil {
		return false, false, err
	}
	return tables == 0, exists > 0, nil
}

func queryRow(ctx context.Context, q Querier, query string, args []any, dest ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
	}
	return rows.Err()
}

const indexColumnsQuery = "SELECT `COLUMN_NAME` FROM `information_schema`.`STATISTICS` " +
	"WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? AND `INDEX_NAME` = ? ORDER BY `SEQ_IN_INDEX`"

// IndexColumns returns the columns of index (TiDB's name; PRIMARY for the primary key) of the
// table name resolves to through the search path, in key order.
func (r *SessionResolver) IndexColumns(table, index string) ([]string, error) {
	t, err := r.LookupTable("", table)
	if err != nil || t == nil {
		return nil, err
	}
	return queryStrings(r.Ctx, r.Conn, indexColumnsQuery, t.Database, t.Name, index)
}

// queryStrings runs a query of one string column and returns its values in order.
func queryStrings(ctx context.Context, q Querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
