package translate

import (
	"strconv"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
)

// TRUNCATE [TABLE] [ONLY] t [, …] [RESTART IDENTITY | CONTINUE IDENTITY] [RESTRICT] is a DDL
// plan: TiDB truncates one table per statement, and RESTART IDENTITY restarts the sequences
// the tables' columns own at their PostgreSQL START, as PostgreSQL's restart does. TRUNCATE is DDL on TiDB: it commits an open transaction, where
// PostgreSQL's TRUNCATE is transactional (the session reports that through Kind).
//
//	collect  the foreign keys from other tables into the listed ones   0A000 as PostgreSQL's
//	collect  PostgreSQL's START of each owned sequence                   (RESTART IDENTITY)
//	exec     TRUNCATE TABLE t1; exec TRUNCATE TABLE t2 …
//	exec     ALTER SEQUENCE t1_id_seq START WITH n RESTART WITH n        (RESTART IDENTITY)
//	exec     REPLACE INTO pgtidb_catalog.texts … not called at n         (outside, seqstate.go)
//
// PostgreSQL refuses to truncate a table another table references unless that table is
// truncated too (or CASCADE); TiDB refuses it in every case (1701), also after the referencing
// table was truncated by an earlier step. So the plan looks first: a referencing table outside
// the list is PostgreSQL's error, one inside the list is refused (0A000) before anything is
// truncated, as is CASCADE when there is a table it would cascade to. Self-references are fine
// in both systems.

// truncate translates TRUNCATE.
func (t *translator) truncate(n *pg_query.TruncateStmt) (*Statement, error) {
	cascade := n.GetBehavior() == pg_query.DropBehavior_DROP_CASCADE
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	var tables []*ast.TableName
	var seqs []*ast.TableName
	seen := map[[2]string]bool{}
	for _, rel := range n.GetRelations() {
		tn, tbl, err := t.table(rel.GetRangeVar())
		if err != nil {
			return nil, err
		}
		if tbl.View || tbl.Sequence {
			return nil, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a table", tbl.Name)
		}
		key := [2]string{tn.Schema.O, tn.Name.O}
		if seen[key] {
			continue // PostgreSQL truncates a table named twice once
		}
		seen[key] = true
		tables = append(tables, tn)
		if n.GetRestartSeqs() {
			seqs = append(seqs, ownedSequences(tbl, tn.Schema.O)...)
		}
	}
	b := &planBuilder{t: t}
	guard := foreignKeysInto(tables)
	if err := b.step(returning.Collect, 4, nil, func([]returning.Row) (ast.StmtNode, error) { return guard, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[0].Check = func(rows []returning.Row) error { return checkTruncateReferences(rows, seen, cascade) }
	if len(seqs) > 0 {
		// PostgreSQL's START of each sequence (seqstate.go), which RESTART IDENTITY restarts at,
		// and what tells whether TiDB can restart there (a CYCLE sequence that went round).
		starts := newSelect()
		starts.Fields = &ast.FieldList{}
		for _, seq := range seqs {
			ref := sequenceRef{db: seq.Schema.O, name: seq.Name.O}
			starts.Fields.Fields = append(starts.Fields.Fields, &ast.SelectField{Expr: sequenceStartRead(ref)})
			for _, c := range []string{"INCREMENT", "MIN_VALUE", "MAX_VALUE", "CYCLE"} {
				starts.Fields.Fields = append(starts.Fields.Fields, &ast.SelectField{Expr: sequenceInfo(ref, c)})
			}
		}
		if err := b.step(returning.Collect, len(seqs)*truncateSeqCols, nil, func([]returning.Row) (ast.StmtNode, error) { return starts, nil }); err != nil {
			return nil, err
		}
		b.plan.Steps[len(b.plan.Steps)-1].Check = func(rows []returning.Row) error { return checkRestartIdentity(rows, seqs) }
	}
	for _, tn := range tables {
		stmt := &ast.TruncateTableStmt{Table: tn}
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return stmt, nil }); err != nil {
			return nil, err
		}
	}
	sample := make(returning.Row, len(seqs)*truncateSeqCols)
	for i := range sample {
		sample[i] = []byte("1")
	}
	for i, seq := range seqs {
		start := func(keys []returning.Row) (int64, bool) {
			if len(keys) != 1 || len(keys[0]) <= i*truncateSeqCols || keys[0][i*truncateSeqCols] == nil {
				return 0, false // gone since translation
			}
			v, err := strconv.ParseInt(string(keys[0][i*truncateSeqCols]), 10, 64)
			return v, err == nil
		}
		if err := b.step(returning.Exec, 0, []returning.Row{sample}, func(keys []returning.Row) (ast.StmtNode, error) {
			if v, ok := start(keys); ok {
				return sequenceRestart(seq, v), nil
			}
			return nil, nil
		}); err != nil {
			return nil, err
		}
		// Not called, at START (seqstate.go).
		ref := sequenceRef{db: seq.Schema.O, name: seq.Name.O}
		if err := b.step(returning.Exec, 0, []returning.Row{sample}, func(keys []returning.Row) (ast.StmtNode, error) {
			if v, ok := start(keys); ok {
				return sequenceStateWrite(ref, strconv.FormatInt(v, 10), strconv.FormatInt(v, 10)), nil
			}
			return nil, nil
		}); err != nil {
			return nil, err
		}
		b.plan.Steps[len(b.plan.Steps)-1].Outside = true
	}
	out, err := b.finish("TRUNCATE TABLE", KindDDL, nil)
	if err != nil {
		return nil, err
	}
	for _, seq := range seqs {
		out.SequenceRenews = append(out.SequenceRenews, SequenceRef{DB: seq.Schema.O, Name: seq.Name.O})
	}
	return out, nil
}

// truncateSeqCols are the columns RESTART IDENTITY reads of each sequence: PostgreSQL's START,
// INCREMENT, MIN_VALUE, MAX_VALUE, CYCLE.
const truncateSeqCols = 5

// checkRestartIdentity refuses (0A000) a restart TiDB would not do as PostgreSQL: of a CYCLE
// sequence whose INCREMENT is not ±1 at a START off its MINVALUE (MAXVALUE) grid, which TiDB
// keeps to once the sequence went round (alter_sequence.go).
func checkRestartIdentity(rows []returning.Row, seqs []*ast.TableName) error {
	if len(rows) != 1 {
		return nil
	}
	for i, seq := range seqs {
		r := rows[0][i*truncateSeqCols : (i+1)*truncateSeqCols]
		if r[0] == nil || string(r[4]) != "1" {
			continue
		}
		v, _, ok := rowInts(r, 0, 1, 2, 3)
		if !ok {
			continue
		}
		if cycleGridDiffers(v[0], v[1], v[2], v[3]) {
			return pgerror.Unsupported("RESTART IDENTITY of CYCLE sequence \"" + seq.Name.O + "\", whose START is off its MINVALUE + k*INCREMENT grid (MAXVALUE when descending)").
				WithDetail("Once the sequence went round, TiDB hands out values on that grid only.")
		}
	}
	return nil
}

// foreignKeysInto selects (referencing db, table, referenced db, table) of every foreign key
// that references one of tables.
func foreignKeysInto(tables []*ast.TableName) *ast.SelectStmt {
	col := func(name string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(name)}}
	}
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	for _, c := range []string{"CONSTRAINT_SCHEMA", "TABLE_NAME", "UNIQUE_CONSTRAINT_SCHEMA", "REFERENCED_TABLE_NAME"} {
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: col(c)})
	}
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{
		Schema: cistr("information_schema"), Name: cistr("REFERENTIAL_CONSTRAINTS")}}}}
	var where ast.ExprNode
	for _, tn := range tables {
		one := &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
			L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("UNIQUE_CONSTRAINT_SCHEMA"), R: strLit(tn.Schema.O)},
			R: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("REFERENCED_TABLE_NAME"), R: strLit(tn.Name.O)}}
		if where == nil {
			where = one
		} else {
			where = &ast.BinaryOperationExpr{Op: opcode.LogicOr, L: where, R: one}
		}
	}
	sel.Where = where
	sel.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: col("CONSTRAINT_NAME")}}}
	return sel
}

// checkTruncateReferences applies PostgreSQL's rule to the foreign keys into the truncated
// tables (listed in truncated by TiDB database and name). CASCADE, which would truncate the
// referencing tables too, is refused when there are any (and is a plain TRUNCATE otherwise).
func checkTruncateReferences(rows []returning.Row, truncated map[[2]string]bool, cascade bool) error {
	for _, r := range rows {
		from := [2]string{string(r[0]), string(r[1])}
		to := [2]string{string(r[2]), string(r[3])}
		if from == to {
			continue
		}
		if !truncated[from] && cascade {
			return pgerror.Unsupported("TRUNCATE ... CASCADE of a table other tables reference").
				WithDetail("Table \"" + from[1] + "\" references \"" + to[1] + "\".").
				WithHint("List the referencing tables in the TRUNCATE and delete their rows first.")
		}
		if !truncated[from] {
			return pgerror.New(pgerrcode.FeatureNotSupported, "cannot truncate a table referenced in a foreign key constraint").
				WithDetail("Table \"" + from[1] + "\" references \"" + to[1] + "\".").
				WithHint("Truncate table \"" + from[1] + "\" at the same time, or use TRUNCATE ... CASCADE.")
		}
		return pgerror.Unsupported("TRUNCATE of a table together with a table that references it").
			WithDetail("TiDB refuses to truncate a table another table's foreign key references (table \"" +
				from[1] + "\" references \"" + to[1] + "\").").
			WithHint("Delete the referencing rows with DELETE, then truncate.")
	}
	return nil
}
