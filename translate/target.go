package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// targetList translates a SELECT list: `*` and `t.*` are expanded from the FROM items, every
// other entry is translated with the result-column name PostgreSQL would give it. Each TiDB
// select field carries that name as its alias, so derived tables and WITH queries expose the
// PostgreSQL names.
func (t *translator) targetList(targets []*pg_query.Node, sc *scope, from *fromList) ([]output, error) {
	var outs []output
	for _, n := range targets {
		rt := n.GetResTarget()
		if rt == nil {
			return nil, pgerror.Unsupported("target " + nodeName(n))
		}
		if cr := rt.GetVal().GetColumnRef(); cr != nil {
			names, star := columnRefFields(cr)
			if star {
				expanded, err := t.expandStar(names, sc, from)
				if err != nil {
					return nil, err
				}
				outs = append(outs, expanded...)
				continue
			}
		}
		var e ast.ExprNode
		var ty typemap.Type
		translate := func() (err error) {
			e, ty, err = t.expr(rt.GetVal(), sc)
			return err
		}
		var err error
		if t.drawTargets {
			err = t.drawItem(rt.GetVal(), translate)
		} else {
			err = translate()
		}
		if err != nil {
			return nil, err
		}
		name := rt.GetName()
		if name == "" {
			name, _ = resultColumnName(rt.GetVal())
		}
		outs = append(outs, t.newOutput(name, ty, e))
	}
	return outs, nil
}

// newOutput makes the select field of a result column.
func (t *translator) newOutput(name string, ty typemap.Type, e ast.ExprNode) output {
	f := &ast.SelectField{Expr: e}
	if cn, ok := e.(*ast.ColumnNameExpr); !ok || cn.Name.Name.O != name {
		f.AsName = cistr(name)
	}
	return output{name: name, typ: ty, expr: e, field: f, notNull: t.notNull[e]}
}

// expandStar expands `*` (every FROM item) or `rel.*`.
func (t *translator) expandStar(names []string, sc *scope, from *fromList) ([]output, error) {
	var cols []starColumn
	switch len(names) {
	case 0:
		if from == nil {
			return nil, pgerror.New(pgerrcode.SyntaxError, "SELECT * with no tables specified is not valid")
		}
		cols = from.star()
	case 1, 2:
		relName := names[len(names)-1]
		var found *rel
		for _, r := range sc.rels {
			if !r.merged && r.name == relName && (len(names) == 1 || r.schema == names[0]) {
				found = r
			}
		}
		if found == nil {
			for _, r := range sc.rels {
				if r.table == relName {
					return nil, pgerror.Newf(pgerrcode.UndefinedTable,
						"invalid reference to FROM-clause entry for table %q", relName)
				}
			}
			return nil, pgerror.Newf(pgerrcode.UndefinedTable, "missing FROM-clause entry for table %q", relName)
		}
		for i := range found.cols {
			c := &found.cols[i]
			cols = append(cols, starColumn{name: c.name, col: c, rel: found, ref: found.columnName(c)})
		}
	default:
		return nil, pgerror.Unsupported("qualified star with more than two names")
	}
	var outs []output
	for _, c := range cols {
		if c.col.refused != "" {
			return nil, pgerror.Unsupported(c.col.refused)
		}
		e := c.expr()
		if c.col.notNull && (c.rel == nil || !c.rel.nullable) {
			t.markNotNull(e)
		}
		outs = append(outs, t.newOutput(c.name, c.col.typ, e))
	}
	return outs, nil
}

// resultColumnName is PostgreSQL's FigureColname: the result-column name of an expression without
// alias, and how strongly the expression determines it (a cast's type name is weaker than a
// column or function name inside it).
func resultColumnName(n *pg_query.Node) (string, int) {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_ColumnRef:
		names, star := columnRefFields(x.ColumnRef)
		if star || len(names) == 0 {
			return "?column?", 0
		}
		return names[len(names)-1], 2
	case *pg_query.Node_FuncCall:
		fn := x.FuncCall.GetFuncname()
		if len(fn) > 0 {
			return fn[len(fn)-1].GetString_().GetSval(), 2
		}
	case *pg_query.Node_AExpr:
		if x.AExpr.GetKind() == pg_query.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif", 2
		}
	case *pg_query.Node_TypeCast:
		name, strength := resultColumnName(x.TypeCast.GetArg())
		if strength <= 1 {
			tn := x.TypeCast.GetTypeName().GetNames()
			if len(tn) > 0 {
				return tn[len(tn)-1].GetString_().GetSval(), 1
			}
		}
		return name, strength
	case *pg_query.Node_CollateClause:
		return resultColumnName(x.CollateClause.GetArg())
	case *pg_query.Node_SubLink:
		switch x.SubLink.GetSubLinkType() {
		case pg_query.SubLinkType_EXISTS_SUBLINK:
			return "exists", 2
		case pg_query.SubLinkType_ARRAY_SUBLINK:
			return "array", 2
		case pg_query.SubLinkType_EXPR_SUBLINK:
			sel := x.SubLink.GetSubselect().GetSelectStmt()
			if tl := sel.GetTargetList(); len(tl) > 0 {
				rt := tl[0].GetResTarget()
				if rt.GetName() != "" {
					return rt.GetName(), 2
				}
				name, _ := resultColumnName(rt.GetVal())
				return name, 2
			}
		}
	case *pg_query.Node_CaseExpr:
		// The ELSE result's name when it has a strong one (FigureColnameInternal).
		if d := x.CaseExpr.GetDefresult(); d != nil {
			if name, strength := resultColumnName(d); strength > 1 {
				return name, strength
			}
		}
		return "case", 1
	case *pg_query.Node_AArrayExpr:
		return "array", 2
	case *pg_query.Node_AIndirection:
		// Subscripts keep the name of what they subscript (FigureColnameInternal).
		if ind := x.AIndirection.GetIndirection(); len(ind) > 0 && ind[len(ind)-1].GetString_() != nil {
			return ind[len(ind)-1].GetString_().GetSval(), 2
		}
		return resultColumnName(x.AIndirection.GetArg())
	case *pg_query.Node_RowExpr:
		return "row", 2
	case *pg_query.Node_CoalesceExpr:
		return "coalesce", 2
	case *pg_query.Node_MinMaxExpr:
		if x.MinMaxExpr.GetOp() == pg_query.MinMaxOp_IS_LEAST {
			return "least", 2
		}
		return "greatest", 2
	case *pg_query.Node_SqlvalueFunction:
		return sqlValueFunctionName(x.SqlvalueFunction), 2
	case *pg_query.Node_GroupingFunc:
		return "grouping", 2
	}
	return "?column?", 0
}
