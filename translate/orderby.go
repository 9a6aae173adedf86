package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
)

// orderBy translates ORDER BY items. A bare name matches a result column first and an ordinal
// names one (outs != nil); other expressions are over the input columns, as in PostgreSQL.
//
// NULL ordering: PostgreSQL sorts NULL as larger than every value (ASC → NULLS LAST, DESC →
// NULLS FIRST); TiDB sorts it as smaller. Where the two differ, a `(x IS NULL)` key is put
// before x, unless x is known never to be NULL.
func (t *translator) orderBy(items []*pg_query.Node, sc *scope, outs []output) ([]*ast.ByItem, error) {
	return t.orderByKeys(items, sc, outs, false)
}

// orderByKeys is orderBy; with exprKeys, a result column named by position or name is sorted
// on its expression rather than its position (for window ORDER BY, where positions mean
// constants).
func (t *translator) orderByKeys(items []*pg_query.Node, sc *scope, outs []output, exprKeys bool) ([]*ast.ByItem, error) {
	var out []*ast.ByItem
	for _, n := range items {
		sb := n.GetSortBy()
		if sb == nil {
			return nil, pgerror.Unsupported("ORDER BY item " + nodeName(n))
		}
		if sb.GetSortbyDir() == pg_query.SortByDir_SORTBY_USING {
			return nil, pgerror.Unsupported("ORDER BY … USING")
		}
		key, nullKey, expr, notNull, err := t.sortKey(sb.GetNode(), sc, outs)
		if exprKeys {
			key, nullKey = expr, expr
		}
		if err != nil {
			return nil, err
		}
		desc := sb.GetSortbyDir() == pg_query.SortByDir_SORTBY_DESC
		nullsFirst := desc
		switch sb.GetSortbyNulls() {
		case pg_query.SortByNulls_SORTBY_NULLS_FIRST:
			nullsFirst = true
		case pg_query.SortByNulls_SORTBY_NULLS_LAST:
			nullsFirst = false
		}
		// TiDB puts NULLs first for ASC and last for DESC.
		if nullsFirst != !desc && !notNull {
			out = append(out, &ast.ByItem{Expr: &ast.ParenthesesExpr{Expr: isNull(nullKey, false)}, Desc: nullsFirst})
		}
		out = append(out, &ast.ByItem{Expr: key, Desc: desc})
	}
	return out, nil
}

// sortKey resolves one ORDER BY expression: the key to sort on, the expression to test for
// NULL, and whether it is known never to be NULL.
func (t *translator) sortKey(n *pg_query.Node, sc *scope, outs []output) (key, nullKey, expr ast.ExprNode, notNull bool, err error) {
	if outs != nil {
		o, err := outputRef(n, outs, "ORDER BY")
		if err != nil {
			return nil, nil, nil, false, err
		}
		if o >= 0 {
			c := outs[o]
			if _, ok := c.expr.(*ast.ColumnNameExpr); ok {
				return c.expr, c.expr, c.expr, c.notNull, nil
			}
			// The ordinal sorts on the computed column itself. The NULL test names the column
			// by its alias when that is unambiguous (TiDB does not see a repeated expression as
			// grouped under GROUP BY), else repeats the expression.
			nullKey := c.expr
			if uniqueAlias(c.name, outs, sc) {
				nullKey = &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c.name)}}
			}
			return intLit(int64(o + 1)), nullKey, c.expr, c.notNull || isLiteral(c.expr), nil
		}
	}
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, nil, nil, false, err
	}
	if isUnknown(ty) {
		// ORDER BY 'x' sorts by a constant.
		return e, e, e, true, nil
	}
	return e, e, e, t.notNull[e] || isLiteral(e), nil
}

// isLiteral reports whether e is a non-NULL constant.
func isLiteral(e ast.ExprNode) bool {
	if _, ok := isParam(e); ok {
		return false
	}
	v, ok := e.(ast.ValueExpr)
	return ok && v.GetValue() != nil
}

// outputRef finds the result column an ORDER BY / GROUP BY item names: an integer constant is
// a position, a bare unqualified name a result column name. It returns -1 when the item is an
// ordinary expression.
func outputRef(n *pg_query.Node, outs []output, clause string) (int, error) {
	if c := n.GetAConst(); c != nil && c.GetIval() != nil {
		pos := int(c.GetIval().GetIval())
		if pos < 1 || pos > len(outs) {
			return 0, pgerror.Newf(pgerrcode.InvalidColumnReference, "%s position %d is not in select list", clause, pos)
		}
		return pos - 1, nil
	}
	cr := n.GetColumnRef()
	if cr == nil || clause != "ORDER BY" {
		return -1, nil
	}
	names, star := columnRefFields(cr)
	if star || len(names) != 1 {
		return -1, nil
	}
	found := -1
	for i, o := range outs {
		if o.name == names[0] {
			if found >= 0 && !sameExpr(outs[found].expr, o.expr) {
				return 0, pgerror.Newf(pgerrcode.AmbiguousColumn, "ORDER BY %q is ambiguous", names[0])
			}
			if found < 0 {
				found = i
			}
		}
	}
	return found, nil
}

// sameExpr reports whether two result expressions are the same column reference.
func sameExpr(a, b ast.ExprNode) bool {
	ca, ok1 := a.(*ast.ColumnNameExpr)
	cb, ok2 := b.(*ast.ColumnNameExpr)
	return ok1 && ok2 && ca.Name.Table.L == cb.Name.Table.L && ca.Name.Name.L == cb.Name.Name.L
}

// groupBy translates GROUP BY items: a position names a result column; a bare name is an input
// column first and a result column name otherwise, as in PostgreSQL.
func (t *translator) groupBy(items []*pg_query.Node, sc *scope, outs []output) (*ast.GroupByClause, error) {
	g := &ast.GroupByClause{}
	// GROUP BY ROLLUP (a, b) alone is TiDB's GROUP BY a, b WITH ROLLUP: the same grouping
	// sets (a, b), (a), (). Other grouping sets have no TiDB form.
	if len(items) == 1 {
		if gs := items[0].GetGroupingSet(); gs != nil && gs.GetKind() == pg_query.GroupingSetKind_GROUPING_SET_ROLLUP {
			for _, c := range gs.GetContent() {
				if c.GetGroupingSet() != nil || c.GetList() != nil {
					return nil, pgerror.Unsupported("ROLLUP with nested column lists")
				}
			}
			inner, err := t.groupBy(gs.GetContent(), sc, outs)
			if err != nil {
				return nil, err
			}
			inner.Rollup = true
			return inner, nil
		}
	}
	for _, n := range items {
		switch n.GetNode().(type) {
		case *pg_query.Node_GroupingSet:
			return nil, pgerror.Unsupported("GROUPING SETS, CUBE and ROLLUP combined with other grouping items")
		}
		o, err := outputRef(n, outs, "GROUP BY")
		if err != nil {
			return nil, err
		}
		if o >= 0 {
			g.Items = append(g.Items, &ast.ByItem{Expr: intLit(int64(o + 1))})
			continue
		}
		e, _, err := t.expr(n, sc)
		if err != nil {
			if pgerror.Code(err) == pgerrcode.UndefinedColumn {
				if names, star := columnRefFields(n.GetColumnRef()); !star && len(names) == 1 {
					for i, out := range outs {
						if out.name == names[0] {
							g.Items = append(g.Items, &ast.ByItem{Expr: intLit(int64(i + 1))})
							err = nil
							break
						}
					}
				}
			}
			if err != nil {
				return nil, err
			}
			continue
		}
		g.Items = append(g.Items, &ast.ByItem{Expr: e})
	}
	return g, nil
}

// uniqueAlias reports whether name names exactly one result column and no column of the
// query's FROM items, so that TiDB resolves it in ORDER BY to that result column.
func uniqueAlias(name string, outs []output, sc *scope) bool {
	n := 0
	for _, o := range outs {
		if o.name == name {
			n++
		}
	}
	if n != 1 || sc == nil {
		return n == 1 && sc == nil
	}
	for _, r := range sc.rels {
		if r.column(name) != nil {
			return false
		}
	}
	return true
}
