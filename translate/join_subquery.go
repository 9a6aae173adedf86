package translate

import (
	"strconv"

	"github.com/pingcap/tidb/pkg/parser/ast"
)

// Subqueries in a join's ON condition.
//
// TiDB refuses them ("ON condition doesn't support subqueries yet"); ORMs send them (GORM's
// ColumnTypes: LEFT JOIN pg_description pd ON … pd.objoid = (SELECT oid FROM pg_class WHERE
// relname = c.table_name …)). A subquery whose outer references all name one FROM item of
// the join (or none) computes a value of that item's row: hoistOnSubqueries moves it into
// that item, which becomes the derived table (SELECT x.*, (subquery) AS pgtidb_on_N FROM … AS
// x) AS x, and the condition reads x.pgtidb_on_N. The join pairs the same rows.

// hoistOnSubqueries rewrites the subqueries of cond, the ON condition of join, as above. It
// returns the condition to use, or ok false when a subquery cannot be moved (outer references
// to several FROM items, an item not found).
func (t *translator) hoistOnSubqueries(join *ast.Join, cond ast.ExprNode) (ast.ExprNode, bool) {
	h := &onHoister{t: t, join: join, ok: true}
	out, _ := cond.Accept(h)
	if !h.ok || h.moved == 0 {
		return cond, h.ok
	}
	return out.(ast.ExprNode), true
}

type onHoister struct {
	t     *translator
	join  *ast.Join
	ok    bool
	moved int
}

func (h *onHoister) Enter(n ast.Node) (ast.Node, bool) {
	if _, ok := n.(*ast.SubqueryExpr); ok {
		return n, true // handled in Leave, not walked into
	}
	return n, false
}

func (h *onHoister) Leave(n ast.Node) (ast.Node, bool) {
	sq, ok := n.(*ast.SubqueryExpr)
	if !ok || !h.ok {
		return n, true
	}
	outer, ok := outerQualifiers(sq)
	if !ok || len(outer) > 1 {
		h.ok = false
		return n, true
	}
	var ts *ast.TableSource
	if len(outer) == 1 {
		for name := range outer {
			ts = findTableSource(h.join, name)
		}
	} else {
		ts = firstTableSource(h.join)
	}
	if ts == nil {
		h.ok = false
		return n, true
	}
	alias := ts.AsName
	if alias.L == "" {
		if tn, ok := ts.Source.(*ast.TableName); ok {
			alias = tn.Name
		}
	}
	h.t.onHoisted++
	col := "pgtidb_on_" + strconv.Itoa(h.t.onHoisted)
	inner := &ast.TableSource{Source: ts.Source, AsName: alias}
	ts.Source = &ast.SelectStmt{Kind: ast.SelectStmtKindSelect, SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true},
		Fields: &ast.FieldList{Fields: []*ast.SelectField{
			{WildCard: &ast.WildCardField{Table: alias}},
			{Expr: sq, AsName: cistr(col)},
		}},
		From: &ast.TableRefsClause{TableRefs: &ast.Join{Left: inner}}}
	ts.AsName = alias
	h.moved++
	return qualifiedColumn(alias.O, col), true
}

// outerQualifiers are the relation names the column references of subquery sq qualify with
// that no FROM item inside sq defines.
func outerQualifiers(sq *ast.SubqueryExpr) (map[string]bool, bool) {
	c := &qualifierCollector{used: map[string]bool{}, defined: map[string]bool{}, ok: true}
	sq.Query.Accept(c)
	if !c.ok {
		return nil, false
	}
	out := map[string]bool{}
	for q := range c.used {
		if !c.defined[q] {
			out[q] = true
		}
	}
	return out, true
}

type qualifierCollector struct {
	used, defined map[string]bool
	ok            bool
}

func (c *qualifierCollector) Enter(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.ColumnNameExpr:
		// The translator qualifies every column of the query; an unqualified one is of a
		// catalog emulation's text, inner.
		if x.Name.Table.L != "" {
			c.used[x.Name.Table.L] = true
		}
	case *ast.TableSource:
		if x.AsName.L != "" {
			c.defined[x.AsName.L] = true
		} else if tn, ok := x.Source.(*ast.TableName); ok {
			c.defined[tn.Name.L] = true
		}
	case *ast.CommonTableExpression:
		c.defined[x.Name.L] = true
	}
	return n, false
}

func (c *qualifierCollector) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// findTableSource is the FROM item of join (not inside a derived table) named name.
func findTableSource(r ast.ResultSetNode, name string) *ast.TableSource {
	switch x := r.(type) {
	case *ast.Join:
		if ts := findTableSource(x.Left, name); ts != nil {
			return ts
		}
		if x.Right != nil {
			return findTableSource(x.Right, name)
		}
	case *ast.TableSource:
		if x.AsName.L == name {
			return x
		}
		if tn, ok := x.Source.(*ast.TableName); ok && x.AsName.L == "" && tn.Name.L == name {
			return x
		}
		if j, ok := x.Source.(*ast.Join); ok {
			return findTableSource(j, name)
		}
	}
	return nil
}

// firstTableSource is the first FROM item of join.
func firstTableSource(r ast.ResultSetNode) *ast.TableSource {
	switch x := r.(type) {
	case *ast.Join:
		return firstTableSource(x.Left)
	case *ast.TableSource:
		if j, ok := x.Source.(*ast.Join); ok {
			return firstTableSource(j)
		}
		return x
	}
	return nil
}
