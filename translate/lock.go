package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
)

// LOCK TABLE … IN ACCESS SHARE MODE, which pg_dump sends for every table it dumps so that no
// one drops or alters them until its snapshot transaction ends.
//
// ACCESS SHARE conflicts only with ACCESS EXCLUSIVE (DROP TABLE, TRUNCATE, most ALTER TABLE):
// it blocks schema changes, never reads or writes. TiDB's metadata lock (MDL, on by default
// since TiDB 6.3: tidb_enable_metadata_lock) gives exactly that to a transaction that has used
// a table: DDL changing the table waits until the transaction ends, DML does not wait. So the
// lock is a read of the tables inside the transaction block:
//
//	SELECT 1 FROM t1, t2 WHERE FALSE
//
// It is stronger than PostgreSQL's in one way: every DDL on the table waits, including CREATE
// INDEX (PostgreSQL's SHARE lock does not conflict with ACCESS SHARE) — more waiting, never a
// different result. Outside a transaction block PostgreSQL refuses LOCK (25P01; the proxy
// checks Statement.NeedsBlock). The other modes, which block writers, and NOWAIT are refused:
// TiDB has no table lock that blocks DML for a transaction (LOCK TABLES is MySQL's session
// lock, off by default in TiDB), and MDL cannot be asked not to wait.
func (t *translator) lock(n *pg_query.LockStmt) (*Statement, error) {
	const accessShare = 1 // AccessShareLock, PostgreSQL's lockdefs.h
	if n.GetMode() != accessShare {
		return nil, pgerror.Unsupported("LOCK TABLE in a mode other than ACCESS SHARE")
	}
	if n.GetNowait() {
		return nil, pgerror.Unsupported("LOCK TABLE … NOWAIT")
	}
	var from ast.ResultSetNode
	for i, rel := range n.GetRelations() {
		rv := rel.GetRangeVar()
		tn, tbl, err := t.table(rv)
		if err != nil {
			return nil, err
		}
		if tbl.View {
			// PostgreSQL also locks the relations the view reads; TiDB's MDL of a view
			// does not reach them.
			return nil, pgerror.Unsupported("LOCK TABLE of a view")
		}
		// Distinct aliases: LOCK may name a table twice.
		src := &ast.TableSource{Source: tn, AsName: cistr("l" + itoa(i))}
		if from == nil {
			from = &ast.Join{Left: src}
		} else {
			from = &ast.Join{Left: from, Right: src, Tp: ast.CrossJoin}
		}
	}
	sel := &ast.SelectStmt{
		SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true},
		Kind:           ast.SelectStmtKindSelect,
		Fields:         &ast.FieldList{Fields: []*ast.SelectField{{Expr: intLit(1)}}},
		From:           &ast.TableRefsClause{TableRefs: asJoin(from)},
		Where:          boolLit(false),
	}
	stmt, err := t.statement(sel, "LOCK TABLE", KindQuery, nil)
	if err != nil {
		return nil, err
	}
	stmt.NeedsBlock = true
	return stmt, nil
}

func asJoin(n ast.ResultSetNode) *ast.Join {
	if j, ok := n.(*ast.Join); ok {
		return j
	}
	return &ast.Join{Left: n}
}
