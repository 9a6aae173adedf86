package catalog

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
	// Columns, for DeclareTable: every column with its declared PostgreSQL type.
	Columns []Column
}
