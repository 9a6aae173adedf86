package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// Set-returning functions in a select list, as PostgreSQL 10+ runs them: for each row the rest
// of the query gives (after WHERE, GROUP BY, HAVING and window functions), all the select
// list's set-returning functions run in lockstep; the row gives as many rows as the longest of
// them returns, a shorter one giving NULL after its end, and none when every one is empty.
// DISTINCT, ORDER BY and LIMIT/OFFSET apply to the expanded rows. pg_dump -F c and --create
// send `SELECT unnest(setconfig) FROM pg_db_role_setting …`; SQLAlchemy's get_pk_constraint
// sends `SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord FROM pg_index ix`.
//
// Supported, each as a function call that is a whole select-list item:
//
//	unnest(anyarray), unnest(int2vector|oidvector)   the elements (int2 / oid of a vector)
//	generate_subscripts(array, dim [, reverse])       1..n of an array, 0..n-1 of a vector;
//	                                                  no row unless dim = 1
//	generate_series(start, stop [, step])             over int4/int8; the step a constant
//	                                                  (a zero step is an error PostgreSQL
//	                                                  raises, a computed one would only show
//	                                                  it at run time)
//
// The query is translated with each function replaced by a NULL placeholder column and its
// arguments appended as hidden columns; a recursive WITH query numbers the positions of each
// row, and the select list reads each function's value at the position:
//
//	WITH RECURSIVE pgtidb_srf(pgtidb_c0, …, pgtidb_n0, …, pgtidb_i) AS (
//	    SELECT q.pgtidb_c0, …, <length of function 0>, …, 0 FROM (<query>) q
//	  UNION ALL SELECT s.pgtidb_c0, …, s.pgtidb_n0, …, s.pgtidb_i + 1 FROM pgtidb_srf s
//	    WHERE s.pgtidb_i + 1 < GREATEST(s.pgtidb_n0, …))
//	SELECT s.pgtidb_c0 AS a, <function 0 at s.pgtidb_i> AS unnest, … FROM pgtidb_srf s
//	WHERE s.pgtidb_i < GREATEST(s.pgtidb_n0, …) [ORDER BY …] [LIMIT …]
//
// A sort key that is not a result column is computed inside as another hidden column; DISTINCT
// with ORDER BY sorts a derived table of the distinct rows (distinctForSort); the query's own
// WITH queries come first in the WITH clause (query, mergeWith). Without ORDER BY
// the rows come in no promised order, as from TiDB's other recursive queries. Refused (0A000):
// a set-returning function inside an expression (the function table's refusal) or in another
// one's arguments, one in ORDER BY that is not in the select list, GROUP BY of a function's
// result column (PostgreSQL groups the expanded values), DISTINCT ON, generate_series over
// numeric or timestamps, and pg_partition_ancestors next to these; FOR UPDATE is PostgreSQL's
// own error.

// selectListSRF is the select-list form of one set-returning function call.
type selectListSRF struct {
	fc      *pg_query.FuncCall
	name    string // unnest, generate_subscripts, generate_series
	target  int    // index in the select list
	outName string
	slot    int   // column index of the placeholder in the translated query
	args    []int // column indices of the arguments in the translated query
}

// srfTargetNames are the set-returning functions a select list can expand.
var srfTargetNames = map[string]bool{"unnest": true, "generate_subscripts": true, "generate_series": true}

const (
	srfCTE      = "pgtidb_srf"
	srfPos      = "pgtidb_i"
	srfSlotName = "pgtidb_srf_slot"
	srfArgName  = "pgtidb_srf_arg"
	srfSortName = "pgtidb_srf_sort"
)

// targetSRF returns the set-returning function call a select-list item is, or nil.
func targetSRF(n *pg_query.Node) (*pg_query.FuncCall, string) {
	fc := n.GetResTarget().GetVal().GetFuncCall()
	if fc == nil {
		return nil, ""
	}
	if name, err := funcName(fc); err == nil && srfTargetNames[name] {
		return fc, name
	}
	return nil, ""
}

// selectListSRFs translates a SELECT whose list holds set-returning functions (see above);
// ok is false when it holds none.
func (t *translator) selectListSRFs(n *pg_query.SelectStmt, sc *scope) (*queryResult, bool, error) {
	var srfs []*selectListSRF
	for i, target := range n.GetTargetList() {
		fc, name := targetSRF(target)
		if fc == nil {
			continue
		}
		if fc.GetOver() != nil || fc.GetAggStar() || fc.GetAggDistinct() || fc.GetAggFilter() != nil ||
			len(fc.GetAggOrder()) > 0 || fc.GetFuncVariadic() {
			return nil, true, pgerror.Unsupported(name + "() with aggregate decorations")
		}
		nargs := len(fc.GetArgs())
		if name == "unnest" && nargs != 1 || name != "unnest" && (nargs < 2 || nargs > 3) {
			return nil, true, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		for _, a := range fc.GetArgs() {
			if containsSRF(a) {
				return nil, true, pgerror.Unsupported("a set-returning function in the arguments of " + name + "()")
			}
		}
		outName := target.GetResTarget().GetName()
		if outName == "" {
			outName = name
		}
		srfs = append(srfs, &selectListSRF{fc: fc, name: name, target: i, outName: outName})
	}
	if len(srfs) == 0 {
		return nil, false, nil
	}
	if len(n.GetLockingClause()) > 0 {
		return nil, true, pgerror.New(pgerrcode.FeatureNotSupported,
			"FOR UPDATE is not allowed with set-returning functions in the target list")
	}
	distinct := false
	if d := n.GetDistinctClause(); len(d) > 0 {
		if len(d) != 1 || d[0].GetNode() != nil {
			return nil, true, pgerror.Unsupported("DISTINCT ON with set-returning functions in the select list")
		}
		distinct = true
	}

	// The query without the functions, DISTINCT, ORDER BY and LIMIT: a placeholder in each
	// function's place (keeping GROUP BY positions), the arguments and the sort keys that are
	// not result columns appended.
	clone := proto.Clone(n).(*pg_query.SelectStmt)
	clone.DistinctClause, clone.SortClause, clone.LimitCount, clone.LimitOffset = nil, nil, nil, nil
	clone.LimitOption = pg_query.LimitOption_LIMIT_OPTION_DEFAULT
	for k, f := range srfs {
		clone.TargetList[f.target] = resTarget(srfSlotName+itoa(k), &pg_query.Node{Node: &pg_query.Node_AConst{AConst: &pg_query.A_Const{Isnull: true}}})
		for j, a := range f.fc.GetArgs() {
			clone.TargetList = append(clone.TargetList, resTarget(srfArgName+itoa(k)+"_"+itoa(j), a))
		}
	}
	sorts, err := srfSortItems(n, distinct, clone)
	if err != nil {
		return nil, true, err
	}
	q, err := t.simpleSelect(clone, sc)
	if err != nil {
		if groupsByFunction(n, srfs, err) {
			return nil, true, pgerror.Unsupported("GROUP BY of a set-returning function's result column")
		}
		return nil, true, err
	}
	inner, ok := q.node.(*ast.SelectStmt)
	if !ok || inner.Fields == nil || len(inner.Fields.Fields) != len(q.cols) {
		return nil, true, pgerror.Unsupported("set-returning functions in this select list")
	}
	if inner.Limit != nil {
		// The query had its LIMIT taken away: this one is noRowsFromSRF's (func_psql.go).
		return nil, true, pgerror.Unsupported("pg_partition_ancestors() next to other set-returning functions in a select list")
	}
	index := map[string]int{}
	for i, c := range q.cols {
		index[c.name] = i
	}
	hidden := map[int]bool{}
	for k, f := range srfs {
		f.slot = index[srfSlotName+itoa(k)]
		hidden[f.slot] = true
		for j := range f.fc.GetArgs() {
			a := index[srfArgName+itoa(k)+"_"+itoa(j)]
			f.args = append(f.args, a)
			hidden[a] = true
		}
	}
	for _, sort := range sorts {
		if sort.hidden >= 0 {
			hidden[index[srfSortName+itoa(sort.hidden)]] = true
		}
	}
	if inner.GroupBy != nil {
		for _, it := range inner.GroupBy.Items {
			if pos, ok := intValue(it.Expr); ok && pos >= 1 && int(pos) <= len(q.cols) && hidden[int(pos)-1] {
				if isSlot(srfs, int(pos)-1) {
					return nil, true, pgerror.Unsupported("GROUP BY of a set-returning function's result column")
				}
				// A column appended here, past the query's own.
				return nil, true, pgerror.Newf(pgerrcode.InvalidColumnReference, "GROUP BY position %d is not in select list", pos)
			}
		}
	}

	// The WITH query carries every column but the placeholders, then each function's length.
	types := make([]typemap.Type, len(q.cols))
	for i, c := range q.cols {
		types[i] = c.typ
	}
	x, err := t.srfRecursion(srfCTE, inner, types, func(i int) bool { return isSlot(srfs, i) }, srfs, sc)
	if err != nil {
		return nil, true, err
	}
	out := newSelect()
	out.With = x.with
	out.Fields = &ast.FieldList{}
	var cols []output
	visible := map[int]int{} // column of the translated query → result column
	for i, c := range q.cols {
		e, ty, name := x.col(i), c.typ, c.name
		if hidden[i] {
			k := slotOf(srfs, i)
			if k < 0 {
				continue // an argument or a sort key
			}
			e, ty, name = x.values[k], x.types[k], srfs[k].outName
		}
		f := &ast.SelectField{Expr: e, AsName: cistr(name)}
		out.Fields.Fields = append(out.Fields.Fields, f)
		visible[i] = len(cols)
		cols = append(cols, output{name: name, typ: ty, expr: e, field: f, notNull: c.notNull && !hidden[i]})
	}
	out.From = x.from()
	out.Where = binop(opcode.LT, x.pos, x.rows)
	if distinct {
		out.Distinct = true
		out.SelectStmtOpts.Distinct = true
		if len(sorts) > 0 {
			out, cols = distinctForSort(out, cols)
		}
	}
	if len(sorts) > 0 {
		if out.OrderBy, err = t.srfOrderBy(sorts, srfs, q.cols, index, cols, visible); err != nil {
			return nil, true, err
		}
	}
	if out.Limit, err = t.limit(n); err != nil {
		return nil, true, err
	}
	return &queryResult{node: out, cols: cols}, true, nil
}

// srfExpanded is the recursive WITH query that repeats each row of a query once per position
// of the set-returning functions run over it in lockstep (srfRecursion), read as "s".
type srfExpanded struct {
	cte  string
	with *ast.WithClause
	// col reads column i of the query; pos is the position (from 0) of the row.
	col func(i int) ast.ExprNode
	pos ast.ExprNode
	// values and types are each function's value at pos and its type; rows is the number of
	// positions of the row (the longest function's length).
	values []ast.ExprNode
	types  []typemap.Type
	rows   ast.ExprNode
}

// from is FROM the WITH query, as "s".
func (x *srfExpanded) from() *ast.TableRefsClause {
	return &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cistr(x.cte)}, AsName: cistr("s")}}}
}

// srfRecursion builds the WITH query cte expanding the rows of inner, whose fields (of the
// given types) it renames pgtidb_c<i>; columns for which skip is true are left out. Each
// function's args index inner's fields. The rows at positions past every function's length are
// in the WITH query (the position 0 of a row whose functions are all empty): the reader filters
// them with pos < rows.
func (t *translator) srfRecursion(cte string, inner *ast.SelectStmt, types []typemap.Type, skip func(int) bool,
	srfs []*selectListSRF, sc *scope) (*srfExpanded, error) {
	names := make([]model.CIStr, len(types))
	for i, f := range inner.Fields.Fields {
		names[i] = cistr("pgtidb_c" + itoa(i))
		f.AsName = names[i]
	}
	qcol := func(i int) ast.ExprNode { return qualifiedColumn("q", names[i].O) }
	x := &srfExpanded{cte: cte, col: func(i int) ast.ExprNode { return qualifiedColumn("s", names[i].O) },
		pos: qualifiedColumn("s", srfPos), values: make([]ast.ExprNode, len(srfs)), types: make([]typemap.Type, len(srfs))}
	seed, step := newSelect(), newSelect()
	seed.Fields, step.Fields = &ast.FieldList{}, &ast.FieldList{}
	var cteCols []model.CIStr
	for i := range types {
		if skip(i) {
			continue
		}
		cteCols = append(cteCols, names[i])
		seed.Fields.Fields = append(seed.Fields.Fields, &ast.SelectField{Expr: qcol(i)})
		step.Fields.Fields = append(step.Fields.Fields, &ast.SelectField{Expr: x.col(i)})
	}
	var lengths []ast.ExprNode
	for k, f := range srfs {
		args := make([]srfArg, len(f.args))
		for j, a := range f.args {
			args[j] = srfArg{field: inner.Fields.Fields[a], typ: types[a], q: qcol(a), s: x.col(a)}
		}
		nName := "pgtidb_n" + itoa(k)
		n := qualifiedColumn("s", nName)
		length, value, ty, err := t.srfExpansion(f, args, n, x.pos, sc)
		if err != nil {
			return nil, err
		}
		x.values[k], x.types[k] = value, ty
		cteCols = append(cteCols, cistr(nName))
		seed.Fields.Fields = append(seed.Fields.Fields, &ast.SelectField{Expr: length})
		step.Fields.Fields = append(step.Fields.Fields, &ast.SelectField{Expr: n})
		lengths = append(lengths, n)
	}
	x.rows = lengths[0]
	if len(lengths) > 1 {
		x.rows = funcCall("GREATEST", lengths...)
	}
	cteCols = append(cteCols, cistr(srfPos))
	seed.Fields.Fields = append(seed.Fields.Fields, &ast.SelectField{Expr: intLit(0)})
	seed.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: inner, AsName: cistr("q")}}}
	next := binop(opcode.Plus, x.pos, intLit(1))
	step.Fields.Fields = append(step.Fields.Fields, &ast.SelectField{Expr: next})
	step.From = x.from()
	step.Where = binop(opcode.LT, next, x.rows)
	unionAll := ast.UnionAll
	step.AfterSetOperator = &unionAll
	x.with = &ast.WithClause{IsRecursive: true, CTEs: []*ast.CommonTableExpression{{
		Name: cistr(cte), IsRecursive: true, ColNameList: cteCols,
		Query: &ast.SubqueryExpr{Query: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{seed, step}}}}}}}
	return x, nil
}

// distinctForSort wraps the DISTINCT expanded rows in a derived table whose columns the
// ORDER BY then names: TiDB accepts under DISTINCT only sort keys it finds in the select list,
// and the NULL-ordering key of a computed column is another expression.
//
//	WITH … SELECT d.pgtidb_r0 AS name0, … FROM (SELECT DISTINCT … AS pgtidb_r0, … FROM pgtidb_srf s …) d
func distinctForSort(sel *ast.SelectStmt, cols []output) (*ast.SelectStmt, []output) {
	const alias = "pgtidb_distinct"
	out := newSelect()
	out.With, sel.With = sel.With, nil
	out.Fields = &ast.FieldList{}
	wrapped := make([]output, len(cols))
	for i, c := range cols {
		inner := "pgtidb_r" + itoa(i)
		sel.Fields.Fields[i].AsName = cistr(inner)
		ref := qualifiedColumn(alias, inner)
		f := &ast.SelectField{Expr: ref, AsName: cistr(c.name)}
		out.Fields.Fields = append(out.Fields.Fields, f)
		wrapped[i] = output{name: c.name, typ: c.typ, expr: ref, field: f, notNull: c.notNull}
	}
	out.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: sel, AsName: cistr(alias)}}}
	return out, wrapped
}

// groupsByFunction reports whether err is the undefined column of a GROUP BY name that
// PostgreSQL reads as a set-returning function's result column (no input column has the name;
// the placeholder in the function's place does not carry it).
func groupsByFunction(n *pg_query.SelectStmt, srfs []*selectListSRF, err error) bool {
	if pgerror.Code(err) != pgerrcode.UndefinedColumn {
		return false
	}
	for _, g := range n.GetGroupClause() {
		names, star := columnRefFields(g.GetColumnRef())
		if g.GetColumnRef() == nil || star || len(names) != 1 {
			continue
		}
		for _, f := range srfs {
			if f.outName == names[0] && strings.Contains(err.Error(), `"`+names[0]+`"`) {
				return true
			}
		}
	}
	return false
}

// srfSort is one ORDER BY item of a select list with set-returning functions, resolved
// before the query is translated: kept as it is (a position, or a name of a result column),
// a select-list item (target), or a hidden sort key computed inside (hidden).
type srfSort struct {
	sb     *pg_query.SortBy
	target int
	hidden int
}

// srfSortItems resolves the ORDER BY items of a select list with set-returning functions,
// which sort the expanded rows: a position or a result column's name is kept; an expression
// equal to a select-list item sorts on that item's column (a function's included); any other
// expression without a set-returning function is appended to clone's select list as a hidden
// sort key. DISTINCT admits only result columns, as in PostgreSQL.
func srfSortItems(n *pg_query.SelectStmt, distinct bool, clone *pg_query.SelectStmt) ([]srfSort, error) {
	// Which item a column comes from is known when no * expands in the list.
	star := false
	for _, target := range n.GetTargetList() {
		if cr := target.GetResTarget().GetVal().GetColumnRef(); cr != nil {
			if _, s := columnRefFields(cr); s {
				star = true
			}
		}
	}
	var out []srfSort
	for _, item := range n.GetSortClause() {
		sb := item.GetSortBy()
		if sb == nil {
			return nil, pgerror.Unsupported("ORDER BY item " + nodeName(item))
		}
		key := sb.GetNode()
		ref := srfSort{sb: sb, target: -1, hidden: -1}
		if c := key.GetAConst(); c != nil && c.GetIval() != nil {
			out = append(out, ref)
			continue
		}
		if cr := key.GetColumnRef(); cr != nil {
			if names, s := columnRefFields(cr); !s && len(names) == 1 {
				// A name of result columns that are all one expression sorts on the first
				// (PostgreSQL finds no ambiguity there); others resolve among the result
				// columns.
				same := true
				for i, target := range n.GetTargetList() {
					if resultName(target) != names[0] {
						continue
					}
					if ref.target < 0 {
						ref.target = i
					} else if !sameNode(n.GetTargetList()[ref.target].GetResTarget().GetVal(), target.GetResTarget().GetVal()) {
						same = false
					}
				}
				if ref.target >= 0 {
					if !same || star {
						ref.target = -1
					}
					out = append(out, ref)
					continue
				}
			}
		}
		for i, target := range n.GetTargetList() {
			fc, _ := targetSRF(target)
			if (fc != nil || !star) && sameNode(target.GetResTarget().GetVal(), key) {
				ref.target = i
				break
			}
		}
		if ref.target < 0 {
			if containsSRF(key) {
				return nil, pgerror.Unsupported("ORDER BY a set-returning function that is not in the select list")
			}
			if distinct {
				if star {
					return nil, pgerror.Unsupported("SELECT DISTINCT * with set-returning functions ORDER BY an expression")
				}
				return nil, pgerror.New(pgerrcode.InvalidColumnReference,
					"for SELECT DISTINCT, ORDER BY expressions must appear in select list")
			}
			ref.hidden = len(clone.TargetList)
			clone.TargetList = append(clone.TargetList, resTarget(srfSortName+itoa(ref.hidden), key))
		}
		out = append(out, ref)
	}
	return out, nil
}

// srfOrderBy sorts the expanded rows: each item as a position among the result columns, or
// past them among the hidden sort keys (columns of the WITH query).
func (t *translator) srfOrderBy(sorts []srfSort, srfs []*selectListSRF, qcols []output, index map[string]int,
	cols []output, visible map[int]int) (*ast.OrderByClause, error) {
	keys := append([]output(nil), cols...)
	items := make([]*pg_query.Node, len(sorts))
	for j, s := range sorts {
		position := -1
		switch {
		case s.target >= 0:
			i := s.target
			for _, f := range srfs {
				if f.target == s.target {
					i = f.slot
				}
			}
			position = visible[i]
		case s.hidden >= 0:
			i := index[srfSortName+itoa(s.hidden)]
			position = len(keys)
			keys = append(keys, output{name: srfSortName, typ: qcols[i].typ,
				expr: qualifiedColumn("s", "pgtidb_c"+itoa(i)), notNull: qcols[i].notNull})
		}
		sb := s.sb
		if position >= 0 {
			sb = proto.Clone(s.sb).(*pg_query.SortBy)
			sb.Node = &pg_query.Node{Node: &pg_query.Node_AConst{AConst: &pg_query.A_Const{
				Val: &pg_query.A_Const_Ival{Ival: &pg_query.Integer{Ival: int32(position + 1)}}}}}
		}
		items[j] = &pg_query.Node{Node: &pg_query.Node_SortBy{SortBy: sb}}
	}
	// A position the query wrote counts the result columns only.
	for _, s := range sorts {
		if c := s.sb.GetNode().GetAConst(); c != nil && c.GetIval() != nil {
			if pos := int(c.GetIval().GetIval()); pos < 1 || pos > len(cols) {
				return nil, pgerror.Newf(pgerrcode.InvalidColumnReference, "ORDER BY position %d is not in select list", pos)
			}
		}
	}
	byItems, err := t.orderBy(items, &scope{rels: []*rel{{name: "s"}}}, keys)
	if err != nil {
		return nil, err
	}
	return &ast.OrderByClause{Items: byItems}, nil
}

// resultName is the name PostgreSQL gives a select-list item's column.
func resultName(target *pg_query.Node) string {
	rt := target.GetResTarget()
	if rt.GetName() != "" {
		return rt.GetName()
	}
	if fc, name := targetSRF(target); fc != nil {
		return name
	}
	name, _ := resultColumnName(rt.GetVal())
	return name
}

// srfArg is one argument of a select-list set-returning function: its field in the translated
// query, its type, and the column carrying it in that query (q) and in the WITH query (s).
type srfArg struct {
	field *ast.SelectField
	typ   typemap.Type
	q, s  ast.ExprNode
}

// srfExpansion types the arguments of one function and returns its number of rows for a row
// of the query (over the q columns), its value at position pos (over the s columns, n being
// its length there), and the value's type.
func (t *translator) srfExpansion(f *selectListSRF, args []srfArg, n, pos ast.ExprNode, sc *scope) (length, value ast.ExprNode, ty typemap.Type, err error) {
	coerce := func(a *srfArg, to typemap.Type) error {
		e, ty, err := t.coerce(a.field.Expr, a.typ, to)
		if err != nil {
			return err
		}
		a.field.Expr, a.typ = e, ty
		return nil
	}
	count := func(a srfArg) ast.ExprNode { return funcCall("COALESCE", funcCall("JSON_LENGTH", a.q), intLit(0)) }
	switch f.name {
	case "unnest", "generate_subscripts":
		arr := &args[0]
		if isUnknown(arr.typ) {
			if f.name == "unnest" {
				return nil, nil, ty, pgerror.New(pgerrcode.AmbiguousFunction, "function unnest(unknown) is not unique").
					WithHint("Could not choose a best candidate function. You might need to add explicit type casts.")
			}
			return nil, nil, ty, pgerror.New(pgerrcode.DatatypeMismatch, "could not determine polymorphic type because input has type unknown")
		}
		vector := isVector(arr.typ)
		if !vector && !isArray(arr.typ) {
			return nil, nil, ty, t.undefinedFunction(f.name, f.fc.GetArgs(), sc)
		}
		arr.field.Expr = t.arrayOperand(arr.field.Expr, arr.typ)
		if f.name == "unnest" {
			elem := arrayElemType(arr.typ)
			if vector {
				elem = vectorElem(arr.typ)
			}
			path := funcCall("CONCAT", strLit("$["), pos, strLit("]"))
			value, err = fromJSONElement(funcCall("JSON_EXTRACT", arr.s, path), elem)
			return count(*arr), value, elem, err
		}
		// generate_subscripts(array, dim [, reverse]): a vector's subscripts start at 0.
		if err := coerce(&args[1], of(typemap.Int4)); err != nil {
			return nil, nil, ty, err
		}
		if !isInt(args[1].typ) || args[1].typ.OID == typemap.Int8 {
			return nil, nil, ty, t.undefinedFunction(f.name, f.fc.GetArgs(), sc)
		}
		lower := int64(1)
		if vector {
			lower = 0
		}
		has := binop(opcode.EQ, args[1].q, intLit(1))
		forward := binop(opcode.Plus, pos, intLit(lower))
		value = caseWhen(forward, binop(opcode.GE, pos, n), nullLit())
		if len(args) == 3 {
			if err := coerce(&args[2], of(typemap.Bool)); err != nil {
				return nil, nil, ty, err
			}
			if args[2].typ.OID != typemap.Bool {
				return nil, nil, ty, t.undefinedFunction(f.name, f.fc.GetArgs(), sc)
			}
			has = and(has, isNull(args[2].q, true))
			backward := binop(opcode.Minus, n, binop(opcode.Plus, pos, intLit(1-lower)))
			value = caseWhen(forward, binop(opcode.GE, pos, n), nullLit(), args[2].s, backward)
		}
		return caseWhen(intLit(0), has, count(*arr)), value, of(typemap.Int4), nil
	}
	// generate_series(start, stop [, step]) over integers, the step a constant.
	argTypes := make([]typemap.Type, len(args))
	for j, a := range args {
		argTypes[j] = a.typ
	}
	resTy, err := seriesType(argTypes)
	if err != nil {
		return nil, nil, ty, err
	}
	for j := range args {
		if err := coerce(&args[j], resTy); err != nil {
			return nil, nil, ty, err
		}
	}
	step := int64(1)
	if len(args) == 3 {
		switch s, ok := intValue(args[2].field.Expr); {
		case isNullLit(args[2].field.Expr):
			step = 0 // no row
		case !ok:
			return nil, nil, ty, pgerror.Unsupported("generate_series with a step that is not a constant")
		case s == 0:
			return nil, nil, ty, pgerror.New(pgerrcode.InvalidParameterValue, "step size cannot equal zero")
		default:
			step = s
		}
	}
	start, stop := args[0], args[1]
	if step == 0 {
		return intLit(0), castTo(nullLit(), resTy), resTy, nil
	}
	within := binop(opcode.LE, start.q, stop.q)
	if step < 0 {
		within = binop(opcode.GE, start.q, stop.q)
	}
	wide := func(e ast.ExprNode) ast.ExprNode {
		return castTo(e, typemap.Type{OID: typemap.Numeric, Typmod: (20<<16 | 0) + 4})
	}
	span := binop(opcode.IntDiv, binop(opcode.Minus, wide(stop.q), wide(start.q)), intLit(step))
	length = caseWhen(intLit(0), within, binop(opcode.Plus, span, intLit(1)))
	value = caseWhen(binop(opcode.Plus, start.s, binop(opcode.Mul, pos, intLit(step))), binop(opcode.GE, pos, n), nullLit())
	return length, value, resTy, nil
}

// seriesType is the type of generate_series over integer arguments: int8 when one is int8,
// else int4 (an untyped literal is an int4). Like PostgreSQL, arguments that are all smallint
// or all untyped match several of its forms; numeric, timestamp and other arguments are
// refused.
func seriesType(argTypes []typemap.Type) (typemap.Type, error) {
	resTy := of(typemap.Int4)
	exact := false
	for _, ty := range argTypes {
		switch {
		case isUnknown(ty):
		case isInt(ty):
			if ty.OID == typemap.Int8 {
				resTy = of(typemap.Int8)
			}
			exact = exact || ty.OID != typemap.Int2
		default:
			return resTy, pgerror.Unsupported("generate_series over " + sqlTypeName(ty))
		}
	}
	if !exact {
		types := make([]string, len(argTypes))
		for i, ty := range argTypes {
			types[i] = "unknown"
			if !isUnknown(ty) {
				types[i] = sqlTypeName(ty)
			}
		}
		return resTy, pgerror.Newf(pgerrcode.AmbiguousFunction, "function generate_series(%s) is not unique", strings.Join(types, ", ")).
			WithHint("Could not choose a best candidate function. You might need to add explicit type casts.")
	}
	return resTy, nil
}

func isSlot(srfs []*selectListSRF, i int) bool { return slotOf(srfs, i) >= 0 }

func slotOf(srfs []*selectListSRF, i int) int {
	for k, f := range srfs {
		if f.slot == i {
			return k
		}
	}
	return -1
}

// resTarget is a select-list item `val AS name`.
func resTarget(name string, val *pg_query.Node) *pg_query.Node {
	return &pg_query.Node{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Name: name, Val: val}}}
}

// containsSRF reports whether n calls a set-returning function a select list can expand
// (outside subqueries, which are queries of their own).
func containsSRF(n *pg_query.Node) bool {
	found := false
	var visit func(m protoreflect.Message) bool
	visit = func(m protoreflect.Message) bool {
		if found {
			return false
		}
		if sl, ok := m.Interface().(*pg_query.SubLink); ok {
			walkProto(sl.GetTestexpr().ProtoReflect(), visit)
			return false
		}
		if fc, ok := m.Interface().(*pg_query.FuncCall); ok {
			if name, err := funcName(fc); err == nil && srfTargetNames[name] {
				found = true
				return false
			}
		}
		return true
	}
	if n != nil {
		walkProto(n.ProtoReflect(), visit)
	}
	return found
}

// sameNode reports whether two expressions are the same, their locations in the text apart
// (PostgreSQL matches ORDER BY expressions to select-list items that way).
func sameNode(a, b *pg_query.Node) bool {
	if a == nil || b == nil {
		return false
	}
	return proto.Equal(withoutLocations(a), withoutLocations(b))
}

// withoutLocations is a copy of n with every location field cleared.
func withoutLocations(n *pg_query.Node) *pg_query.Node {
	c := proto.Clone(n).(*pg_query.Node)
	walkProto(c.ProtoReflect(), func(m protoreflect.Message) bool {
		if fd := m.Descriptor().Fields().ByName("location"); fd != nil {
			m.Clear(fd)
		}
		return true
	})
	return c
}

// walkProto visits m and, depth first, every message below it (list elements included);
// visit returns false to skip a message's children.
func walkProto(m protoreflect.Message, visit func(protoreflect.Message) bool) {
	if !m.IsValid() || !visit(m) {
		return
	}
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsList() && fd.Message() != nil:
			for i := 0; i < v.List().Len(); i++ {
				walkProto(v.List().Get(i).Message(), visit)
			}
		case fd.Message() != nil && !fd.IsMap():
			walkProto(v.Message(), visit)
		}
		return true
	})
}
