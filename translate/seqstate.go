package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/typemap"
)

// A sequence's run-time state that TiDB does not keep, recorded in the shadow catalog's texts
// on a connection of its own (not undone with a transaction, as the change itself):
//
// PostgreSQL's is_called (catalog.TextSequenceState): CREATE SEQUENCE records the sequence as
// not called with START next; setval records "called" or n, and every restart (ALTER SEQUENCE
// … RESTART, a setval moving backwards, TRUNCATE … RESTART IDENTITY) the value it restarts at.
// A recorded value n still holds while TiDB's next value is n (nothing handed out since); once
// it moved on, the sequence is called at TiDB's last value. ALTER SEQUENCE reads it to know
// PostgreSQL's last_value (checkCurrent). CREATE TABLE records its SERIAL and identity
// sequences as CREATE SEQUENCE does (ownedSequenceChange). Without a record (identity
// sequences of ALTER TABLE … ADD GENERATED, sequences pgtidb did not create) only TiDB's state
// is known.
//
// PostgreSQL's START (catalog.TextSequenceStart): TiDB hands out values on its START +
// k·INCREMENT grid only, and restarts on it, so every restart pgtidb runs is TiDB's ALTER
// SEQUENCE … START WITH v RESTART WITH v (the grid then runs through v, as PostgreSQL's values
// do), and ALTER SEQUENCE moves TiDB's START to another value of the grid when the new bounds
// leave it out, or to the last value when INCREMENT changes. PostgreSQL's START, which only
// ALTER SEQUENCE … START changes, is recorded whenever TiDB's may differ; without a record
// it is TiDB's (sequenceStartRead).

// sequenceStateCalled is the recorded state of a sequence whose last value was handed out.
const sequenceStateCalled = "called"

// sequenceTextWhere is the texts row of seq's state of the kind.
func sequenceTextWhere(seq sequenceRef, kind catalog.TextKind) ast.ExprNode {
	col := func(name string) ast.ExprNode { return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(name)}} }
	eq := func(c, v string) ast.ExprNode {
		return &ast.BinaryOperationExpr{Op: opcode.EQ, L: col(c), R: strLit(v)}
	}
	and := func(l, r ast.ExprNode) ast.ExprNode { return &ast.BinaryOperationExpr{Op: opcode.LogicAnd, L: l, R: r} }
	return and(and(eq("tidb_db", seq.db), eq("table_name", seq.name)), and(eq("kind", string(kind)), eq("name", "")))
}

func sequenceStateTable() *ast.TableRefsClause {
	return &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{
		Schema: cistr(catalog.Database), Name: cistr("texts")}}}}
}

// sequenceTextRead is (SELECT plain FROM pgtidb_catalog.texts WHERE … seq's state of the kind).
func sequenceTextRead(seq sequenceRef, kind catalog.TextKind) ast.ExprNode {
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr("plain")}}}}}
	sel.From = sequenceStateTable()
	sel.Where = sequenceTextWhere(seq, kind)
	return &ast.SubqueryExpr{Query: sel}
}

// sequenceStateRead is seq's recorded is_called state (NULL: none).
func sequenceStateRead(seq sequenceRef) ast.ExprNode {
	return sequenceTextRead(seq, catalog.TextSequenceState)
}

// sequenceDefinition is SELECT START, INCREMENT, MIN_VALUE, MAX_VALUE, CYCLE of seq as TiDB
// keeps them and its recorded is_called state: what sequencePositions reads.
func sequenceDefinition(seq sequenceRef) *ast.SelectStmt {
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	for _, c := range []string{"START", "INCREMENT", "MIN_VALUE", "MAX_VALUE", "CYCLE"} {
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: sequenceInfo(seq, c)})
	}
	sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: sequenceStateRead(seq)})
	return sel
}

// sequenceStartRead is seq's PostgreSQL START: the recorded one, else TiDB's.
func sequenceStartRead(seq sequenceRef) ast.ExprNode {
	return funcCall("COALESCE", castTo(sequenceTextRead(seq, catalog.TextSequenceStart), typemap.Of(typemap.Int8)),
		sequenceInfo(seq, "START"))
}

// sequenceStateWrite is REPLACE INTO pgtidb_catalog.texts (…) VALUES (seq, 'seqstate', ”,
// state), (seq, 'seqstart', ”, start): the is_called state and PostgreSQL's START, each
// left out when empty (not both).
func sequenceStateWrite(seq sequenceRef, state, start string) ast.StmtNode {
	cols := []*ast.ColumnName{}
	for _, c := range []string{"tidb_db", "table_name", "kind", "name", "plain"} {
		cols = append(cols, &ast.ColumnName{Name: cistr(c)})
	}
	row := func(kind catalog.TextKind, v string) []ast.ExprNode {
		return []ast.ExprNode{strLit(seq.db), strLit(seq.name), strLit(string(kind)), strLit(""), strLit(v)}
	}
	var lists [][]ast.ExprNode
	if state != "" {
		lists = append(lists, row(catalog.TextSequenceState, state))
	}
	if start != "" {
		lists = append(lists, row(catalog.TextSequenceStart, start))
	}
	return &ast.InsertStmt{IsReplace: true, Table: sequenceStateTable(), Columns: cols, Lists: lists}
}
