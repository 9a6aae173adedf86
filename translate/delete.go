package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
)

// delete translates DELETE FROM t [AS a] [USING …] [WHERE …]. DELETE … USING is TiDB's
// multi-table DELETE of the target only (`DELETE a FROM t AS a, s WHERE …`): a target row
// that joins several USING rows is deleted, and counted, once — as in PostgreSQL.
func (t *translator) delete(n *pg_query.DeleteStmt) (*Statement, error) {
	switch {
	case len(n.GetUsingClause()) > 0 && len(n.GetReturningList()) > 0:
		return nil, pgerror.Unsupported("DELETE ... USING ... RETURNING")
	case n.GetWithClause() != nil:
		return nil, pgerror.Unsupported("WITH ... DELETE")
	}
	tableName, tbl, err := t.writeTarget(n.GetRelation(), "DELETE from")
	if err != nil {
		return nil, err
	}
	alias := n.GetRelation().GetAlias().GetAliasname()
	sc := newTableScope(alias, tbl)
	stmt := &ast.DeleteStmt{TableRefs: dmlTableRefs(tableName, alias)}
	if len(n.GetUsingClause()) > 0 {
		target, err := t.dmlJoin(stmt.TableRefs, tableName, alias, n.GetUsingClause(), sc)
		if err != nil {
			return nil, err
		}
		stmt.IsMultiTable, stmt.BeforeFrom = true, true
		stmt.Tables = &ast.DeleteTableList{Tables: []*ast.TableName{target}}
	}
	if stmt.Where, err = t.dmlWhere(n.GetWhereClause(), sc); err != nil {
		return nil, err
	}
	if len(n.GetReturningList()) > 0 {
		return t.deleteReturning(n, stmt, tbl)
	}
	return t.statement(stmt, "DELETE", KindDML, nil)
}
