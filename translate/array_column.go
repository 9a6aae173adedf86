package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// arrayColumnToString is array_to_string(a, delimiter [, null_string]) of an array whose
// elements are not known at translation (a column, such as pg_database.datacl), for string
// elements (text, varchar, bpchar, name, aclitem: their JSON strings are their output text).
// A correlated recursive WITH query walks the JSON array:
//
//	(WITH RECURSIVE pgtidb_a(i, s, f) AS (SELECT 0, CAST('' AS CHAR(…)), 0
//	   UNION ALL SELECT i+1, <s with element i appended>, f OR <element i is not null>
//	   FROM pgtidb_a WHERE i < JSON_LENGTH(a))
//	 SELECT IF(a IS NULL, NULL, s) FROM pgtidb_a ORDER BY i DESC LIMIT 1)
//
// where f tells whether an element was appended yet (the delimiter goes between elements
// only). NULL elements are skipped, or written as null_string when it is given, as PostgreSQL
// does; an empty array gives ”; a NULL array or delimiter gives NULL.
func (t *translator) arrayColumnToString(arr ast.ExprNode, arrType typemap.Type, delim, nullString ast.ExprNode) (ast.ExprNode, typemap.Type, error) {
	if _, ok := arr.(*ast.ColumnNameExpr); !ok {
		// The walk repeats the array expression: only a column is read as it is.
		return nil, typemap.Type{}, pgerror.Unsupported("array_to_string of an array that is not a constructor or constant")
	}
	elem, _ := typemap.ArrayElem(arrType.OID)
	switch elem {
	case typemap.Text, typemap.Varchar, typemap.BPChar, typemap.Name, typemap.AclItem:
	default:
		return nil, typemap.Type{}, pgerror.Unsupported("array_to_string of an array that is not a constructor or constant, of element type " + sqlTypeName(typemap.Of(elem)))
	}
	const cte = "pgtidb_a"
	col := func(name string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(cte), Name: cistr(name)}}
	}
	element := func() ast.ExprNode {
		return funcCall("JSON_EXTRACT", arr, funcCall("CONCAT", strLit("$["), col("i"), strLit("]")))
	}
	isJSONNull := func() ast.ExprNode { return binop(opcode.EQ, funcCall("JSON_TYPE", element()), strLit("NULL")) }
	text := func() ast.ExprNode { return funcCall("JSON_UNQUOTE", element()) }
	// appended: the text of element i, or nil when a NULL element is skipped.
	var appended ast.ExprNode = caseWhen(text(), isJSONNull(), nullLit())
	started := binop(opcode.LogicOr, col("f"), not(isJSONNull()))
	if nullString != nil {
		appended = caseWhen(text(), isJSONNull(), nullString)
		started = boolLit(true)
	}
	next := caseWhen(
		caseWhen(appended, col("f"), funcCall("CONCAT", col("s"), delim, appended)),
		isNull(appended, false), col("s"))

	seed := newSelect()
	seed.Fields = &ast.FieldList{Fields: []*ast.SelectField{
		{Expr: intLit(0)},
		{Expr: &ast.FuncCastExpr{Expr: strLit(""), Tp: widestChar(), FunctionType: ast.CastFunction}},
		{Expr: boolLit(false)}}}
	unionAll := ast.UnionAll
	step := newSelect()
	step.Fields = &ast.FieldList{Fields: []*ast.SelectField{
		{Expr: binop(opcode.Plus, col("i"), intLit(1))}, {Expr: next}, {Expr: started}}}
	step.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cistr(cte)}}}}
	step.Where = binop(opcode.LT, col("i"), funcCall("JSON_LENGTH", arr))
	step.AfterSetOperator = &unionAll

	out := newSelect()
	out.With = &ast.WithClause{IsRecursive: true, CTEs: []*ast.CommonTableExpression{{
		Name: cistr(cte), IsRecursive: true,
		ColNameList: []model.CIStr{cistr("i"), cistr("s"), cistr("f")},
		Query:       &ast.SubqueryExpr{Query: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{seed, step}}}}}}}
	out.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: caseWhen(col("s"), isNull(arr, false), nullLit(), isNull(delim, false), nullLit())}}}
	out.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cistr(cte)}}}}
	out.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: col("i"), Desc: true}}}
	out.Limit = &ast.Limit{Count: intLit(1)}
	return &ast.SubqueryExpr{Query: out}, typemap.Of(typemap.Text), nil
}

// widestChar is CAST(… AS CHAR(4294967295)), the type a recursive WITH query's string column
// needs so that TiDB does not cut the values of the recursive term to the first term's width.
func widestChar() *types.FieldType {
	ft := types.NewFieldType(mysql.TypeVarString)
	ft.SetFlen(4294967295)
	return ft
}
