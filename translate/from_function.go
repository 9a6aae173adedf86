package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// Set-returning functions in FROM run by the select-list machinery (srf_select_list.go):
//
//	unnest(a, b, …)                      one column per array, as ROWS FROM(unnest(a), unnest(b), …)
//	ROWS FROM(f(…), g(…), …)             f, g among unnest(array|vector), generate_subscripts,
//	                                     generate_series over integers
//	unnest/generate_series/generate_subscripts whose arguments name FROM items to their left
//	                                     (PostgreSQL's implicit LATERAL for functions in FROM; the
//	                                     LATERAL keyword means the same)
//
// with WITH ORDINALITY and column aliases. As in PostgreSQL, the functions run in lockstep: for
// each row of the items to the left, as many rows as the longest function returns, a shorter
// one giving NULL after its end, none when every one is empty (a cross join); the ordinality
// counts from 1. TiDB has no LATERAL, so the function takes the items to its left into itself:
//
//	FROM a, b, unnest(b.x, b.y) WITH ORDINALITY u(p, q, n)
//
// becomes one derived table over the left items' join, expanded by the recursive WITH query of
// srfRecursion:
//
//	FROM (WITH RECURSIVE pgtidb_rows1(pgtidb_c0, …, pgtidb_n0, …, pgtidb_i) AS (…
//	        SELECT a.id AS pgtidb_c0, …, b.x AS pgtidb_c5, b.y AS pgtidb_c6 FROM a JOIN b …)
//	      SELECT s.pgtidb_c0 AS pgtidb_c0, …, <element> AS pgtidb_v0, <element> AS pgtidb_v1,
//	             s.pgtidb_i + 1 AS pgtidb_o FROM pgtidb_rows1 s WHERE s.pgtidb_i < GREATEST(…)) AS pgtidb_lateral1
//
// Every column of every left relation (merged USING columns too) is carried under a hidden
// name, and the relations stay in the scope under their own names with each column redirected
// to the derived table's (relColumn.src): a, b, u and their columns resolve in SELECT, WHERE and
// ON as before, and `*` expands to the left items' columns, then the function's. An INNER JOIN's
// ON filters the derived table; a LEFT JOIN keeps a left row that no function row matches (or
// whose functions are all empty) once, with NULLs (lateralJoin). Refused (0A000): USING or
// NATURAL with such a function, one inside a RIGHT JOIN (or a JOIN not at the left edge of its
// FROM item) naming the FROM list's items before that JOIN (FROM a, b JOIN f(a.x) ON … is read
// as FROM (a, b) JOIN f(a.x) ON …), FOR UPDATE over it, a column definition list, other
// functions. A RIGHT JOIN to it is PostgreSQL's 42P10 (FULL JOIN is refused before).

// leftSide is what a function in FROM may name: the FROM items to its left, combined (nil when
// none), how it joins them, and the relations of the query level it may not name (the FROM
// list's items before a JOIN it is inside).
type leftSide struct {
	item    *fromItem
	tp      ast.JoinType
	outside []*rel
	// underRight is set when the function is inside a RIGHT JOIN's left side, the left side
	// being the FROM list's items before that JOIN.
	underRight bool
	// wider is the JOIN's left side cross joined after the FROM list's items before the JOIN,
	// when the JOIN is at the left edge of its FROM item under no RIGHT JOIN: a function
	// naming those items takes them too (item becomes wider).
	wider *fromItem
	// filtered is set for a LEFT JOIN ON a condition other than true: the derived table then
	// also numbers the left rows (pgtidb_r) and shows the positions (pgtidb_i) for lateralJoin.
	filtered bool
}

// rowsFunction reports whether rf is translated here: ROWS FROM, unnest of several arrays,
// generate_subscripts, a function WITH ORDINALITY other than unnest, or a function (among the
// select-list ones) whose arguments name its left side.
func (t *translator) rowsFunction(rf *pg_query.RangeFunction, name string, fc *pg_query.FuncCall, left *leftSide, sc *scope) (bool, error) {
	if rf.GetIsRowsfrom() {
		return true, nil
	}
	if !srfTargetNames[name] {
		return false, nil
	}
	if name == "generate_subscripts" || name == "unnest" && len(fc.GetArgs()) != 1 || name != "unnest" && rf.GetOrdinality() {
		return true, nil
	}
	_, lateral, err := t.lateralScope(fc.GetArgs(), left, sc)
	return lateral, err
}

// lateralScope finds the scope the arguments of a function in FROM are translated in: the
// enclosing query's alone, or with the left side's relations (lateral). Naming a relation of
// the query level beyond the left side is refused.
func (t *translator) lateralScope(args []*pg_query.Node, left *leftSide, sc *scope) (*scope, bool, error) {
	outer := &scope{parent: sc.parent, ctes: sc.ctes}
	try := func(s *scope) error {
		for _, a := range args {
			if _, _, err := t.expr(a, s); err != nil {
				return err
			}
		}
		return nil
	}
	err := try(outer)
	if err == nil || left == nil || left.item == nil {
		return outer, false, err
	}
	switch pgerror.Code(err) {
	case pgerrcode.UndefinedColumn, pgerrcode.UndefinedTable, pgerrcode.FeatureNotSupported:
	default:
		return outer, false, err
	}
	inner := &scope{parent: sc.parent, ctes: sc.ctes, rels: left.item.rels}
	lerr := try(inner)
	if lerr != nil && left.wider != nil {
		wide := &scope{parent: sc.parent, ctes: sc.ctes, rels: left.wider.rels}
		if try(wide) == nil {
			left.item, inner, lerr = left.wider, wide, nil
		}
	}
	if lerr != nil {
		if len(left.outside) > 0 && try(sc) == nil {
			return nil, false, pgerror.Unsupported("a function in FROM inside a RIGHT JOIN or a nested JOIN naming a FROM item outside that JOIN")
		}
		return outer, false, lerr
	}
	if left.underRight {
		return nil, false, pgerror.Unsupported("a function in FROM inside a RIGHT JOIN naming the FROM items before it")
	}
	if left.tp == ast.RightJoin {
		return nil, false, pgerror.Newf(pgerrcode.InvalidColumnReference,
			"invalid reference to FROM-clause entry for table %q", lateralRelName(args, left.item.rels)).
			WithDetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference.")
	}
	return inner, true, nil
}

// lateralRelName names the first left relation the arguments refer to (for 42P10).
func lateralRelName(args []*pg_query.Node, rels []*rel) string {
	name := ""
	for _, a := range args {
		walkColumnRefs(a, func(cr *pg_query.ColumnRef) {
			names, _ := columnRefFields(cr)
			for _, r := range rels {
				if name == "" && !r.merged && (len(names) > 1 && names[len(names)-2] == r.name || len(names) == 1 && r.column(names[0]) != nil) {
					name = r.name
				}
			}
		})
	}
	return name
}

// fromFunctionParts splits rf into its functions: ROWS FROM's list, unnest(a, b, …) as
// unnest(a), unnest(b), … (PostgreSQL's reading), or the one function.
func (t *translator) fromFunctionParts(rf *pg_query.RangeFunction, sc *scope) ([]*selectListSRF, error) {
	var parts []*selectListSRF
	for _, fn := range rf.GetFunctions() {
		items := fn.GetList().GetItems()
		if len(items) == 0 || items[0].GetFuncCall() == nil {
			return nil, pgerror.Unsupported("function in FROM")
		}
		if len(items) > 1 && items[1].GetList() != nil || len(rf.GetColdeflist()) > 0 {
			return nil, pgerror.Unsupported("column definition lists")
		}
		fc := items[0].GetFuncCall()
		name, err := funcName(fc)
		if err != nil {
			return nil, err
		}
		if !srfTargetNames[name] {
			return nil, pgerror.Unsupported("function " + name + "() in ROWS FROM")
		}
		if fc.GetOver() != nil || fc.GetAggStar() || fc.GetAggDistinct() || fc.GetAggFilter() != nil ||
			len(fc.GetAggOrder()) > 0 || fc.GetFuncVariadic() {
			return nil, pgerror.Unsupported(name + "() with aggregate decorations")
		}
		args := fc.GetArgs()
		switch {
		case name == "unnest" && len(args) > 1 && !rf.GetIsRowsfrom():
			for _, a := range args {
				one := &pg_query.FuncCall{Funcname: fc.GetFuncname(), Args: []*pg_query.Node{a}, Location: fc.GetLocation()}
				parts = append(parts, &selectListSRF{fc: one, name: name, outName: name})
			}
			continue
		case name == "unnest" && len(args) != 1, name != "unnest" && (len(args) < 2 || len(args) > 3):
			return nil, t.undefinedFunction(name, args, sc)
		}
		parts = append(parts, &selectListSRF{fc: fc, name: name, outName: name})
	}
	for _, p := range parts {
		for _, a := range p.fc.GetArgs() {
			if containsSRF(a) {
				return nil, pgerror.Unsupported("a set-returning function in the arguments of " + p.name + "()")
			}
		}
	}
	return parts, nil
}

// functionRows translates rf (see above). The item it returns has lateral set when it took
// the left side into itself.
func (t *translator) functionRows(rf *pg_query.RangeFunction, left *leftSide, sc *scope) (*fromItem, error) {
	parts, err := t.fromFunctionParts(rf, sc)
	if err != nil {
		return nil, err
	}
	var args []*pg_query.Node
	for _, p := range parts {
		args = append(args, p.fc.GetArgs()...)
	}
	argScope, lateral, err := t.lateralScope(args, left, sc)
	if err != nil {
		return nil, err
	}
	outerJoin := lateral && left.tp == ast.LeftJoin

	// The left side's columns, then the arguments.
	inner := newSelect()
	inner.Fields = &ast.FieldList{}
	var types []typemap.Type
	add := func(e ast.ExprNode, ty typemap.Type) int {
		inner.Fields.Fields = append(inner.Fields.Fields, &ast.SelectField{Expr: e})
		types = append(types, ty)
		return len(types) - 1
	}
	type carried struct {
		col   *relColumn
		index int
	}
	var leftCols []carried
	if lateral {
		for _, r := range left.item.rels {
			for i := range r.cols {
				c := &r.cols[i]
				e := alwaysNullColumn(r, c.name, c.typ)
				if e == nil {
					e = &ast.ColumnNameExpr{Name: r.columnName(c)}
				}
				leftCols = append(leftCols, carried{col: c, index: add(e, c.typ)})
			}
		}
		join, ok := left.item.node.(*ast.Join)
		if !ok {
			join = &ast.Join{Left: left.item.node}
		}
		inner.From = &ast.TableRefsClause{TableRefs: join}
	}
	rowID := -1
	if outerJoin && left.filtered {
		rowID = add(&ast.WindowFuncExpr{Name: "row_number"}, of(typemap.Int8))
	}
	for _, p := range parts {
		for _, a := range p.fc.GetArgs() {
			e, ty, err := t.expr(a, argScope)
			if err != nil {
				return nil, err
			}
			p.args = append(p.args, add(e, ty))
		}
	}
	t.lateralItems++
	alias := "pgtidb_lateral" + itoa(t.lateralItems)
	x, err := t.srfRecursion("pgtidb_rows"+itoa(t.lateralItems), inner, types, func(int) bool { return false }, parts, argScope)
	if err != nil {
		return nil, err
	}

	// The function's relation and columns.
	relName := rf.GetAlias().GetAliasname()
	if relName == "" {
		relName = parts[0].name
	}
	r := &rel{name: relName, nullable: outerJoin}
	for k, p := range parts {
		name := p.name
		if len(parts) == 1 && rf.GetAlias() != nil {
			name = relName
		}
		r.cols = append(r.cols, relColumn{name: name, typ: x.types[k], src: &ast.ColumnName{Table: cistr(alias), Name: cistr("pgtidb_v" + itoa(k))}})
	}
	if rf.GetOrdinality() {
		r.cols = append(r.cols, relColumn{name: "ordinality", typ: of(typemap.Int8), notNull: true,
			src: &ast.ColumnName{Table: cistr(alias), Name: cistr("pgtidb_o")}})
	}
	colNames := aliasColumns(rf.GetAlias())
	if len(colNames) > len(r.cols) {
		return nil, pgerror.Newf(pgerrcode.InvalidColumnReference, "table %q has %d columns available but %d columns specified",
			relName, len(r.cols), len(colNames))
	}
	for i, name := range colNames {
		r.cols[i].name = name
	}

	// The derived table: the left side's columns, each function's value, the ordinality.
	rows := x.rows
	if outerJoin {
		rows = funcCall("GREATEST", rows, intLit(1))
	}
	out := newSelect()
	out.With = x.with
	out.Fields = &ast.FieldList{}
	for _, c := range leftCols {
		out.Fields.Fields = append(out.Fields.Fields, &ast.SelectField{Expr: x.col(c.index), AsName: cistr("pgtidb_c" + itoa(c.index))})
	}
	for k, v := range x.values {
		out.Fields.Fields = append(out.Fields.Fields, &ast.SelectField{Expr: v, AsName: cistr("pgtidb_v" + itoa(k))})
	}
	if rf.GetOrdinality() {
		ord := binop(opcode.Plus, x.pos, intLit(1))
		if outerJoin {
			ord = caseWhen(nil, binop(opcode.LT, x.pos, x.rows), ord)
		}
		out.Fields.Fields = append(out.Fields.Fields, &ast.SelectField{Expr: ord, AsName: cistr("pgtidb_o")})
	}
	if rowID >= 0 {
		out.Fields.Fields = append(out.Fields.Fields, &ast.SelectField{Expr: x.col(rowID), AsName: cistr("pgtidb_r")},
			&ast.SelectField{Expr: x.pos, AsName: cistr(srfPos)})
	}
	out.From = x.from()
	out.Where = binop(opcode.LT, x.pos, rows)

	it := &fromItem{node: &ast.TableSource{Source: out, AsName: cistr(alias)}, lateral: lateral}
	if lateral {
		// The left relations now read the derived table's columns.
		for _, c := range leftCols {
			c.col.src = &ast.ColumnName{Table: cistr(alias), Name: cistr("pgtidb_c" + itoa(c.index))}
		}
		for _, r := range left.item.rels {
			r.lateral = alias
		}
		it.rels = append(it.rels, left.item.rels...)
		for _, s := range left.item.star {
			s.ref = s.col.src
			it.star = append(it.star, s)
		}
	}
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	r.lateral = alias
	it.rels = append(it.rels, r)
	for i := range r.cols {
		c := &r.cols[i]
		it.star = append(it.star, starColumn{name: c.name, col: c, rel: r, ref: c.src})
	}
	return it, nil
}

// lateralJoin is `left JOIN f(…) ON cond` where the function f took the left side into
// itself (item, from functionRows). INNER filters the derived table by cond. LEFT keeps, for
// each left row, the rows cond admits, or one row of NULL function columns when it admits none
// (the row at position 0, which functionRows keeps for a row whose functions are all empty):
//
//	(SELECT A.pgtidb_c0, …, CASE WHEN A.pgtidb_ok THEN A.pgtidb_v0 END AS pgtidb_v0, …
//	 FROM (SELECT A.*, cond AS pgtidb_ok, MAX(cond) OVER (PARTITION BY A.pgtidb_r) AS pgtidb_any
//	       FROM (<derived table>) AS A) AS A
//	 WHERE A.pgtidb_ok OR A.pgtidb_i = 0 AND A.pgtidb_any IS NOT TRUE) AS A
func (t *translator) lateralJoin(j *pg_query.JoinExpr, tp ast.JoinType, item *fromItem, sc *scope) (*fromItem, error) {
	if j.GetIsNatural() || len(j.GetUsingClause()) > 0 {
		return nil, pgerror.Unsupported("JOIN USING or NATURAL to a function in FROM over the left side's columns")
	}
	q := j.GetQuals()
	if q == nil || isTrueConst(q) {
		return item, nil
	}
	onScope := &scope{parent: sc.parent, ctes: sc.ctes, rels: item.rels}
	cond, err := t.predicate(q, onScope, "JOIN/ON")
	if err != nil {
		return nil, err
	}
	ts := item.node.(*ast.TableSource)
	alias := ts.AsName.O
	from := func(src ast.ResultSetNode) *ast.TableRefsClause {
		return &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: src, AsName: ts.AsName}}}
	}
	star := &ast.FieldList{Fields: []*ast.SelectField{{WildCard: &ast.WildCardField{}}}}
	if tp == ast.CrossJoin {
		filtered := newSelect()
		filtered.Fields, filtered.From, filtered.Where = star, from(ts.Source), cond
		item.node = &ast.TableSource{Source: filtered, AsName: ts.AsName}
		return item, nil
	}
	again, err := t.predicate(q, onScope, "JOIN/ON")
	if err != nil {
		return nil, err
	}
	col := func(name string) ast.ExprNode { return qualifiedColumn(alias, name) }
	marked := newSelect()
	marked.Fields, marked.From = star, from(ts.Source)
	marked.Fields.Fields = append(marked.Fields.Fields, &ast.SelectField{Expr: cond, AsName: cistr("pgtidb_ok")},
		&ast.SelectField{Expr: &ast.WindowFuncExpr{Name: "max", Args: []ast.ExprNode{again},
			Spec: ast.WindowSpec{PartitionBy: &ast.PartitionByClause{Items: []*ast.ByItem{{Expr: col("pgtidb_r")}}}}},
			AsName: cistr("pgtidb_any")})
	kept := newSelect()
	kept.Fields = &ast.FieldList{}
	fn := item.rels[len(item.rels)-1]
	for _, r := range item.rels {
		for _, c := range r.cols {
			e := col(c.src.Name.O)
			if r == fn {
				e = caseWhen(nil, col("pgtidb_ok"), e)
			}
			kept.Fields.Fields = append(kept.Fields.Fields, &ast.SelectField{Expr: e, AsName: c.src.Name})
		}
	}
	kept.From = from(marked)
	none := and(binop(opcode.EQ, col(srfPos), intLit(0)), &ast.IsTruthExpr{Expr: col("pgtidb_any"), Not: true, True: 1})
	kept.Where = &ast.BinaryOperationExpr{Op: opcode.LogicOr, L: col("pgtidb_ok"), R: none}
	item.node = &ast.TableSource{Source: kept, AsName: ts.AsName}
	return item, nil
}

// isTrueConst reports whether n is the constant true.
func isTrueConst(n *pg_query.Node) bool {
	c := n.GetAConst()
	return c != nil && !c.GetIsnull() && c.GetBoolval() != nil && c.GetBoolval().GetBoolval()
}

// columnName is the TiDB column a reference to c of r reads: the derived table's column when a
// function in FROM took r into itself, else r's own.
func (r *rel) columnName(c *relColumn) *ast.ColumnName {
	if c.src != nil {
		cn := *c.src
		return &cn
	}
	return &ast.ColumnName{Table: cistr(r.name), Name: cistr(c.name)}
}

// walkColumnRefs calls f on each ColumnRef in n.
func walkColumnRefs(n *pg_query.Node, f func(*pg_query.ColumnRef)) {
	if n == nil {
		return
	}
	walkProto(n.ProtoReflect(), func(m protoreflect.Message) bool {
		if cr, ok := m.Interface().(*pg_query.ColumnRef); ok {
			f(cr)
			return false
		}
		return true
	})
}
