package catalog

import "strings"

const constraintQuery = "SELECT `CONSTRAINT_TYPE` FROM `information_schema`.`TABLE_CONSTRAINTS` " +
	"WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? AND `CONSTRAINT_NAME` = ? " +
	"AND (`TABLE_SCHEMA`, `TABLE_NAME`, `CONSTRAINT_NAME`) NOT IN " + uniqueIndexes + " " +
	"UNION ALL SELECT 'CHECK' FROM `information_schema`.`TIDB_CHECK_CONSTRAINTS` " +
	"WHERE `CONSTRAINT_SCHEMA` = ? AND `TABLE_NAME` = ? AND `CONSTRAINT_NAME` = ?"

// ConstraintType returns the kind of constraint name on tbl as pg_constraint's contype letter
// ("p", "u", "f", "c"), or "" when there is none (translate.ConstraintResolver). TiDB names
// every primary key PRIMARY; PostgreSQL's name for it is <table>_pkey. A unique index created
// with CREATE UNIQUE INDEX (marked with UniqueIndexComment) is no constraint.
func (r *SessionResolver) ConstraintType(tbl *Table, name string) (string, error) {
	db := tbl.Database
	if db == "" {
		db = TiDBDatabase(r.Database, tbl.Schema)
	}
	lookup := name
	if name == tbl.Name+"_pkey" {
		lookup = "PRIMARY"
	} else if strings.EqualFold(name, "PRIMARY") {
		return "", nil
	}
	var kind string
	if err := queryRow(r.Ctx, r.Conn, constraintQuery, []any{db, tbl.Name, lookup, db, tbl.Name, lookup}, &kind); err != nil {
		return "", err
	}
	switch kind {
	case "PRIMARY KEY":
		return "p", nil
	case "UNIQUE":
		return "u", nil
	case "FOREIGN KEY":
		return "f", nil
	case "CHECK":
		return "c", nil
	}
	return "", nil
}
