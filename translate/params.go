package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/pgtidb/pgtidb/typemap"
)

// maxParams is PostgreSQL's limit on the number of parameters of a statement.
const maxParams = 65535

// paramMarker is a `?` standing for PostgreSQL parameter $index+1. Restoring it records the
// index in the translator, so that ParamOrder follows the `?` of the restored text exactly,
// whatever order and repetition the PG statement used.
type paramMarker struct {
	ast.ParamMarkerExpr
	t     *translator
	index int
}

// Restore implements ast.Node.
func (p *paramMarker) Restore(ctx *format.RestoreCtx) error {
	p.t.paramOrder = append(p.t.paramOrder, p.index)
	return p.ParamMarkerExpr.Restore(ctx)
}

// param returns the marker for $n (1-based) and its current type (Unknown when not inferred).
func (t *translator) param(n int) (ast.ExprNode, typemap.Type) {
	i := n - 1
	t.growParams(i)
	return &paramMarker{ParamMarkerExpr: ast.NewParamMarkerExpr(0), t: t, index: i}, t.paramTypes[i]
}

func (t *translator) growParams(i int) {
	for len(t.paramTypes) <= i {
		t.paramTypes = append(t.paramTypes, typemap.Type{})
	}
}

// paramType returns the type of parameter index i (0-based); OID 0 when unknown.
func (t *translator) paramType(i int) typemap.Type {
	if i < len(t.paramTypes) {
		return t.paramTypes[i]
	}
	return typemap.Type{}
}

// setParamType records ty for parameter index i unless a type is already known (the client's
// declared type, or the first context that determined it, wins — as in PostgreSQL).
func (t *translator) setParamType(i int, ty typemap.Type) {
	t.growParams(i)
	if cur := t.paramTypes[i]; cur.OID == 0 || cur.OID == typemap.Unknown {
		t.paramTypes[i] = ty
	}
}

// isParam reports whether e is a parameter marker and which parameter.
func isParam(e ast.ExprNode) (int, bool) {
	if p, ok := e.(*paramMarker); ok {
		return p.index, true
	}
	return 0, false
}
