package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func init() {
	functions["array_remove"] = fnArrayRemove
}

// arrayRemoval is what the translator knows of an array_remove result: the array it removes
// from (a column or an array of known elements) and the removed values, each as the JSON
// element it would be in that array. array_remove(array_remove(a, x), y) is one removal of
// x and y from a, so that the walk below reads a itself.
type arrayRemoval struct {
	base    ast.ExprNode
	removed []ast.ExprNode
}

// fnArrayRemove is array_remove(a, x): a without the elements equal to x (IS NOT DISTINCT
// FROM: array_remove(a, NULL) removes the NULL elements), in their order; NULL when a is
// NULL. x takes a's element type (an untyped literal is read by its input function). The
// result is computed by a correlated recursive WITH query over a's positions:
//
//	(WITH RECURSIVE pgtidb_r(i, r) AS (SELECT 0, JSON_ARRAY()
//	   UNION ALL SELECT i+1, IF(<element i is one of the removed>, r, JSON_ARRAY_APPEND(r, '$', <element i>))
//	   FROM pgtidb_r WHERE i < JSON_LENGTH(a))
//	 SELECT IF(a IS NULL, NULL, r) FROM pgtidb_r ORDER BY i DESC LIMIT 1)
//
// JSON_ARRAY(element) = JSON_ARRAY(x) compares the two JSON values, a JSON null (a NULL
// element, or x NULL) equal only to another.
func fnArrayRemove(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, types, err := t.arrayArg("array_remove", fc, sc, 2)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	elem := arrayElemType(types[0])
	// Elements are compared as JSON values: exact for integers, oids, text, bool and date,
	// whose JSON form is canonical; not for numeric ('1.5' and '1.50' are equal) nor bpchar
	// (trailing spaces do not count).
	if !(isInt(elem) || elem.OID == typemap.Oid || typemap.IsRegType(elem.OID) || elem.OID == typemap.Bool ||
		elem.OID == typemap.Date || isString(elem) && elem.OID != typemap.BPChar) {
		return nil, typemap.Type{}, pgerror.Unsupported("array_remove over arrays of " + sqlTypeName(elem))
	}
	x, xt := args[1], types[1]
	if isArray(xt) {
		return nil, typemap.Type{}, t.undefinedFunction("array_remove", fc.GetArgs(), sc)
	}
	switch {
	case isNullLit(x):
	case isUnknown(xt):
		if x, _, err = t.coerce(x, xt, elem); err != nil {
			return nil, typemap.Type{}, err
		}
	case xt.OID != elem.OID:
		if !(isInt(xt) && isInt(elem)) && !(isString(xt) && isString(elem) && xt.OID != typemap.BPChar && elem.OID != typemap.BPChar) {
			return nil, typemap.Type{}, t.undefinedFunction("array_remove", fc.GetArgs(), sc)
		}
	}
	if !simpleOperand(x) {
		return nil, typemap.Type{}, pgerror.Unsupported("array_remove of a value computed by a volatile expression")
	}
	jx, err := t.jsonElement(x, elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	base := args[0]
	if isNullConst(base) {
		return nullLit(), types[0], nil
	}
	removed := []ast.ExprNode{jx}
	if prev := t.arrayRemovals[base]; prev != nil {
		base, removed = prev.base, append(append([]ast.ExprNode(nil), prev.removed...), jx)
	} else if _, isCol := base.(*ast.ColumnNameExpr); !isCol && (t.arrays[base] == nil || !simpleOperand(base)) {
		// The walk repeats the array expression: only a column or known elements are read
		// as they are.
		return nil, typemap.Type{}, pgerror.Unsupported("array_remove of an array that is not a column, constructor or constant")
	}
	out := arrayRemoveWalk(base, removed)
	if t.arrayRemovals == nil {
		t.arrayRemovals = map[ast.ExprNode]*arrayRemoval{}
	}
	t.arrayRemovals[out] = &arrayRemoval{base: base, removed: removed}
	return out, types[0], nil
}

// arrayRemoveWalk is the recursive WITH query of fnArrayRemove.
func arrayRemoveWalk(arr ast.ExprNode, removed []ast.ExprNode) ast.ExprNode {
	const cte = "pgtidb_r"
	col := func(name string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(cte), Name: cistr(name)}}
	}
	element := func() ast.ExprNode {
		return funcCall("JSON_EXTRACT", arr, funcCall("CONCAT", strLit("$["), col("i"), strLit("]")))
	}
	var isRemoved ast.ExprNode
	for _, x := range removed {
		eq := binop(opcode.EQ, funcCall("JSON_ARRAY", element()), funcCall("JSON_ARRAY", x))
		if isRemoved == nil {
			isRemoved = eq
		} else {
			isRemoved = binop(opcode.LogicOr, isRemoved, eq)
		}
	}
	seed := newSelect()
	seed.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: intLit(0)}, {Expr: funcCall("JSON_ARRAY")}}}
	unionAll := ast.UnionAll
	step := newSelect()
	step.Fields = &ast.FieldList{Fields: []*ast.SelectField{
		{Expr: binop(opcode.Plus, col("i"), intLit(1))},
		{Expr: caseWhen(funcCall("JSON_ARRAY_APPEND", col("r"), strLit("$"), element()), isRemoved, col("r"))}}}
	step.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cistr(cte)}}}}
	step.Where = binop(opcode.LT, col("i"), funcCall("JSON_LENGTH", arr))
	step.AfterSetOperator = &unionAll

	out := newSelect()
	out.With = &ast.WithClause{IsRecursive: true, CTEs: []*ast.CommonTableExpression{{
		Name: cistr(cte), IsRecursive: true,
		ColNameList: []model.CIStr{cistr("i"), cistr("r")},
		Query:       &ast.SubqueryExpr{Query: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{seed, step}}}}}}}
	out.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: caseWhen(col("r"), isNull(arr, false), nullLit())}}}
	out.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cistr(cte)}}}}
	out.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: col("i"), Desc: true}}}
	out.Limit = &ast.Limit{Count: intLit(1)}
	return &ast.SubqueryExpr{Query: out}
}
