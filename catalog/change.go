package catalog

import "strings"

// ChangeOp says what a Change does to the shadow catalog.
type ChangeOp int

const (
	// DeclareTable records the PostgreSQL types of a table's columns (CREATE TABLE, ALTER).
	DeclareTable ChangeOp = iota + 1
	// ForgetTable removes a table's entries (DROP TABLE).
	ForgetTable
	// ForgetDatabase removes every entry of a TiDB database (DROP SCHEMA / DROP DATABASE).
	ForgetDatabase
)

// Change is one update of the shadow catalog that a DDL statement implies. The translator
// returns the changes with the statement; the proxy applies them after TiDB ran the DDL.
type Change struct {
	Op ChangeOp
	// Database is the TiDB database; Table the table name in it.
	Database string
	Table    string
	// Schemas, for ForgetDatabase, also forgets every TiDB database of the database's other
	// schemas (Database + SchemaSeparator + schema): DROP DATABASE drops them all.
	Schemas bool
	// Columns, for DeclareTable: every column with its declared PostgreSQL type.
	Columns []Column
	// SetTexts, for DeclareTable, replaces the table's texts by Texts; without it they stay.
	// The run-time state of a sequence (TextSequenceState, TextSequenceStart) stays too,
	// unless Texts records state: then it is a new sequence, and all of it is replaced.
	SetTexts bool
	Texts    []Text
	// StateFrom, for DeclareTable, is a table of the same database whose run-time state moves
	// to this one first (ALTER SEQUENCE … RENAME; ForgetTable of the old name follows).
	StateFrom string
}

// SchemaPattern is the LIKE pattern (escape character `\`) of the TiDB databases that hold the
// schemas of database other than public: database + SchemaSeparator + anything.
func SchemaPattern(database string) string {
	var b strings.Builder
	for _, r := range database + SchemaSeparator {
		if r == '\\' || r == '_' || r == '%' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('%')
	return b.String()
}
