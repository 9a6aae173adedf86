package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// Arrays in expressions. TiDB has no array type: an array value travels as a JSON array whose
// elements are JSON numbers for integer, oid and reg* elements and JSON strings holding the
// PostgreSQL text output of every other supported element type (typemap/array.go describes the
// representation; typemap prints it as array_out does). Only one-dimensional arrays are built.
//
// An array whose elements the translator knows — an ARRAY[...] constructor, an array literal
// '{…}'::int[], current_schemas() — also keeps its element expressions (arrayValue), so that
// `x = ANY(ARRAY[…])` becomes `x IN (…)` with PostgreSQL's operator resolution per element,
// array_to_string becomes CONCAT_WS, and unnest a UNION ALL of the elements. Arrays known only
// as JSON (ARRAY(subquery), catalog columns) support what JSON functions can do faithfully:
// = ANY / <> ALL for integer and text elements, subscripts, array_length, cardinality.

// arrayValue is what the translator knows of an array-typed expression built from elements.
type arrayValue struct {
	elems []ast.ExprNode // the elements in their TiDB form for elemType (not JSON)
	elem  typemap.Type
}

// rememberArray records the elements of an array-typed expression e.
func (t *translator) rememberArray(e ast.ExprNode, v *arrayValue) ast.ExprNode {
	if t.arrays == nil {
		t.arrays = map[ast.ExprNode]*arrayValue{}
	}
	t.arrays[e] = v
	return e
}

// arrayOperand is an array-typed operand as a JSON value: a parameter (bound as the JSON text
// typemap.DecodeParam makes of the client's array) is cast to JSON.
func (t *translator) arrayOperand(e ast.ExprNode, ty typemap.Type) ast.ExprNode {
	if _, ok := isParam(e); ok && isArray(ty) {
		return castTo(e, of(typemap.JSONB))
	}
	return e
}

// isArray reports whether ty is an array type pgtidb represents as a JSON array.
func isArray(ty typemap.Type) bool {
	_, ok := typemap.ArrayElem(ty.OID)
	return ok && ty.OID != typemap.Int2Vector && ty.OID != typemap.OIDVector
}

// arrayElemType is the element type of array type ty.
func arrayElemType(ty typemap.Type) typemap.Type {
	e, _ := typemap.ArrayElem(ty.OID)
	return of(e)
}

// arrayTypeOf is the array type over elem, or an error when pgtidb builds no such arrays.
func arrayTypeOf(elem typemap.Type) (typemap.Type, error) {
	switch {
	case isInt(elem), isString(elem) && elem.OID != typemap.BPChar, elem.OID == typemap.Oid,
		typemap.IsRegType(elem.OID), elem.OID == typemap.Bool, elem.OID == typemap.Numeric,
		elem.OID == typemap.Date:
		return of(typemap.ArrayOf(elem.OID)), nil
	}
	return typemap.Type{}, pgerror.Unsupported("arrays of " + sqlTypeName(elem))
}

// jsonElement is the JSON array element of value e of type ty (see the representation above).
func (t *translator) jsonElement(e ast.ExprNode, ty typemap.Type) (ast.ExprNode, error) {
	switch {
	case isNullLit(e):
		return e, nil
	case isInt(ty), ty.OID == typemap.Oid, typemap.IsRegType(ty.OID):
		if _, ok := isParam(e); ok {
			return castTo(e, of(typemap.Int8)), nil
		}
		return e, nil
	case isString(ty):
		return e, nil
	}
	return t.outputText(e, ty)
}

// fromJSONElement reads back a JSON element v (a JSON_EXTRACT result, SQL NULL when absent) as
// a value of element type ty.
func fromJSONElement(v ast.ExprNode, ty typemap.Type) (ast.ExprNode, error) {
	var val ast.ExprNode
	text := funcCall("JSON_UNQUOTE", v)
	switch {
	case isInt(ty), ty.OID == typemap.Oid, typemap.IsRegType(ty.OID):
		val = castTo(v, of(typemap.Int8))
	case isString(ty):
		val = text
	case ty.OID == typemap.Bool:
		val = &ast.PatternInExpr{Expr: text, List: []ast.ExprNode{strLit("t"), strLit("true")}}
	case ty.OID == typemap.Numeric, ty.OID == typemap.Date:
		val = castTo(text, ty)
	default:
		return nil, pgerror.Unsupported("elements of arrays of " + sqlTypeName(ty))
	}
	// JSON null unquotes to the text 'null': test for it first.
	return caseWhen(val, binop(opcode.EQ, funcCall("JSON_TYPE", v), strLit("NULL")), nullLit()), nil
}

// arrayExpr translates ARRAY[e1, e2, …].
func (t *translator) arrayExpr(a *pg_query.A_ArrayExpr, sc *scope) (ast.ExprNode, typemap.Type, error) {
	return t.arrayFromElements(a.GetElements(), sc, typemap.Type{})
}

// arrayFromElements builds an array from element nodes; want, when set, is the array type a
// cast asks for (ARRAY[]::int[], ARRAY['1']::int[]).
func (t *translator) arrayFromElements(nodes []*pg_query.Node, sc *scope, want typemap.Type) (ast.ExprNode, typemap.Type, error) {
	exprs := make([]ast.ExprNode, len(nodes))
	types := make([]typemap.Type, len(nodes))
	for i, n := range nodes {
		if n.GetAArrayExpr() != nil {
			return nil, typemap.Type{}, pgerror.Unsupported("multidimensional arrays")
		}
		e, ty, err := t.expr(n, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isArray(ty) {
			return nil, typemap.Type{}, pgerror.Unsupported("multidimensional arrays")
		}
		exprs[i], types[i] = e, ty
	}
	var elem typemap.Type
	switch {
	case want.OID != 0:
		elem = arrayElemType(want)
	case len(nodes) == 0:
		return nil, typemap.Type{}, pgerror.New(pgerrcode.IndeterminateDatatype, "cannot determine type of empty array").
			WithHint("Explicitly cast to the desired type, for example ARRAY[]::integer[].")
	default:
		var err error
		if elem, err = commonType("ARRAY", types); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	arrTy, err := arrayTypeOf(elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	for i, e := range exprs {
		if isUnknown(types[i]) {
			if exprs[i], _, err = t.coerce(e, types[i], elem); err != nil {
				return nil, typemap.Type{}, err
			}
		} else if types[i].OID != elem.OID {
			if want.OID != 0 || !(isNumber(types[i]) || isString(types[i])) {
				if exprs[i], err = t.convert(e, types[i], elem); err != nil {
					return nil, typemap.Type{}, err
				}
			}
		}
	}
	out, err := t.knownArray(elem, exprs)
	return out, arrTy, err
}

// knownArray is the JSON array of elements of type elem, remembered with its elements.
func (t *translator) knownArray(elem typemap.Type, elems []ast.ExprNode) (ast.ExprNode, error) {
	jsonElems := make([]ast.ExprNode, len(elems))
	for i, e := range elems {
		je, err := t.jsonElement(e, elem)
		if err != nil {
			return nil, err
		}
		jsonElems[i] = je
	}
	return t.rememberArray(funcCall("JSON_ARRAY", jsonElems...), &arrayValue{elem: elem, elems: elems}), nil
}

// arrayLiteral reads an array literal ('{1,2,NULL}') as PostgreSQL's array_in does for a
// one-dimensional array of type to.
func (t *translator) arrayLiteral(s string, to typemap.Type) (ast.ExprNode, error) {
	elem := arrayElemType(to)
	if elem.OID == typemap.AclItem {
		// '{}' of aclitem[] (pg_dump's `ELSE '{}'` next to acldefault): no element to read.
		if items, _, err := typemap.ParseArrayText(s, sqlTypeName(to)); err == nil && len(items) == 0 {
			return t.knownArray(elem, nil)
		}
	}
	if _, err := arrayTypeOf(elem); err != nil {
		return nil, err
	}
	items, nulls, err := typemap.ParseArrayText(s, sqlTypeName(to))
	if err != nil {
		return nil, err
	}
	elems := make([]ast.ExprNode, len(items))
	for i, item := range items {
		if nulls[i] {
			elems[i] = nullLit()
		} else if elems[i], err = t.inputLiteral(item, elem); err != nil {
			return nil, err
		}
	}
	return t.knownArray(elem, elems)
}

func isArraySpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// arraySublink translates ARRAY(subquery): the subquery's single column aggregated into a
// JSON array ('{}' for no rows). JSON_ARRAYAGG follows no ORDER BY: an ordered subquery is
// aggregated in its order by arraySublinkOrdered (array_sublink.go).
func (t *translator) arraySublink(sel *pg_query.SelectStmt, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(sel.GetSortClause()) > 0 {
		return t.arraySublinkOrdered(sel, sc)
	}
	q, err := t.query(sel, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if len(q.cols) != 1 {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "subquery must return only one column")
	}
	elem := outputType(q.cols[0].typ)
	arrTy, err := arrayTypeOf(elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	col := &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr("array_sub"), Name: cistr(q.cols[0].name)}}
	je, err := t.jsonElement(col, elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	agg := &ast.AggregateFuncExpr{F: "json_arrayagg", Args: []ast.ExprNode{je}}
	inner := &ast.SelectStmt{
		SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true},
		Kind:           ast.SelectStmtKindSelect,
		Fields:         &ast.FieldList{Fields: []*ast.SelectField{{Expr: funcCall("IFNULL", agg, funcCall("JSON_ARRAY"))}}},
		From: &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{
			Source: q.node, AsName: cistr("array_sub")}}},
	}
	out := &ast.SubqueryExpr{Query: inner}
	t.rememberArraySubquery(out, &arraySubquery{rows: q.node, col: col, elem: elem})
	return out, arrTy, nil
}

// anyAll translates `x op ANY (array)` and `x op ALL (array)`.
func (t *translator) anyAll(a *pg_query.A_Expr, sc *scope) (ast.ExprNode, typemap.Type, error) {
	op := operatorName(a)
	all := a.GetKind() == pg_query.A_Expr_Kind_AEXPR_OP_ALL
	cop, ok := comparisonOps[op]
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported(op + " ANY/ALL (array)")
	}
	l, lt, err := t.expr(a.GetLexpr(), sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	r, rt, err := t.expr(a.GetRexpr(), sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	// An untyped parameter or literal is an array of the left operand's type.
	leftArray := func() (typemap.Type, error) {
		if isUnknown(lt) {
			return arrayTypeOf(of(typemap.Text))
		}
		return arrayTypeOf(lt)
	}
	if i, isP := isParam(r); isP && isUnknown(rt) {
		arrTy, err := leftArray()
		if err != nil {
			return nil, typemap.Type{}, err
		}
		t.setParamType(i, arrTy)
		rt = arrTy
	}
	r = t.arrayOperand(r, rt)
	if isUnknown(rt) {
		s, isLit := literalString(r)
		if !isLit {
			return nil, typemap.Type{}, pgerror.Unsupported(op + " ANY/ALL over an untyped NULL")
		}
		arrTy, err := leftArray()
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if r, err = t.arrayLiteral(s, arrTy); err != nil {
			return nil, typemap.Type{}, err
		}
		rt = arrTy
	}
	if !isArray(rt) && !isVector(rt) {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.WrongObjectType, "op ANY/ALL (array) requires array on right side")
	}
	elem := arrayElemType(rt)
	if v := t.arrays[r]; v != nil {
		// Known elements: one comparison per element, as PostgreSQL resolves the operator
		// against the element type.
		if len(v.elems) == 0 {
			return boolLit(all), of(typemap.Bool), nil
		}
		var list []ast.ExprNode
		left := l
		for _, e := range v.elems {
			ll, re, _, err := t.unify(l, lt, e, elem, op)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			left = ll
			list = append(list, re)
		}
		if (op == "=" && !all) || ((op == "<>" || op == "!=") && all) {
			return &ast.PatternInExpr{Expr: left, List: list, Not: all}, of(typemap.Bool), nil
		}
		if !simpleOperand(left) {
			return nil, typemap.Type{}, pgerror.Unsupported(op + " ANY/ALL (array) over a computed left operand")
		}
		var out ast.ExprNode
		for _, e := range list {
			c := binop(cop, left, e)
			switch {
			case out == nil:
				out = c
			case all:
				out = and(out, c)
			default:
				out = binop(opcode.LogicOr, out, c)
			}
		}
		return out, of(typemap.Bool), nil
	}
	if !(op == "=" && !all) && !((op == "<>" || op == "!=") && all) {
		return nil, typemap.Type{}, pgerror.Unsupported(op + " " + map[bool]string{true: "ALL", false: "ANY"}[all] + " over an array that is not a constructor")
	}
	if !(isInt(elem) || elem.OID == typemap.Oid || typemap.IsRegType(elem.OID) || elem.OID == typemap.Char || isString(elem) && elem.OID != typemap.BPChar) {
		return nil, typemap.Type{}, pgerror.Unsupported("= ANY over arrays of " + sqlTypeName(elem))
	}
	ll, _, _, err := t.unify(l, lt, nullLit(), elem, op)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if !simpleOperand(r) {
		return nil, typemap.Type{}, pgerror.Unsupported("= ANY over a computed array")
	}
	x, err := t.jsonElement(ll, elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	// PostgreSQL: an empty array gives false whatever x is; otherwise NULL when x is NULL or
	// no element matches but one is NULL.
	member := &ast.FuncCallExpr{FnName: cistr("JSON_MEMBEROF"), Args: []ast.ExprNode{x, r}}
	anyExpr := caseWhen(boolLit(false),
		isNull(r, false), nullLit(),
		binop(opcode.EQ, funcCall("JSON_LENGTH", r), intLit(0)), boolLit(false),
		isNull(ll, false), nullLit(),
		member, boolLit(true),
		funcCall("JSON_CONTAINS", r, funcCall("JSON_ARRAY", nullLit())), nullLit())
	if all {
		return not(anyExpr), of(typemap.Bool), nil
	}
	return anyExpr, of(typemap.Bool), nil
}

// simpleOperand reports whether e can be repeated in a translation without changing what it
// computes: it calls no volatile function (random(), nextval…). Subqueries and stable
// functions give the same value each time within a statement. Unknown node kinds count as
// not repeatable. (No ast.Visitor: visiting would replace paramMarker nodes.)
func simpleOperand(e ast.ExprNode) bool {
	all := func(list ...ast.ExprNode) bool {
		for _, x := range list {
			if x != nil && !simpleOperand(x) {
				return false
			}
		}
		return true
	}
	switch x := e.(type) {
	case *ast.ColumnNameExpr, *paramMarker, *ast.SubqueryExpr, *ast.DefaultExpr:
		return true
	case ast.ValueExpr:
		return true
	case *ast.FuncCallExpr:
		switch x.FnName.L {
		case "rand", "uuid", "uuid_short", "sleep", "nextval", "lastval", "setval", "get_lock", "release_lock":
			return false
		}
		return all(x.Args...)
	case *ast.AggregateFuncExpr:
		return all(x.Args...)
	case *ast.FuncCastExpr:
		return all(x.Expr)
	case *ast.ParenthesesExpr:
		return all(x.Expr)
	case *ast.BinaryOperationExpr:
		return all(x.L, x.R)
	case *ast.UnaryOperationExpr:
		return all(x.V)
	case *ast.IsNullExpr:
		return all(x.Expr)
	case *ast.PatternInExpr:
		return x.Sel == nil && all(x.Expr) && all(x.List...)
	case *ast.CaseExpr:
		if !all(x.Value, x.ElseClause) {
			return false
		}
		for _, w := range x.WhenClauses {
			if !all(w.Expr, w.Result) {
				return false
			}
		}
		return true
	}
	return false
}

// subscript translates a[i] on a one-dimensional array.
func (t *translator) indirection(ind *pg_query.A_Indirection, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(ind.GetIndirection()) != 1 || ind.GetIndirection()[0].GetAIndices() == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("field selection or multidimensional subscripts")
	}
	idx := ind.GetIndirection()[0].GetAIndices()
	arr, ty, err := t.expr(ind.GetArg(), sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if ty.OID == typemap.Name {
		return t.nameSubscript(arr, idx, sc) // array_name.go
	}
	if isVector(ty) {
		return t.vectorSubscript(arr, ty, idx, sc) // array_name.go
	}
	if !isArray(ty) {
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.DatatypeMismatch,
			"cannot subscript type %s because it does not support subscripting", sqlTypeName(ty))
	}
	if idx.GetIsSlice() {
		return t.slice(arr, ty, idx, sc)
	}
	arr = t.arrayOperand(arr, ty)
	i, err := t.subscriptIndex(idx, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	elem := arrayElemType(ty)
	if v := t.arrays[arr]; v != nil {
		if n, ok := intValue(i); ok {
			if n < 1 || n > int64(len(v.elems)) {
				return nullLit(), elem, nil
			}
			return v.elems[n-1], elem, nil
		}
	}
	var path ast.ExprNode
	if n, ok := intValue(i); ok {
		if n < 1 {
			return nullLit(), elem, nil
		}
		path = strLit("$[" + itoa(int(n-1)) + "]")
	} else {
		if !simpleOperand(i) {
			return nil, typemap.Type{}, pgerror.Unsupported("array subscript computed by a volatile expression")
		}
		path = funcCall("CONCAT", strLit("$["), binop(opcode.Minus, i, intLit(1)), strLit("]"))
	}
	val, err := fromJSONElement(funcCall("JSON_EXTRACT", arr, path), elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if _, ok := intValue(i); !ok {
		val = caseWhen(val, binop(opcode.LT, i, intLit(1)), nullLit())
	}
	return val, elem, nil
}

// arrayArg translates the array argument of an array function; an untyped literal is an
// error as in PostgreSQL (the function is polymorphic).
func (t *translator) arrayArg(name string, fc *pg_query.FuncCall, sc *scope, nargs int) ([]ast.ExprNode, []typemap.Type, error) {
	args := fc.GetArgs()
	var exprs []ast.ExprNode
	var types []typemap.Type
	for _, n := range args {
		e, ty, err := t.expr(n, sc)
		if err != nil {
			return nil, nil, err
		}
		exprs, types = append(exprs, e), append(types, ty)
	}
	if len(args) != nargs && !(name == "array_to_string" && len(args) == 3) {
		return nil, nil, t.undefinedFunction(name, args, sc)
	}
	if isUnknown(types[0]) {
		return nil, nil, pgerror.New(pgerrcode.DatatypeMismatch, "could not determine polymorphic type because input has type unknown")
	}
	if !isArray(types[0]) {
		return nil, nil, t.undefinedFunction(name, args, sc)
	}
	exprs[0] = t.arrayOperand(exprs[0], types[0])
	return exprs, types, nil
}

func init() {
	for name, h := range map[string]funcHandler{
		"array_length":    fnArrayLength,
		"cardinality":     fnCardinality,
		"array_to_string": fnArrayToString,
		"array_upper":     fnArrayLength,
		"array_lower":     fnArrayLower,
		"array_ndims":     fnArrayNdims,
	} {
		functions[name] = h
	}
}

// fnArrayLength is array_length(a, dim) and array_upper(a, dim): the number of elements of a
// one-dimensional array for dimension 1, NULL for an empty array or another dimension.
func fnArrayLength(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	name, _ := funcName(fc)
	if out, ty, ok, err := t.vectorBounds(name, fc, sc); ok || err != nil {
		return out, ty, err
	}
	args, types, err := t.arrayArg(name, fc, sc, 2)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	dim, dt, err := t.coerce(args[1], types[1], of(typemap.Int4))
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if !isInt(dt) {
		return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
	}
	n := funcCall("JSON_LENGTH", args[0])
	return caseWhen(castTo(n, of(typemap.Int4)), binop(opcode.NE, dim, intLit(1)), nullLit(),
		binop(opcode.EQ, n, intLit(0)), nullLit()), of(typemap.Int4), nil
}

// fnArrayLower is array_lower(a, dim): 1 for a non-empty one-dimensional array's dimension 1.
func fnArrayLower(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if out, ty, ok, err := t.vectorBounds("array_lower", fc, sc); ok || err != nil {
		return out, ty, err
	}
	args, types, err := t.arrayArg("array_lower", fc, sc, 2)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	dim, _, err := t.coerce(args[1], types[1], of(typemap.Int4))
	if err != nil {
		return nil, typemap.Type{}, err
	}
	n := funcCall("JSON_LENGTH", args[0])
	return caseWhen(intLit(1), isNull(n, false), nullLit(), binop(opcode.NE, dim, intLit(1)), nullLit(),
		binop(opcode.EQ, n, intLit(0)), nullLit()), of(typemap.Int4), nil
}

// fnArrayNdims is array_ndims(a): 1, NULL for an empty array.
func fnArrayNdims(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.arrayArg("array_ndims", fc, sc, 1)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	n := funcCall("JSON_LENGTH", args[0])
	return caseWhen(intLit(1), isNull(n, false), nullLit(), binop(opcode.EQ, n, intLit(0)), nullLit()), of(typemap.Int4), nil
}

// fnCardinality is cardinality(a): the number of elements, 0 for an empty array.
func fnCardinality(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.arrayArg("cardinality", fc, sc, 1)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return castTo(funcCall("JSON_LENGTH", args[0]), of(typemap.Int4)), of(typemap.Int4), nil
}

// fnArrayToString is array_to_string(a, delimiter [, null_string]) over an array whose
// elements are known: CONCAT_WS, which skips NULL elements as array_to_string does without
// null_string.
func fnArrayToString(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, types, err := t.arrayArg("array_to_string", fc, sc, 2)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	for i := 1; i < len(args); i++ {
		if args[i], types[i], err = t.coerce(args[i], types[i], of(typemap.Text)); err != nil {
			return nil, typemap.Type{}, err
		}
		if !isString(types[i]) {
			return nil, typemap.Type{}, t.undefinedFunction("array_to_string", fc.GetArgs(), sc)
		}
	}
	v := t.arrays[args[0]]
	if v == nil && isNullConst(args[0]) {
		return nullLit(), of(typemap.Text), nil
	}
	if v == nil {
		var nullString ast.ExprNode
		if len(args) == 3 {
			nullString = args[2]
		}
		if a := t.arraySubqueries[args[0]]; a != nil {
			return t.arraySubqueryToString(a, args[1], nullString) // array_sublink.go
		}
		return t.arrayColumnToString(args[0], types[0], args[1], nullString) // array_column.go
	}
	parts := []ast.ExprNode{args[1]}
	for _, e := range v.elems {
		if isNullLit(e) && len(args) == 2 {
			continue
		}
		txt, err := t.outputText(e, v.elem)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if len(args) == 3 {
			txt = funcCall("IFNULL", txt, args[2])
		}
		parts = append(parts, txt)
	}
	if len(parts) == 1 {
		return caseWhen(strLit(""), isNull(args[1], false), nullLit()), of(typemap.Text), nil
	}
	return funcCall("CONCAT_WS", parts...), of(typemap.Text), nil
}

// arrayCastType resolves an array type name (int[], text[], _int4 is not supported).
func arrayCastType(tn *pg_query.TypeName, name string) (typemap.Type, string, error) {
	if len(tn.GetArrayBounds()) > 1 {
		return typemap.Type{}, "", pgerror.Unsupported("multidimensional array type " + name)
	}
	elemName := &pg_query.TypeName{Names: tn.GetNames(), Typmods: tn.GetTypmods(), Location: tn.GetLocation()}
	elem, _, err := castType(elemName)
	if err != nil {
		return typemap.Type{}, "", err
	}
	arr := typemap.ArrayOf(elem.OID)
	if arr == 0 {
		return typemap.Type{}, "", pgerror.Unsupported("array type " + name + "[]")
	}
	return of(arr), name, nil
}

// arrayCast translates a cast to an array type: of an ARRAY[...] constructor (its elements
// take the element type), of an array literal, or of an array of the same type.
func (t *translator) arrayCast(tc *pg_query.TypeCast, to typemap.Type, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if a := tc.GetArg().GetAArrayExpr(); a != nil {
		return t.arrayFromElements(a.GetElements(), sc, to)
	}
	e, from, err := t.expr(tc.GetArg(), sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isUnknown(from) {
		if isNullLit(e) {
			return e, to, nil
		}
		if i, ok := isParam(e); ok {
			if _, err := arrayTypeOf(arrayElemType(to)); err != nil {
				return nil, typemap.Type{}, err
			}
			t.setParamType(i, to)
			return t.arrayOperand(e, to), to, nil
		}
		s, ok := literalString(e)
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported("cast of this expression to " + sqlTypeName(to))
		}
		out, err := t.arrayLiteral(s, to)
		return out, to, err
	}
	if from.OID == to.OID {
		return t.arrayOperand(e, to), to, nil
	}
	if isVector(from) && vectorElem(from).OID == arrayElemType(to).OID {
		// PostgreSQL keeps the vector's subscripts, from 0 ('[0:1]={1,2}'); pgtidb's arrays
		// start at 1. array_upper/array_lower/array_length of the cast are answered
		// (vectorBounds, array_name.go), other uses refused.
		return nil, typemap.Type{}, pgerror.Unsupported(sqlTypeName(from) + "::" + sqlTypeName(to) + " (an array whose subscripts start at 0)")
	}
	if v := t.arrays[e]; v != nil && isArray(from) {
		// Known elements: cast each.
		elem := arrayElemType(to)
		if _, err := arrayTypeOf(elem); err != nil {
			return nil, typemap.Type{}, err
		}
		elems := make([]ast.ExprNode, len(v.elems))
		for i, el := range v.elems {
			var err error
			if elems[i], err = t.convert(el, v.elem, elem); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		out, err := t.knownArray(elem, elems)
		return out, to, err
	}
	return nil, typemap.Type{}, pgerror.Newf(pgerrcode.CannotCoerce, "cannot cast type %s to %s", sqlTypeName(from), sqlTypeName(to))
}

// slice translates a[lo:hi] with constant bounds (either may be omitted) on an array whose
// elements are known: the elements in the range, '{}' when it is empty.
func (t *translator) slice(arr ast.ExprNode, ty typemap.Type, idx *pg_query.A_Indices, sc *scope) (ast.ExprNode, typemap.Type, error) {
	v := t.arrays[arr]
	if v == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("slices of an array that is not a constructor or constant")
	}
	bound := func(n *pg_query.Node, dflt int64) (int64, error) {
		if n == nil {
			return dflt, nil
		}
		e, bt, err := t.expr(n, sc)
		if err != nil {
			return 0, err
		}
		if e, bt, err = t.coerce(e, bt, of(typemap.Int4)); err != nil {
			return 0, err
		}
		b, ok := intValue(e)
		if !ok || !isInt(bt) {
			return 0, pgerror.Unsupported("array slices with non-constant bounds")
		}
		return b, nil
	}
	lo, err := bound(idx.GetLidx(), 1)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	hi, err := bound(idx.GetUidx(), int64(len(v.elems)))
	if err != nil {
		return nil, typemap.Type{}, err
	}
	lo = max(lo, 1)
	hi = min(hi, int64(len(v.elems)))
	var elems []ast.ExprNode
	if lo <= hi {
		elems = append(elems, v.elems[lo-1:hi]...)
	}
	out, err := t.knownArray(v.elem, elems)
	return out, ty, err
}

// arrayConcat is `||` with an array operand: array_cat (array || array), array_append
// (array || element) and array_prepend (element || array), with PostgreSQL's NULL rules (a NULL
// array counts as empty when the other side is an array or an element). An untyped literal
// next to an array is read as an array literal, as PostgreSQL resolves it.
func (t *translator) arrayConcat(l ast.ExprNode, lt typemap.Type, r ast.ExprNode, rt typemap.Type) (ast.ExprNode, typemap.Type, error) {
	var err error
	if isUnknown(lt) && !isNullLit(l) {
		if l, lt, err = t.untypedArray(l, rt); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	if isUnknown(rt) && !isNullLit(r) {
		if r, rt, err = t.untypedArray(r, lt); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	l, r = t.arrayOperand(l, lt), t.arrayOperand(r, rt)
	arrTy := lt
	if !isArray(lt) {
		arrTy = rt
	}
	elem := arrayElemType(arrTy)
	compatible := func(ty typemap.Type) (typemap.Type, bool) {
		switch {
		case isUnknown(ty), ty.OID == elem.OID:
			return elem, true
		case isInt(ty) && isInt(elem):
			if numberRank(ty) > numberRank(elem) {
				return of(ty.OID), true
			}
			return elem, true
		case isString(ty) && isString(elem) && ty.OID != typemap.BPChar:
			return of(typemap.Text), true
		}
		return typemap.Type{}, false
	}
	other := rt
	if !isArray(lt) {
		other = lt
	} else if isArray(rt) {
		other = arrayElemType(rt)
	}
	newElem, ok := compatible(other)
	if !ok {
		return nil, typemap.Type{}, noOperator("||", lt, rt)
	}
	resTy, err := arrayTypeOf(newElem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	lv, rv := t.arrays[l], t.arrays[r]
	if isArray(lt) && isArray(rt) && (isNullConst(l) || isNullConst(r)) && lt.OID == rt.OID {
		// NULL || a = a || NULL = a: the array itself, as what it is (a constructor stays
		// one for array_to_string and the other array functions).
		if isNullConst(l) {
			return r, rt, nil
		}
		return l, lt, nil
	}
	if isArray(lt) && isArray(rt) {
		out := caseWhen(funcCall("JSON_MERGE_PRESERVE", l, r), isNull(l, false), r, isNull(r, false), l)
		if lv != nil && rv != nil {
			return t.rememberArray(out, &arrayValue{elem: newElem, elems: append(append([]ast.ExprNode(nil), lv.elems...), rv.elems...)}), resTy, nil
		}
		return out, resTy, nil
	}
	// array || element appends, element || array prepends.
	arr, av, el, et, appending := l, lv, r, rt, true
	if !isArray(lt) {
		arr, av, el, et, appending = r, rv, l, lt, false
	}
	if isUnknown(et) {
		el, _, _ = t.coerce(el, et, elem)
	}
	je, err := t.jsonElement(el, newElem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	base := funcCall("IFNULL", arr, funcCall("JSON_ARRAY"))
	var out ast.ExprNode
	var elems []ast.ExprNode
	if appending {
		out = funcCall("JSON_ARRAY_APPEND", base, strLit("$"), je)
		if av != nil {
			elems = append(append(elems, av.elems...), el)
		}
	} else {
		out = funcCall("JSON_ARRAY_INSERT", base, strLit("$[0]"), je)
		if av != nil {
			elems = append([]ast.ExprNode{el}, av.elems...)
		}
	}
	if av != nil {
		return t.rememberArray(out, &arrayValue{elem: newElem, elems: elems}), resTy, nil
	}
	return out, resTy, nil
}

// untypedArray reads an untyped literal next to an array of type arrTy as an array literal.
func (t *translator) untypedArray(e ast.ExprNode, arrTy typemap.Type) (ast.ExprNode, typemap.Type, error) {
	s, ok := literalString(e)
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("array parameters")
	}
	out, err := t.arrayLiteral(s, arrTy)
	return out, arrTy, err
}

// isNullConst reports whether e is NULL or a cast of NULL.
func isNullConst(e ast.ExprNode) bool {
	if c, ok := e.(*ast.FuncCastExpr); ok {
		return isNullLit(c.Expr)
	}
	return isNullLit(e)
}

// subscriptIndex translates a subscript's index: an integer expression, coerced to int4 as
// PostgreSQL's transformArraySubscripts does (42804 for anything else).
func (t *translator) subscriptIndex(idx *pg_query.A_Indices, sc *scope) (ast.ExprNode, error) {
	i, it, err := t.expr(idx.GetUidx(), sc)
	if err != nil {
		return nil, err
	}
	if i, it, err = t.coerce(i, it, of(typemap.Int4)); err != nil {
		return nil, err
	}
	if !isInt(it) {
		return nil, pgerror.Newf(pgerrcode.DatatypeMismatch, "array subscript must have type integer")
	}
	return i, nil
}
