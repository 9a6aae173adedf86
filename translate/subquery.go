package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// subLink translates a subquery used as an expression: scalar (x), EXISTS, x IN (SELECT …),
// and x op ANY/ALL (SELECT …). The subquery sees the enclosing query's columns.
func (t *translator) subLink(s *pg_query.SubLink, sc *scope) (ast.ExprNode, typemap.Type, error) {
	sel := s.GetSubselect().GetSelectStmt()
	if sel == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("subquery form")
	}
	kind := s.GetSubLinkType()
	switch kind {
	case pg_query.SubLinkType_ARRAY_SUBLINK:
		return t.arraySublink(sel, sc)
	case pg_query.SubLinkType_ROWCOMPARE_SUBLINK, pg_query.SubLinkType_MULTIEXPR_SUBLINK:
		return nil, typemap.Type{}, pgerror.Unsupported("row comparison with a subquery")
	}
	if s.GetTestexpr().GetRowExpr() != nil {
		return nil, typemap.Type{}, pgerror.Unsupported("row comparison with a subquery")
	}
	q, err := t.query(sel, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	sub := &ast.SubqueryExpr{Query: q.node}
	if kind == pg_query.SubLinkType_EXISTS_SUBLINK {
		sub.Exists = true
		return &ast.ExistsSubqueryExpr{Sel: sub}, of(typemap.Bool), nil
	}
	if len(q.cols) != 1 {
		if len(q.cols) > 1 {
			return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "subquery must return only one column")
		}
		return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "subquery must return a column")
	}
	colType := q.cols[0].typ
	if isUnknown(colType) {
		colType = of(typemap.Text)
		if f := q.cols[0].field; f != nil {
			if f.Expr, _, err = t.coerce(f.Expr, q.cols[0].typ, colType); err != nil {
				return nil, typemap.Type{}, err
			}
		}
	}
	switch kind {
	case pg_query.SubLinkType_EXPR_SUBLINK:
		return sub, colType, nil
	case pg_query.SubLinkType_ANY_SUBLINK, pg_query.SubLinkType_ALL_SUBLINK:
		if s.GetTestexpr().GetRowExpr() != nil {
			return nil, typemap.Type{}, pgerror.Unsupported("row comparison with a subquery")
		}
		l, lt, err := t.expr(s.GetTestexpr(), sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		op := "="
		if names := s.GetOperName(); len(names) > 0 {
			op = names[len(names)-1].GetString_().GetSval()
		}
		if l, _, _, err = t.unify(l, lt, sub, colType, op); err != nil {
			return nil, typemap.Type{}, err
		}
		if kind == pg_query.SubLinkType_ANY_SUBLINK && len(s.GetOperName()) == 0 {
			return &ast.PatternInExpr{Expr: paren(l), Sel: sub}, of(typemap.Bool), nil
		}
		cop, ok := comparisonOps[op]
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported("operator " + op + " with ANY/ALL")
		}
		return &ast.CompareSubqueryExpr{L: paren(l), Op: cop, R: sub, All: kind == pg_query.SubLinkType_ALL_SUBLINK}, of(typemap.Bool), nil
	}
	return nil, typemap.Type{}, pgerror.Unsupported("subquery form")
}
