package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// windowFunc translates f(...) OVER (PARTITION BY … ORDER BY …) for the ranking functions and
// the aggregates pgtidb maps. Frames other than the default, named windows and window
// functions PostgreSQL and TiDB type differently are refused.
func (t *translator) windowFunc(name string, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	over := fc.GetOver()
	if over.GetName() != "" || over.GetRefname() != "" {
		return nil, typemap.Type{}, pgerror.Unsupported("named window")
	}
	// FRAMEOPTION_DEFAULTS is 1058 (RANGE UNBOUNDED PRECEDING .. CURRENT ROW).
	if over.GetFrameOptions() != 1058 && over.GetFrameOptions() != 0 {
		return nil, typemap.Type{}, pgerror.Unsupported("window frame clause")
	}
	spec := ast.WindowSpec{}
	if p := over.GetPartitionClause(); len(p) > 0 {
		spec.PartitionBy = &ast.PartitionByClause{}
		for _, n := range p {
			e, _, err := t.expr(n, sc)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			spec.PartitionBy.Items = append(spec.PartitionBy.Items, &ast.ByItem{Expr: e})
		}
	}
	if o := over.GetOrderClause(); len(o) > 0 {
		items, err := t.orderBy(o, sc, nil)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		spec.OrderBy = &ast.OrderByClause{Items: items}
	}
	var fn string
	var ty typemap.Type
	var args []ast.ExprNode
	switch name {
	case "row_number", "rank", "dense_rank":
		if len(fc.GetArgs()) != 0 {
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		fn, ty = name, of(typemap.Int8)
	case "percent_rank", "cume_dist":
		if len(fc.GetArgs()) != 0 {
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		fn, ty = name, of(typemap.Float8)
	case "lag", "lead", "first_value", "last_value":
		if len(fc.GetArgs()) < 1 || len(fc.GetArgs()) > 3 || (name[0] == 'f' || name[0] == 'l' && name != "lag" && name != "lead") && len(fc.GetArgs()) != 1 {
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		e, et, err := t.expr(fc.GetArgs()[0], sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(et) {
			if e, et, err = t.coerce(e, et, of(typemap.Text)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		args = append(args, e)
		if len(fc.GetArgs()) > 1 {
			off, ok := constantInt(fc.GetArgs()[1])
			if !ok || off < 0 {
				return nil, typemap.Type{}, pgerror.Unsupported(name + " with a non-constant offset")
			}
			args = append(args, intLit(off))
		}
		if len(fc.GetArgs()) > 2 {
			d, dt, err := t.expr(fc.GetArgs()[2], sc)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			if d, _, err = t.coerce(d, dt, et); err != nil {
				return nil, typemap.Type{}, err
			}
			args = append(args, d)
		}
		fn, ty = name, et
	case "count", "sum", "avg", "min", "max":
		agg, aty, err := aggregates[name](t, fc, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		a := agg.(*ast.AggregateFuncExpr)
		if a.Distinct {
			return nil, typemap.Type{}, pgerror.Unsupported("DISTINCT in a window aggregate")
		}
		fn, ty, args = a.F, aty, a.Args
	default:
		return nil, typemap.Type{}, pgerror.Unsupported("window function " + name + "()")
	}
	if fc.GetAggFilter() != nil && fn != "count" && fn != "sum" && fn != "avg" && fn != "min" && fn != "max" &&
		fn != ast.AggFuncCount {
		return nil, typemap.Type{}, pgerror.Unsupported("FILTER on window function " + name)
	}
	return &ast.WindowFuncExpr{Name: fn, Args: args, Spec: spec}, ty, nil
}
