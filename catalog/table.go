package catalog

import "github.com/pgtidb/pgtidb/typemap"

// Table is a relation as PostgreSQL sees it: its schema, its name and its columns with the
// PostgreSQL types they were declared with (or, for tables pgtidb did not create, the PG types
// derived from their TiDB types).
type Table struct {
	// Schema is the PostgreSQL schema name (public, app…).
	Schema string
	// Name is the relation name as stored (already case-folded).
	Name string
	// Database is the TiDB database that holds the table (see Namespace).
	Database string
	// View is true for views.
	View bool
	// Columns in attnum order.
	Columns []Column
}

// Column is one attribute of a Table.
type Column struct {
	Name    string
	Type    typemap.Type
	NotNull bool
	// HasDefault is true when the column has a default or is filled by TiDB (AUTO_INCREMENT).
	HasDefault bool
}

// Column returns the column named name, or nil.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// Resolver finds relations by PostgreSQL name. The translator uses it to expand `*`, to infer
// result and parameter types and to map schemas to TiDB databases.
type Resolver interface {
	// LookupTable resolves schema.name; with an empty schema the search path decides.
	// It returns (nil, nil) when no such relation exists.
	LookupTable(schema, name string) (*Table, error)
}
