package translate

import (
	"fmt"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// distinctOn rewrites SELECT DISTINCT ON (k…) … ORDER BY … into the first row of each k group
// by ROW_NUMBER(), which is PostgreSQL's definition of DISTINCT ON:
//
//	SELECT d.c1 AS name1, … FROM (
//	    SELECT e1 AS c1, …, s1 AS s1, …, ROW_NUMBER() OVER (PARTITION BY k… ORDER BY …) AS rn
//	    FROM … WHERE … GROUP BY … HAVING …) AS d
//	WHERE d.rn = 1 ORDER BY d.s1, … LIMIT …
//
// The sort keys are computed inside (they may use columns the select list does not show) and
// carried out under internal names. sel is the translated inner query without ORDER BY/LIMIT.
func (t *translator) distinctOn(n *pg_query.SelectStmt, sc *scope, sel *ast.SelectStmt, outs []output) (*queryResult, error) {
	var keys []ast.ExprNode
	for _, d := range n.GetDistinctClause() {
		e, err := t.outputOrExpr(d, sc, outs)
		if err != nil {
			return nil, err
		}
		keys = append(keys, e)
	}
	var order []*ast.ByItem
	if s := n.GetSortClause(); len(s) > 0 {
		var err error
		if order, err = t.orderByKeys(s, sc, outs, true); err != nil {
			return nil, err
		}
		// PostgreSQL: the DISTINCT ON expressions must match the leftmost ORDER BY ones.
		var leading []string
		for _, it := range order {
			if _, nullKey := it.Expr.(*ast.ParenthesesExpr); nullKey {
				continue
			}
			leading = append(leading, t.exprText(it.Expr))
		}
		for i, k := range keys {
			if i >= len(leading) {
				break
			}
			found := false
			for _, l := range leading[:len(keys)] {
				if l == t.exprText(k) {
					found = true
				}
			}
			if !found || len(leading) < len(keys) {
				return nil, pgerror.New(pgerrcode.InvalidColumnReference,
					"SELECT DISTINCT ON expressions must match initial ORDER BY expressions")
			}
		}
	}
	const alias = "pgtidb_distinct_on"
	inner := sel
	inner.Fields = &ast.FieldList{}
	for i, o := range outs {
		inner.Fields.Fields = append(inner.Fields.Fields, &ast.SelectField{Expr: o.expr, AsName: cistr(fmt.Sprintf("c%d", i+1))})
	}
	outer := newSelect()
	outer.Fields = &ast.FieldList{}
	newOuts := make([]output, len(outs))
	for i, o := range outs {
		ref := &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(alias), Name: cistr(fmt.Sprintf("c%d", i+1))}}
		f := &ast.SelectField{Expr: ref, AsName: cistr(o.name)}
		outer.Fields.Fields = append(outer.Fields.Fields, f)
		newOuts[i] = output{name: o.name, typ: o.typ, expr: ref, field: f, notNull: o.notNull}
	}
	var outerOrder []*ast.ByItem
	for j, it := range order {
		name := fmt.Sprintf("s%d", j+1)
		inner.Fields.Fields = append(inner.Fields.Fields, &ast.SelectField{Expr: it.Expr, AsName: cistr(name)})
		outerOrder = append(outerOrder, &ast.ByItem{Expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(alias), Name: cistr(name)}}, Desc: it.Desc})
	}
	spec := ast.WindowSpec{PartitionBy: &ast.PartitionByClause{}}
	for _, k := range keys {
		spec.PartitionBy.Items = append(spec.PartitionBy.Items, &ast.ByItem{Expr: k})
	}
	if len(order) > 0 {
		spec.OrderBy = &ast.OrderByClause{Items: order}
	}
	inner.Fields.Fields = append(inner.Fields.Fields, &ast.SelectField{
		Expr: &ast.WindowFuncExpr{Name: "row_number", Spec: spec}, AsName: cistr("rn")})
	outer.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: inner, AsName: cistr(alias)}}}
	outer.Where = binop(opcode.EQ, &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(alias), Name: cistr("rn")}}, intLit(1))
	if len(outerOrder) > 0 {
		outer.OrderBy = &ast.OrderByClause{Items: outerOrder}
	}
	var err error
	if outer.Limit, err = t.limit(n); err != nil {
		return nil, err
	}
	if len(n.GetLockingClause()) > 0 {
		return nil, pgerror.New(pgerrcode.FeatureNotSupported, "FOR UPDATE is not allowed with DISTINCT clause")
	}
	return &queryResult{node: outer, cols: newOuts}, nil
}

// outputOrExpr resolves a DISTINCT ON item: a result column by position or name, or an
// expression over the input columns.
func (t *translator) outputOrExpr(n *pg_query.Node, sc *scope, outs []output) (ast.ExprNode, error) {
	o, err := outputRef(n, outs, "ORDER BY")
	if err != nil {
		return nil, pgerror.New(pgerrcode.InvalidColumnReference, strings.Replace(err.Error(), "ORDER BY", "SELECT DISTINCT ON", 1))
	}
	if o >= 0 {
		return outs[o].expr, nil
	}
	e, _, err := t.expr(n, sc)
	return e, err
}

// exprText renders an expression for comparisons between expressions.
func (t *translator) exprText(e ast.ExprNode) string {
	var sb strings.Builder
	saved := len(t.paramOrder)
	_ = e.Restore(format.NewRestoreCtx(RestoreFlags, &sb))
	t.paramOrder = t.paramOrder[:saved]
	return sb.String()
}
