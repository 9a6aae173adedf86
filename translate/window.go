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
	spec := ast.WindowSpec{}
	frame, err := windowFrame(over)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	spec.Frame = frame
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
	if frame != nil && frame.Type == ast.Ranges && (frame.Extent.Start.Expr != nil || frame.Extent.End.Expr != nil) &&
		(spec.OrderBy == nil || len(spec.OrderBy.Items) != 1) {
		// TiDB needs exactly one ORDER BY key here; a nullable key carries the NULL-ordering
		// key as well.
		return nil, typemap.Type{}, pgerror.Unsupported("RANGE frame with offsets over a nullable or multiple ORDER BY key (use NULLS FIRST, or ROWS)")
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
	case "ntile":
		if len(fc.GetArgs()) != 1 {
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		n, ok := constantInt(fc.GetArgs()[0])
		if !ok || n <= 0 {
			return nil, typemap.Type{}, pgerror.Unsupported("ntile with a non-constant or non-positive argument")
		}
		fn, ty, args = name, of(typemap.Int4), []ast.ExprNode{intLit(n)}
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

// PostgreSQL's frame option bits (nodes/parsenodes.h).
const (
	frameNonDefault            = 0x00001
	frameRange                 = 0x00002
	frameRows                  = 0x00004
	frameGroups                = 0x00008
	frameStartUnboundedPrec    = 0x00020
	frameEndUnboundedFollowing = 0x00100
	frameStartCurrentRow       = 0x00200
	frameEndCurrentRow         = 0x00400
	frameStartOffsetPreceding  = 0x00800
	frameEndOffsetPreceding    = 0x01000
	frameStartOffsetFollowing  = 0x02000
	frameEndOffsetFollowing    = 0x04000
	frameExcludeMask           = 0x08000 | 0x10000 | 0x20000
)

// windowFrame translates ROWS/RANGE frames with UNBOUNDED, CURRENT ROW and constant integer
// offsets, which TiDB evaluates as PostgreSQL does. GROUPS frames, EXCLUDE and non-constant
// offsets are refused.
func windowFrame(over *pg_query.WindowDef) (*ast.FrameClause, error) {
	opts := over.GetFrameOptions()
	if opts&frameNonDefault == 0 {
		return nil, nil
	}
	if opts&frameGroups != 0 || opts&frameExcludeMask != 0 {
		return nil, pgerror.Unsupported("window frame with GROUPS or EXCLUDE")
	}
	fc := &ast.FrameClause{Type: ast.Rows}
	if opts&frameRange != 0 {
		fc.Type = ast.Ranges
	}
	bound := func(unbounded, current, offPreceding, offFollowing int32, offset *pg_query.Node, preceding bool) (ast.FrameBound, error) {
		switch {
		case opts&unbounded != 0:
			b := ast.FrameBound{Type: ast.Following, UnBounded: true}
			if preceding {
				b.Type = ast.Preceding
			}
			return b, nil
		case opts&current != 0:
			return ast.FrameBound{Type: ast.CurrentRow}, nil
		case opts&(offPreceding|offFollowing) != 0:
			n, ok := constantInt(offset)
			if !ok || n < 0 {
				return ast.FrameBound{}, pgerror.Unsupported("window frame with a non-constant offset")
			}
			b := ast.FrameBound{Type: ast.Following, Expr: intLit(n)}
			if opts&offPreceding != 0 {
				b.Type = ast.Preceding
			}
			return b, nil
		}
		return ast.FrameBound{}, pgerror.Unsupported("window frame bound")
	}
	var err error
	if fc.Extent.Start, err = bound(frameStartUnboundedPrec, frameStartCurrentRow, frameStartOffsetPreceding,
		frameStartOffsetFollowing, over.GetStartOffset(), true); err != nil {
		return nil, err
	}
	if fc.Extent.End, err = bound(frameEndUnboundedFollowing, frameEndCurrentRow, frameEndOffsetPreceding,
		frameEndOffsetFollowing, over.GetEndOffset(), false); err != nil {
		return nil, err
	}
	return fc, nil
}
