package catalog

import "database/sql"

// UniqueKey is one unique index of a table (a PRIMARY KEY, a UNIQUE constraint or a unique
// index: TiDB does not tell the last two apart).
type UniqueKey struct {
	// Name is PostgreSQL's name of the index: <table>_pkey for the primary key.
	Name string
	// Primary is set for the primary key.
	Primary bool
	// Columns are the key's columns in key order; an expression part is "".
	Columns []string
	// Expression is set when a part of the key is an expression (an expression index).
	Expression bool
	// Expressions are TiDB's text of each expression part (information_schema.STATISTICS'
	// EXPRESSION, over bare column names), "" for a column; nil without expression parts.
	Expressions []string
}

// UniqueIndexComment is the comment pgtidb gives the TiDB index of CREATE UNIQUE INDEX. TiDB
// keeps a unique index exactly like a UNIQUE constraint; the comment tells them apart, so that
// pg_constraint and information_schema's constraint views leave the index out, as PostgreSQL
// does (pg_index, pg_indexes and pg_class still show it).
const UniqueIndexComment = "pgtidb:unique-index"

// uniqueIndexes are the TiDB indexes (schema, table, name) that pgtidb created with CREATE
// UNIQUE INDEX: the constraint emulations exclude them with (…) NOT IN uniqueIndexes.
const uniqueIndexes = "(SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS WHERE INDEX_COMMENT = '" +
	UniqueIndexComment + "')"

const uniqueKeysQuery = "SELECT `INDEX_NAME`, `COLUMN_NAME`, `EXPRESSION` FROM `information_schema`.`STATISTICS` " +
	"WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? AND `NON_UNIQUE` = 0 ORDER BY `INDEX_NAME`, `SEQ_IN_INDEX`"

// UniqueKeys returns the unique indexes of tbl (translate.UniqueKeyResolver), the primary key
// first, then by name.
func (r *SessionResolver) UniqueKeys(tbl *Table) ([]UniqueKey, error) {
	db := tbl.Database
	if db == "" {
		db = TiDBDatabase(r.Database, tbl.Schema)
	}
	rows, err := r.Conn.QueryContext(r.Ctx, uniqueKeysQuery, db, tbl.Name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []UniqueKey
	for rows.Next() {
		var index string
		var column, expression sql.NullString
		if err := rows.Scan(&index, &column, &expression); err != nil {
			return nil, err
		}
		if len(keys) == 0 || keys[len(keys)-1].Name != index {
			keys = append(keys, UniqueKey{Name: index})
		}
		k := &keys[len(keys)-1]
		// TiDB gives an expression part's COLUMN_NAME as the text NULL, not as NULL.
		expr := expression.Valid && expression.String != "" || !column.Valid
		if expr {
			k.Columns = append(k.Columns, "")
			k.Expressions = append(k.Expressions, expression.String)
		} else {
			k.Columns = append(k.Columns, column.String)
			k.Expressions = append(k.Expressions, "")
		}
		k.Expression = k.Expression || expr
	}
	for i := range keys {
		if !keys[i].Expression {
			keys[i].Expressions = nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range keys {
		if keys[i].Name == "PRIMARY" {
			keys[i].Name, keys[i].Primary = tbl.Name+"_pkey", true
			keys[0], keys[i] = keys[i], keys[0]
		}
	}
	return keys, nil
}
