package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// aggregates maps PostgreSQL aggregate functions to their translations. Result types follow
// PostgreSQL: count → int8, sum(int2/int4) → int8, sum(int8) → numeric, avg(integer) →
// numeric, bool_and/bool_or → bool.
var aggregates map[string]funcHandler

func init() {
	aggregates = map[string]funcHandler{
		"count":      aggCount,
		"sum":        aggNumeric("SUM"),
		"avg":        aggNumeric("AVG"),
		"min":        aggMinMax("MIN"),
		"max":        aggMinMax("MAX"),
		"bool_and":   aggBool("MIN"),
		"every":      aggBool("MIN"),
		"bool_or":    aggBool("MAX"),
		"string_agg": aggStringAgg,
	}
}

// aggArg translates the single argument of an aggregate, applying FILTER (WHERE c) as
// CASE WHEN c THEN x END, which the aggregate then skips as NULL.
func (t *translator) aggArg(fc *pg_query.FuncCall, sc *scope, n *pg_query.Node) (ast.ExprNode, typemap.Type, error) {
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if fc.GetAggFilter() != nil {
		cond, err := t.predicate(fc.GetAggFilter(), sc, "FILTER")
		if err != nil {
			return nil, typemap.Type{}, err
		}
		e = caseWhen(nil, cond, e)
	}
	return e, ty, nil
}

// aggCheck refuses aggregate decorations a function does not support.
func aggCheck(name string, fc *pg_query.FuncCall, nargs int) error {
	if len(fc.GetAggOrder()) > 0 {
		return pgerror.Unsupported("ORDER BY in " + name + "()")
	}
	if len(fc.GetArgs()) != nargs {
		return pgerror.Newf("42883", "function %s with %d arguments does not exist", name, len(fc.GetArgs()))
	}
	return nil
}

func aggCount(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(fc.GetAggOrder()) > 0 {
		return nil, typemap.Type{}, pgerror.Unsupported("ORDER BY in count()")
	}
	var arg ast.ExprNode
	switch {
	case fc.GetAggStar():
		arg = intLit(1)
		if fc.GetAggFilter() != nil {
			cond, err := t.predicate(fc.GetAggFilter(), sc, "FILTER")
			if err != nil {
				return nil, typemap.Type{}, err
			}
			arg = caseWhen(nil, cond, intLit(1))
		}
	case len(fc.GetArgs()) == 1:
		e, ty, err := t.aggArg(fc, sc, fc.GetArgs()[0])
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(ty) {
			if e, _, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		arg = e
	default:
		return nil, typemap.Type{}, t.undefinedFunction("count", fc.GetArgs(), sc)
	}
	agg := &ast.AggregateFuncExpr{F: ast.AggFuncCount, Args: []ast.ExprNode{arg}, Distinct: fc.GetAggDistinct()}
	t.markNotNull(agg)
	return agg, of(typemap.Int8), nil
}

// singleAggArg checks a one-argument aggregate call and translates its argument; name is the
// function's name for messages.
func (t *translator) singleAggArg(fc *pg_query.FuncCall, sc *scope) (name string, e ast.ExprNode, ty typemap.Type, err error) {
	name, _ = funcName(fc)
	if err = aggCheck(name, fc, 1); err != nil {
		return name, nil, ty, err
	}
	e, ty, err = t.aggArg(fc, sc, fc.GetArgs()[0])
	return name, e, ty, err
}

// aggNumeric is sum/avg over numbers.
func aggNumeric(fn string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, e, ty, err := t.singleAggArg(fc, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(ty) {
			// PostgreSQL cannot choose among sum(int)/sum(numeric)/… for an untyped argument.
			return nil, typemap.Type{}, pgerror.Newf("42725", "function %s(unknown) is not unique", name)
		}
		if !isNumber(ty) {
			if ty.OID == typemap.Interval {
				return nil, typemap.Type{}, pgerror.Unsupported(name + "(interval)")
			}
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		var res typemap.Type
		switch {
		case fn == "SUM" && (ty.OID == typemap.Int2 || ty.OID == typemap.Int4):
			res = of(typemap.Int8)
		case fn == "SUM" && ty.OID == typemap.Int8, fn == "AVG" && isInt(ty), ty.OID == typemap.Numeric:
			res = of(typemap.Numeric)
		case fn == "AVG":
			res = of(typemap.Float8)
		default:
			res = of(ty.OID)
		}
		return &ast.AggregateFuncExpr{F: fn, Args: []ast.ExprNode{e}, Distinct: fc.GetAggDistinct()}, res, nil
	}
}

func aggMinMax(fn string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, e, ty, err := t.singleAggArg(fc, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(ty) {
			if e, ty, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		switch ty.OID {
		case typemap.Bool, typemap.JSON, typemap.JSONB:
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		return &ast.AggregateFuncExpr{F: fn, Args: []ast.ExprNode{e}, Distinct: fc.GetAggDistinct()}, ty, nil
	}
}

// aggBool is bool_and/every (MIN over 0/1) and bool_or (MAX).
func aggBool(fn string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, e, ty, err := t.singleAggArg(fc, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if e, err = t.asBool(e, ty, name); err != nil {
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		return &ast.AggregateFuncExpr{F: fn, Args: []ast.ExprNode{e}}, of(typemap.Bool), nil
	}
}

// aggStringAgg is string_agg(x, sep [ORDER BY …]) → GROUP_CONCAT(x ORDER BY … SEPARATOR sep).
// The separator must be a constant (TiDB's SEPARATOR is a literal); the session raises
// group_concat_max_len so results are not cut.
func aggStringAgg(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("string_agg", args, sc)
	}
	e, ty, err := t.aggArg(fc, sc, args[0])
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isUnknown(ty) {
		if e, ty, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	if !isString(ty) {
		return nil, typemap.Type{}, t.undefinedFunction("string_agg", args, sc)
	}
	sep, ok := constantString(args[1])
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("string_agg with a non-constant separator")
	}
	agg := &ast.AggregateFuncExpr{F: ast.AggFuncGroupConcat, Args: []ast.ExprNode{e, strLit(sep)}, Distinct: fc.GetAggDistinct()}
	if len(fc.GetAggOrder()) > 0 {
		items, err := t.orderBy(fc.GetAggOrder(), sc, nil)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		agg.Order = &ast.OrderByClause{Items: items}
	}
	return agg, of(typemap.Text), nil
}
