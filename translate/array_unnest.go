package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// rangeFunction translates a function in FROM: pg_options_to_table (array_options.go),
// generate_series over integers (pgdump_series.go) and unnest(array) [WITH ORDINALITY], a
// derived table with one row per element — a UNION ALL of the elements when they are known, otherwise a recursive CTE counting the JSON array's positions. The array may not
// reference other FROM items: functionRows (from_function.go) translates that (PostgreSQL's
// implicit LATERAL), ROWS FROM, unnest of several arrays and generate_subscripts. left is what
// the function may name besides the enclosing query (nil when nothing is to its left).
func (t *translator) rangeFunction(rf *pg_query.RangeFunction, left *leftSide, sc *scope) (*fromItem, error) {
	if rf.GetIsRowsfrom() {
		return t.functionRows(rf, left, sc)
	}
	if len(rf.GetFunctions()) != 1 || len(rf.GetColdeflist()) > 0 {
		return nil, pgerror.Unsupported("column definition lists")
	}
	items := rf.GetFunctions()[0].GetList().GetItems()
	if len(items) == 0 || items[0].GetFuncCall() == nil || len(items) > 1 && items[1].GetList() != nil {
		return nil, pgerror.Unsupported("function in FROM")
	}
	fc := items[0].GetFuncCall()
	name, err := funcName(fc)
	if err != nil {
		return nil, err
	}
	if rows, err := t.rowsFunction(rf, name, fc, left, sc); err != nil || rows {
		if err != nil {
			return nil, err
		}
		return t.functionRows(rf, left, sc)
	}
	// LATERAL changes nothing for a function: it may always name the items to its left.
	if name == "pg_options_to_table" {
		return t.optionsToTable(rf, fc, sc) // array_options.go
	}
	if name == "generate_series" {
		return t.generateSeries(rf, fc, sc) // pgdump_series.go
	}
	if name == "pg_partition_ancestors" {
		return t.partitionAncestorsFrom(rf, fc, sc) // func_psql.go
	}
	if name != "unnest" {
		return nil, pgerror.Unsupported("function " + name + "() in FROM")
	}
	if fc.GetOver() != nil || fc.GetAggStar() || fc.GetAggDistinct() || fc.GetAggFilter() != nil {
		return nil, pgerror.Unsupported("unnest with aggregate decorations")
	}
	// The array is evaluated without the sibling FROM items (no LATERAL in TiDB).
	arr, ty, err := t.expr(fc.GetArgs()[0], &scope{parent: sc.parent, ctes: sc.ctes})
	if err != nil {
		if _, _, lateral := t.expr(fc.GetArgs()[0], sc); lateral == nil {
			return nil, pgerror.Unsupported("unnest of another FROM item's columns (LATERAL)")
		}
		return nil, err
	}
	if isUnknown(ty) {
		return nil, pgerror.New(pgerrcode.AmbiguousFunction, "function unnest(unknown) is not unique").
			WithHint("Could not choose a best candidate function. You might need to add explicit type casts.")
	}
	if !isArray(ty) {
		return nil, t.undefinedFunction("unnest", fc.GetArgs(), sc)
	}
	elem := arrayElemType(ty)
	arr = t.arrayOperand(arr, ty)
	alias := rf.GetAlias().GetAliasname()
	colNames := aliasColumns(rf.GetAlias())
	relName, valueName := "unnest", "unnest"
	if alias != "" {
		relName, valueName = alias, alias
	}
	if len(colNames) > 0 {
		valueName = colNames[0]
	}
	ordName := "ordinality"
	if len(colNames) > 1 {
		ordName = colNames[1]
	}
	want := 1
	if rf.GetOrdinality() {
		want = 2
	}
	if len(colNames) > want {
		return nil, pgerror.Newf(pgerrcode.InvalidColumnReference, "table %q has %d columns available but %d columns specified",
			relName, want, len(colNames))
	}
	var src ast.ResultSetNode
	if v := t.arrays[arr]; v != nil {
		src = t.unnestKnown(v, valueName, ordName, rf.GetOrdinality())
	} else {
		if src, err = t.unnestJSON(arr, elem, valueName, ordName, rf.GetOrdinality()); err != nil {
			return nil, err
		}
	}
	r := &rel{name: relName, cols: []relColumn{{name: valueName, typ: elem}}}
	if rf.GetOrdinality() {
		r.cols = append(r.cols, relColumn{name: ordName, typ: of(typemap.Int8), notNull: true})
	}
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, &ast.TableSource{Source: src, AsName: cistr(relName)}), nil
}

// unnestKnown is one SELECT per known element, UNION ALL.
func (t *translator) unnestKnown(v *arrayValue, valueName, ordName string, ordinality bool) ast.ResultSetNode {
	row := func(e ast.ExprNode, i int) *ast.SelectStmt {
		fields := []*ast.SelectField{{Expr: e, AsName: cistr(valueName)}}
		if ordinality {
			fields = append(fields, &ast.SelectField{Expr: intLit(int64(i)), AsName: cistr(ordName)})
		}
		return &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Kind: ast.SelectStmtKindSelect,
			Fields: &ast.FieldList{Fields: fields}}
	}
	if len(v.elems) == 0 {
		empty := row(castTo(nullLit(), v.elem), 0)
		empty.Where = boolLit(false)
		return empty
	}
	if len(v.elems) == 1 {
		return row(v.elems[0], 1)
	}
	list := &ast.SetOprSelectList{}
	union := ast.UnionAll
	for i, e := range v.elems {
		s := row(e, i+1)
		if i > 0 {
			s.AfterSetOperator = &union
		}
		list.Selects = append(list.Selects, s)
	}
	return &ast.SetOprStmt{SelectList: list}
}

// unnestJSON counts the positions of a JSON array with a recursive CTE and extracts each. The
// array is computed once, in a CTE of its own (TiDB refuses aggregates, as in ARRAY(subquery),
// inside the recursive part).
func (t *translator) unnestJSON(arr ast.ExprNode, elem typemap.Type, valueName, ordName string, ordinality bool) (ast.ResultSetNode, error) {
	const arrCTE, seq, pos, val = "pgtidb_unnest_array", "pgtidb_unnest_pos", "i", "a"
	col, from := qualifiedColumn, crossJoinNames
	sel := func(fields []*ast.SelectField, refs *ast.TableRefsClause, where ast.ExprNode) *ast.SelectStmt {
		return &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Kind: ast.SelectStmtKindSelect,
			Fields: &ast.FieldList{Fields: fields}, From: refs, Where: where}
	}
	length := funcCall("JSON_LENGTH", col(arrCTE, val))
	arrayQuery := sel([]*ast.SelectField{{Expr: arr, AsName: cistr(val)}}, nil, nil)
	start := sel([]*ast.SelectField{{Expr: intLit(0), AsName: cistr(pos)}}, from(arrCTE), binop(opcode.GT, length, intLit(0)))
	next := binop(opcode.Plus, col(seq, pos), intLit(1))
	step := sel([]*ast.SelectField{{Expr: next}}, from(seq, arrCTE), binop(opcode.LT, next, length))
	union := ast.UnionAll
	step.AfterSetOperator = &union
	ctes := []*ast.CommonTableExpression{
		{Name: cistr(arrCTE), Query: &ast.SubqueryExpr{Query: arrayQuery}},
		{Name: cistr(seq), IsRecursive: true,
			Query: &ast.SubqueryExpr{Query: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{start, step}}}}},
	}
	path := funcCall("CONCAT", strLit("$["), col(seq, pos), strLit("]"))
	value, err := fromJSONElement(funcCall("JSON_EXTRACT", col(arrCTE, val), path), elem)
	if err != nil {
		return nil, err
	}
	fields := []*ast.SelectField{{Expr: value, AsName: cistr(valueName)}}
	if ordinality {
		fields = append(fields, &ast.SelectField{Expr: next, AsName: cistr(ordName)})
	}
	out := sel(fields, from(seq, arrCTE), nil)
	out.With = &ast.WithClause{IsRecursive: true, CTEs: ctes}
	out.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: col(seq, pos)}}}
	return out, nil
}

// crossJoinNames is FROM the named tables (the WITH queries of a recursive CTE), cross joined.
func crossJoinNames(tables ...string) *ast.TableRefsClause {
	var join *ast.Join
	for _, name := range tables {
		src := &ast.TableSource{Source: &ast.TableName{Name: cistr(name)}}
		if join == nil {
			join = &ast.Join{Left: src}
		} else {
			join = &ast.Join{Left: join, Right: src, Tp: ast.CrossJoin}
		}
	}
	return &ast.TableRefsClause{TableRefs: join}
}
