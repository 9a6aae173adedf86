package catalog

import (
	"context"
	"strings"
)

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

// NextvalDefault reads the sequence a TiDB column default draws from: TiDB shows a default
// NEXTVAL(s) as nextval(`db`.`s`) (information_schema.COLUMNS.COLUMN_DEFAULT), backquotes in
// names doubled. ok is false for any other default.
func NextvalDefault(def string) (seq SequenceName, ok bool) {
	rest, found := strings.CutPrefix(def, "nextval(")
	if !found {
		return SequenceName{}, false
	}
	db, rest, ok := backquoted(rest)
	if !ok || !strings.HasPrefix(rest, ".") {
		return SequenceName{}, false
	}
	name, rest, ok := backquoted(rest[1:])
	if !ok || rest != ")" {
		return SequenceName{}, false
	}
	return SequenceName{DB: db, Name: name}, true
}

// backquoted reads one `identifier` (a doubled backquote is one) at the start of s.
func backquoted(s string) (ident, rest string, ok bool) {
	if !strings.HasPrefix(s, "`") {
		return "", s, false
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '`' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '`' {
			b.WriteByte('`')
			i++
			continue
		}
		return b.String(), s[i+1:], true
	}
	return "", s, false
}

// sequenceDefaultsQuery finds the columns whose TiDB default draws from a sequence.
const sequenceDefaultsQuery = "SELECT `TABLE_SCHEMA`, `TABLE_NAME`, `COLUMN_NAME` FROM `information_schema`.`COLUMNS` " +
	"WHERE `COLUMN_DEFAULT` = ? ORDER BY `TABLE_SCHEMA`, `TABLE_NAME`, `ORDINAL_POSITION`"

// ColumnRef names a column by its table's TiDB database, its table and its name.
type ColumnRef struct{ DB, Table, Column string }

// SequenceDefaults returns the columns, in any database, whose default draws from sequence
// seq of TiDB database tidbDB (translate.SequenceOwnerResolver): TiDB's default names the
// sequence, where PostgreSQL's depends on it by oid.
func (r *SessionResolver) SequenceDefaults(tidbDB, seq string) ([]ColumnRef, error) {
	quote := func(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }
	rows, err := r.Conn.QueryContext(r.Ctx, sequenceDefaultsQuery, "nextval("+quote(tidbDB)+"."+quote(seq)+")")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ColumnRef
	for rows.Next() {
		var c ColumnRef
		if err := rows.Scan(&c.DB, &c.Table, &c.Column); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// sequenceEpochQuery reads what tells a session block of a sequence is still valid: TiDB's
// table ID of the sequence (a new one after DROP and CREATE) and its TextSequenceEpoch.
const sequenceEpochQuery = "SELECT CONCAT(t.`TIDB_TABLE_ID`, '/', COALESCE(e.`plain`, '')) FROM `information_schema`.`TABLES` t " +
	"LEFT JOIN `pgtidb_catalog`.`texts` e ON e.`tidb_db` = t.`TABLE_SCHEMA` AND e.`table_name` = t.`TABLE_NAME` AND e.`kind` = 'seqepoch' AND e.`name` = '' " +
	"WHERE t.`TABLE_SCHEMA` = ? AND t.`TABLE_NAME` = ? AND t.`TABLE_TYPE` = 'SEQUENCE'"

// sequenceRenew sets a sequence's TextSequenceEpoch to a value it never had.
const sequenceRenew = "REPLACE INTO `pgtidb_catalog`.`texts` (`tidb_db`, `table_name`, `kind`, `name`, `plain`) VALUES (?, ?, 'seqepoch', '', UUID())"

// SequenceEpoch identifies the values of sequence name of TiDB database db: it changes when the
// sequence is dropped and created again, and with RenewSequences. Empty when there is no such
// sequence.
func SequenceEpoch(ctx context.Context, q Querier, db, name string) (string, error) {
	var epoch string
	err := queryRow(ctx, q, sequenceEpochQuery, []any{db, name}, &epoch)
	return epoch, err
}

// RenewSequences gives seqs new epochs (SequenceEpoch) and bumps the catalog version, so that
// every pgtidb instance looks at the epochs of the sequences its sessions hold blocks of.
func (s *Store) RenewSequences(ctx context.Context, q Querier, seqs []SequenceName) error {
	for _, seq := range seqs {
		if _, err := q.ExecContext(ctx, sequenceRenew, seq.DB, seq.Name); err != nil {
			return err
		}
	}
	if _, err := q.ExecContext(ctx, versionBump); err != nil {
		return err
	}
	s.Invalidate()
	return nil
}
