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

// schemaConstraintsQuery lists the constraints of a TiDB database named name (PostgreSQL's
// name: a primary key is <table>_pkey), each with its stored deferral (TextDeferral, ” for
// none).
const schemaConstraintsQuery = "SELECT k.`TABLE_NAME`, IFNULL(d.`plain`, '') FROM (" +
	"SELECT `TABLE_SCHEMA`, `TABLE_NAME`, IF(`CONSTRAINT_NAME` = 'PRIMARY', CONCAT(`TABLE_NAME`, '_pkey'), `CONSTRAINT_NAME`) AS `conname`, " +
	"`CONSTRAINT_TYPE` FROM `information_schema`.`TABLE_CONSTRAINTS` " +
	"WHERE `TABLE_SCHEMA` = ? AND (`TABLE_SCHEMA`, `TABLE_NAME`, `CONSTRAINT_NAME`) NOT IN " + uniqueIndexes + " " +
	"UNION ALL SELECT `CONSTRAINT_SCHEMA`, `TABLE_NAME`, `CONSTRAINT_NAME`, 'CHECK' FROM `information_schema`.`TIDB_CHECK_CONSTRAINTS` " +
	"WHERE `CONSTRAINT_SCHEMA` = ?) k " +
	"LEFT JOIN `pgtidb_catalog`.`texts` d ON k.`CONSTRAINT_TYPE` = 'FOREIGN KEY' AND d.`tidb_db` = k.`TABLE_SCHEMA` " +
	"AND d.`table_name` = k.`TABLE_NAME` AND d.`kind` = '" + string(TextDeferral) + "' AND d.`name` = k.`conname` " +
	"WHERE k.`conname` = ?"

// NamedConstraint is a constraint SET CONSTRAINTS names: its TiDB database and whether it is
// DEFERRABLE.
type NamedConstraint struct {
	Database   string
	Deferrable bool
}

// ConstraintsNamed finds the constraints SET CONSTRAINTS [schema.]name means, as PostgreSQL
// does: those of that name in the schema, or, unqualified, in the first schema of the search
// path that has any. None is an empty list.
func (r *SessionResolver) ConstraintsNamed(schema, name string) ([]NamedConstraint, error) {
	schemas := []string{schema}
	if schema == "" {
		schemas = r.SearchPath
	}
	for _, s := range schemas {
		if s == "pg_catalog" || s == "$user" || s == "information_schema" {
			continue
		}
		db := TiDBDatabase(r.Database, s)
		rows, err := r.Conn.QueryContext(r.Ctx, schemaConstraintsQuery, db, db, name)
		if err != nil {
			return nil, err
		}
		var out []NamedConstraint
		for rows.Next() {
			var table, deferral string
			if err := rows.Scan(&table, &deferral); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, NamedConstraint{Database: db, Deferrable: deferral != ""})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	return nil, nil
}
