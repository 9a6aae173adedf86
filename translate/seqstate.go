package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
)

// PostgreSQL's is_called, which TiDB does not keep (catalog.TextSequenceState): CREATE
// SEQUENCE records the sequence as not called with START next; setval records "called" or
// n, and ALTER SEQUENCE … RESTART the value it restarts at, on a connection of their own
// (not undone with a transaction, as the change itself); TRUNCATE … RESTART IDENTITY forgets
// it. A recorded value n still holds while TiDB's next value is n (nothing handed out since);
// once it moved on, the sequence is called at TiDB's last value. ALTER SEQUENCE reads it to
// know PostgreSQL's last_value (checkCurrent). CREATE TABLE records its SERIAL and identity
// sequences as CREATE SEQUENCE does (ownedSequenceChange). Without a record (identity
// sequences of ALTER TABLE … ADD GENERATED, sequences pgtidb did not create, after ALTER
// SEQUENCE … AS or RENAME) only TiDB's state is known.

// sequenceStateCalled is the recorded state of a sequence whose last value was handed out.
const sequenceStateCalled = "called"

// sequenceStateWhere is the texts row of seq's state.
func sequenceStateWhere(seq sequenceRef) ast.ExprNode {
	col := func(name string) ast.ExprNode { return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(name)}} }
	eq := func(c, v string) ast.ExprNode {
		return &ast.BinaryOperationExpr{Op: opcode.EQ, L: col(c), R: strLit(v)}
	}
	and := func(l, r ast.ExprNode) ast.ExprNode { return &ast.BinaryOperationExpr{Op: opcode.LogicAnd, L: l, R: r} }
	return and(and(eq("tidb_db", seq.db), eq("table_name", seq.name)), and(eq("kind", string(catalog.TextSequenceState)), eq("name", "")))
}

func sequenceStateTable() *ast.TableRefsClause {
	return &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{
		Schema: cistr(catalog.Database), Name: cistr("texts")}}}}
}

// sequenceStateRead is (SELECT plain FROM pgtidb_catalog.texts WHERE … seq's state).
func sequenceStateRead(seq sequenceRef) ast.ExprNode {
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr("plain")}}}}}
	sel.From = sequenceStateTable()
	sel.Where = sequenceStateWhere(seq)
	return &ast.SubqueryExpr{Query: sel}
}

// sequenceStateWrite is REPLACE INTO pgtidb_catalog.texts (…) VALUES (seq, 'seqstate', ”, state).
func sequenceStateWrite(seq sequenceRef, state string) ast.StmtNode {
	cols := []*ast.ColumnName{}
	for _, c := range []string{"tidb_db", "table_name", "kind", "name", "plain"} {
		cols = append(cols, &ast.ColumnName{Name: cistr(c)})
	}
	return &ast.InsertStmt{IsReplace: true, Table: sequenceStateTable(), Columns: cols, Lists: [][]ast.ExprNode{{
		strLit(seq.db), strLit(seq.name), strLit(string(catalog.TextSequenceState)), strLit(""), strLit(state)}}}
}

// sequenceStateForget is DELETE FROM pgtidb_catalog.texts WHERE … seq's state.
func sequenceStateForget(seq sequenceRef) ast.StmtNode {
	return &ast.DeleteStmt{TableRefs: sequenceStateTable(), Where: sequenceStateWhere(seq)}
}
