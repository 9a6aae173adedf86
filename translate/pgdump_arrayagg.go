package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// array_agg, registered after func_agg.go fills the aggregates table (file order).
func init() {
	aggregates["array_agg"] = aggArrayAgg
}

// aggArrayAgg is array_agg(x [ORDER BY …] ) [FILTER (WHERE c)] of a non-array x (pg_dump's
// `array_agg(attnum ORDER BY attnum)`): the JSON array of the group's values, NULLs
// included, in the aggregate's order; NULL for a group without rows. TiDB's JSON_ARRAYAGG
// has no ORDER BY, so each value is written as its JSON text (`null` for NULL, which
// GROUP_CONCAT keeps) and the ordered texts are joined into the array's text:
//
//	CAST(CONCAT('[', GROUP_CONCAT(CAST(JSON_EXTRACT(JSON_ARRAY(<x>), '$[0]') AS CHAR) ORDER BY … SEPARATOR ','), ']') AS JSON)
//
// FILTER leaves the filtered-out rows' texts NULL, which GROUP_CONCAT skips. DISTINCT and
// arrays of arrays (PostgreSQL builds a two-dimensional array) are refused.
func aggArrayAgg(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if fc.GetAggStar() || len(args) != 1 {
		return nil, typemap.Type{}, t.undefinedFunction("array_agg", args, sc)
	}
	if fc.GetAggDistinct() {
		return nil, typemap.Type{}, pgerror.Unsupported("array_agg(DISTINCT …)")
	}
	e, ty, err := t.expr(args[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isUnknown(ty) {
		if e, ty, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	if isArray(ty) {
		return nil, typemap.Type{}, pgerror.Unsupported("array_agg of arrays (multidimensional arrays)")
	}
	elem := outputType(ty)
	arrTy, err := arrayTypeOf(elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	je, err := t.jsonElement(e, elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	text := castTo(funcCall("JSON_EXTRACT", funcCall("JSON_ARRAY", je), strLit("$[0]")), of(typemap.Text))
	if fc.GetAggFilter() != nil {
		cond, err := t.predicate(fc.GetAggFilter(), sc, "FILTER")
		if err != nil {
			return nil, typemap.Type{}, err
		}
		text = caseWhen(nil, cond, text)
	}
	agg := &ast.AggregateFuncExpr{F: ast.AggFuncGroupConcat, Args: []ast.ExprNode{text, strLit(",")}}
	if len(fc.GetAggOrder()) > 0 {
		items, err := t.orderBy(fc.GetAggOrder(), sc, nil)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		agg.Order = &ast.OrderByClause{Items: items}
	}
	return castTo(funcCall("CONCAT", strLit("["), agg, strLit("]")), of(typemap.JSONB)), arrTy, nil
}
