package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// generateSeries translates generate_series(start, stop [, step]) in FROM over integers
// (pg_dump's publication query walks `generate_series(0, array_upper(prattrs::int2[], 1))`):
// start, start+step, … while not past stop; no row when start is past stop or an argument is
// NULL. The result is int8 when an argument is int8, else int4 (seriesType: PostgreSQL finds
// no unique form when all are smallint or untyped). A recursive WITH query counts:
//
//	WITH RECURSIVE pgtidb_gs_args(lo, hi) AS (SELECT start, stop),
//	  pgtidb_gs(v) AS (SELECT lo FROM pgtidb_gs_args WHERE lo <= hi
//	    UNION ALL SELECT v + step FROM pgtidb_gs, pgtidb_gs_args WHERE v + step <= hi)
//	SELECT v FROM pgtidb_gs
//
// (>= for a negative step). The step must be a non-zero constant: PostgreSQL raises an error
// for a zero step, which a computed step could only find at run time. The arguments may read
// the enclosing query's columns, not sibling FROM items (no LATERAL in TiDB). Other argument
// types (numeric, timestamps) and WITH ORDINALITY are refused.
func (t *translator) generateSeries(rf *pg_query.RangeFunction, fc *pg_query.FuncCall, sc *scope) (*fromItem, error) {
	args := fc.GetArgs()
	if len(args) < 2 || len(args) > 3 || fc.GetOver() != nil || fc.GetAggStar() || fc.GetAggDistinct() || fc.GetAggFilter() != nil {
		return nil, t.undefinedFunction("generate_series", args, sc)
	}
	if rf.GetOrdinality() {
		return nil, pgerror.Unsupported("generate_series() WITH ORDINALITY")
	}
	outer := &scope{parent: sc.parent, ctes: sc.ctes}
	exprs := make([]ast.ExprNode, len(args))
	types := make([]typemap.Type, len(args))
	for i, n := range args {
		e, ty, err := t.expr(n, outer)
		if err != nil {
			if _, _, lateral := t.expr(n, sc); lateral == nil {
				return nil, pgerror.Unsupported("generate_series of another FROM item's columns (LATERAL)")
			}
			return nil, err
		}
		exprs[i], types[i] = e, ty
	}
	resTy, err := seriesType(types) // srf_select_list.go
	if err != nil {
		return nil, err
	}
	for i, e := range exprs {
		if e, _, err = t.coerce(e, types[i], resTy); err != nil {
			return nil, err
		}
		if !simpleOperand(e) {
			return nil, pgerror.Unsupported("generate_series of a value computed by a volatile expression")
		}
		exprs[i] = e
	}
	step := int64(1)
	if len(exprs) == 3 {
		if isNullLit(exprs[2]) {
			step = 0 // no row
		} else {
			s, ok := intValue(exprs[2])
			if !ok {
				return nil, pgerror.Unsupported("generate_series with a step that is not a constant")
			}
			if s == 0 {
				return nil, pgerror.New(pgerrcode.InvalidParameterValue, "step size cannot equal zero")
			}
			step = s
		}
	}
	const argsCTE, seqCTE = "pgtidb_gs_args", "pgtidb_gs"
	col, from := qualifiedColumn, crossJoinNames
	cmp := opcode.LE
	if step < 0 {
		cmp = opcode.GE
	}
	hi := col(argsCTE, "hi")
	argsSel := newSelect()
	argsSel.Fields = &ast.FieldList{Fields: []*ast.SelectField{
		{Expr: castTo(exprs[0], of(typemap.Int8))}, {Expr: castTo(exprs[1], of(typemap.Int8))}}}
	first := newSelect()
	first.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: col(argsCTE, "lo")}}}
	first.From = from(argsCTE)
	first.Where = binop(cmp, col(argsCTE, "lo"), hi)
	if step == 0 {
		first.Where = boolLit(false)
	}
	next := binop(opcode.Plus, col(seqCTE, "v"), intLit(step))
	rest := newSelect()
	rest.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: next}}}
	rest.From = from(seqCTE, argsCTE)
	rest.Where = binop(cmp, next, hi)
	unionAll := ast.UnionAll
	rest.AfterSetOperator = &unionAll
	out := newSelect()
	out.With = &ast.WithClause{IsRecursive: true, CTEs: []*ast.CommonTableExpression{
		{Name: cistr(argsCTE), ColNameList: []model.CIStr{cistr("lo"), cistr("hi")}, Query: &ast.SubqueryExpr{Query: argsSel}},
		{Name: cistr(seqCTE), IsRecursive: true, ColNameList: []model.CIStr{cistr("v")},
			Query: &ast.SubqueryExpr{Query: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{first, rest}}}}},
	}}
	relName, valueName := "generate_series", "generate_series"
	if a := rf.GetAlias().GetAliasname(); a != "" {
		relName, valueName = a, a
	}
	colNames := aliasColumns(rf.GetAlias())
	if len(colNames) > 1 {
		return nil, pgerror.Newf(pgerrcode.InvalidColumnReference, "table %q has 1 columns available but %d columns specified",
			relName, len(colNames))
	}
	if len(colNames) == 1 {
		valueName = colNames[0]
	}
	out.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: col(seqCTE, "v"), AsName: cistr(valueName)}}}
	out.From = from(seqCTE)
	r := &rel{name: relName, cols: []relColumn{{name: valueName, typ: resTy, notNull: true}}}
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, &ast.TableSource{Source: out, AsName: cistr(relName)}), nil
}
