package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
)

// update translates UPDATE t [AS a] SET c = v, (c1, c2) = (v1, v2) [FROM …] [WHERE …]. TiDB's
// UPDATE evaluates every SET expression on the row's old values, as PostgreSQL does (checked
// for the single- and the multi-table form: SET a = b, b = a swaps), so assignments keep their
// order and meaning.
//
// UPDATE … FROM is TiDB's multi-table UPDATE over the target cross-joined with the FROM items
// (`UPDATE t AS a, s SET a.c = … WHERE …`). Only the target's columns are assigned, so only
// its rows change; a target row that joins several FROM rows is updated once, with one of
// them (PostgreSQL leaves which one unspecified too), and the matched-rows count pgtidb asks
// for (CLIENT_FOUND_ROWS) counts it once, as PostgreSQL's tag does.
func (t *translator) update(n *pg_query.UpdateStmt) (*Statement, error) {
	switch {
	case len(n.GetFromClause()) > 0 && len(n.GetReturningList()) > 0:
		return nil, pgerror.Unsupported("UPDATE ... FROM ... RETURNING")
	case n.GetWithClause() != nil:
		return nil, pgerror.Unsupported("WITH ... UPDATE")
	}
	tableName, tbl, err := t.writeTarget(n.GetRelation(), "UPDATE of")
	if err != nil {
		return nil, err
	}
	t.relation = tbl.Name
	alias := n.GetRelation().GetAlias().GetAliasname()
	sc := newTableScope(alias, tbl)
	stmt := &ast.UpdateStmt{TableRefs: dmlTableRefs(tableName, alias)}
	// With FROM, SET names the target's columns qualified: TiDB's multi-table UPDATE.
	var joined *ast.TableName
	if len(n.GetFromClause()) > 0 {
		if joined, err = t.dmlJoin(stmt.TableRefs, tableName, alias, n.GetFromClause(), sc); err != nil {
			return nil, err
		}
		stmt.MultipleTable = true
	}

	assigned := map[string]bool{}
	for _, target := range n.GetTargetList() {
		rt := target.GetResTarget()
		if len(rt.GetIndirection()) > 0 {
			return nil, pgerror.Unsupported("assignment to a field or element of column \"" + rt.GetName() + "\"")
		}
		col := tbl.Column(rt.GetName())
		if col == nil {
			return nil, pgerror.Newf(pgerrcode.UndefinedColumn,
				"column %q of relation %q does not exist", rt.GetName(), tbl.Name)
		}
		if assigned[col.Name] {
			return nil, pgerror.Newf(pgerrcode.SyntaxError, "multiple assignments to same column %q", col.Name)
		}
		assigned[col.Name] = true
		val := rt.GetVal()
		if m := val.GetMultiAssignRef(); m != nil {
			if val, err = multiAssignValue(m); err != nil {
				return nil, err
			}
		}
		if col.Identity == 'a' && val.GetSetToDefault() == nil {
			return nil, pgerror.Newf(pgerrcode.GeneratedAlways, "column %q can only be updated to DEFAULT", col.Name).
				WithDetail("Column \"" + col.Name + "\" is an identity column defined as GENERATED ALWAYS.")
		}
		e, err := t.assignedValue(val, sc, col)
		if err != nil {
			return nil, err
		}
		if err := t.refuseCachedDefault(e, col, "UPDATE … SET "+col.Name); err != nil {
			return nil, err
		}
		cn := &ast.ColumnName{Name: cistr(col.Name)}
		if joined != nil {
			cn.Schema, cn.Table = joined.Schema, joined.Name
		}
		stmt.List = append(stmt.List, &ast.Assignment{Column: cn, Expr: e})
	}
	if stmt.Where, err = t.dmlWhere(n.GetWhereClause(), sc); err != nil {
		return nil, err
	}
	if len(n.GetReturningList()) > 0 {
		return t.updateReturning(n, stmt, tbl)
	}
	return t.statement(stmt, "UPDATE", KindDML, nil)
}

// multiAssignValue returns the value of one column of SET (c1, c2, …) = (v1, v2, …).
func multiAssignValue(m *pg_query.MultiAssignRef) (*pg_query.Node, error) {
	if m.GetSource().GetSubLink() != nil {
		return nil, pgerror.Unsupported("SET (columns) = (subquery)")
	}
	row := m.GetSource().GetRowExpr()
	if row == nil {
		return nil, pgerror.New(pgerrcode.SyntaxError,
			"source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression")
	}
	args := row.GetArgs()
	if int(m.GetNcolumns()) != len(args) || m.GetColno() < 1 || int(m.GetColno()) > len(args) {
		return nil, pgerror.New(pgerrcode.SyntaxError, "number of columns does not match number of values")
	}
	return args[m.GetColno()-1], nil
}

// dmlTableRefs is the single target table of an UPDATE or DELETE, under its alias if any.
func dmlTableRefs(name *ast.TableName, alias string) *ast.TableRefsClause {
	return &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: name, AsName: cistr(alias)}}}
}

// dmlJoin adds the FROM items of UPDATE … FROM / DELETE … USING to the scope sc (which holds
// the target) and cross-joins them to the target in refs. It returns the target as the
// multi-table statement names it: its alias, or its qualified name.
func (t *translator) dmlJoin(refs *ast.TableRefsClause, name *ast.TableName, alias string, items []*pg_query.Node, sc *scope) (*ast.TableName, error) {
	from, err := t.fromClause(items, sc)
	if err != nil {
		return nil, err
	}
	refs.TableRefs.Right, refs.TableRefs.Tp = from.join(), ast.CrossJoin
	if alias != "" {
		return &ast.TableName{Name: cistr(alias)}, nil
	}
	return &ast.TableName{Schema: name.Schema, Name: name.Name}, nil
}

// dmlWhere translates the WHERE of an UPDATE or DELETE; WHERE CURRENT OF needs cursors.
func (t *translator) dmlWhere(where *pg_query.Node, sc *scope) (ast.ExprNode, error) {
	if where == nil {
		return nil, nil
	}
	if where.GetCurrentOfExpr() != nil {
		return nil, pgerror.Unsupported("WHERE CURRENT OF")
	}
	return t.predicate(where, sc, "WHERE")
}
