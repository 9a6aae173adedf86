package catalog

// sequenceOwnerQuery finds the column that owns a sequence (SERIAL or identity).
const sequenceOwnerQuery = "SELECT `table_name`, `column_name` FROM `pgtidb_catalog`.`columns` " +
	"WHERE `tidb_db` = ? AND `owned_sequence` = ? ORDER BY `table_name`, `column_name` LIMIT 1"

// SequenceOwner returns the table of TiDB database tidbDB and the column of it that owns
// sequence seq of the same database (translate.SequenceOwnerResolver); tbl is nil when no
// column owns it.
func (r *SessionResolver) SequenceOwner(tidbDB, seq string) (tbl *Table, column string, err error) {
	rows, err := r.Conn.QueryContext(r.Ctx, sequenceOwnerQuery, tidbDB, seq)
	if err != nil {
		return nil, "", err
	}
	var table string
	if rows.Next() {
		err = rows.Scan(&table, &column)
	}
	rows.Close()
	if err != nil || table == "" {
		return nil, "", err
	}
	t, err := r.Store.Lookup(r.Ctx, r.Conn, tidbDB, table)
	if err != nil || t == nil {
		return nil, "", err
	}
	s, _ := SchemaOf(r.Database, tidbDB)
	return withSchema(t, s), column, nil
}
