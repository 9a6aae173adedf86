package translate

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// constant translates a literal. Integers are int4, int8 or numeric by size as in
// PostgreSQL; other numbers are numeric; strings are unknown until context gives them a type
// (coerce); NULL is unknown too.
func (t *translator) constant(c *pg_query.A_Const) (ast.ExprNode, typemap.Type, error) {
	switch {
	case c.GetIsnull():
		return nullLit(), typemap.Of(typemap.Unknown), nil
	case c.GetIval() != nil:
		return intLit(int64(c.GetIval().GetIval())), typemap.Of(typemap.Int4), nil
	case c.GetFval() != nil:
		return numberLit(c.GetFval().GetFval())
	case c.GetBoolval() != nil:
		return boolLit(c.GetBoolval().GetBoolval()), typemap.Of(typemap.Bool), nil
	case c.GetSval() != nil:
		return strLit(c.GetSval().GetSval()), typemap.Of(typemap.Unknown), nil
	case c.GetBsval() != nil:
		return nil, typemap.Type{}, pgerror.Unsupported("bit string literal")
	}
	// An A_Const without a value is the integer 0 (protobuf omits zero values).
	return intLit(0), typemap.Of(typemap.Int4), nil
}

// numberLit is a numeric literal pg_query keeps as text: an integer too large for int4
// (int8 or numeric), or a decimal/exponent number (numeric).
func numberLit(s string) (ast.ExprNode, typemap.Type, error) {
	if !strings.ContainsAny(s, ".eE") {
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			// PostgreSQL's make_const: int4 when it fits (-2147483648 arrives here as text).
			if v >= -1<<31 && v < 1<<31 {
				return intLit(v), typemap.Of(typemap.Int4), nil
			}
			return intLit(v), typemap.Of(typemap.Int8), nil
		}
	}
	e, err := decimalLit(s)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return e, typemap.Of(typemap.Numeric), nil
}

func intLit(v int64) ast.ExprNode { return ast.NewValueExpr(v, "", "") }

func strLit(s string) ast.ExprNode { return ast.NewValueExpr(s, "", "") }

func nullLit() ast.ExprNode { return ast.NewValueExpr(nil, "", "") }

// boolLit renders as TRUE / FALSE.
func boolLit(b bool) ast.ExprNode {
	v := int64(0)
	if b {
		v = 1
	}
	e := ast.NewValueExpr(v, "", "")
	e.GetType().AddFlag(mysql.IsBooleanFlag)
	return e
}

// decimalLit is an exact numeric literal from its text (digits, optional point, optional
// exponent), rewritten without exponent and with PostgreSQL's scale (1.5e-3 is 0.0015, 1e3 is
// 1000). Values beyond TiDB's DECIMAL (65 digits, scale 30) are refused.
func decimalLit(s string) (ast.ExprNode, error) {
	plain, err := plainDecimal(s)
	if err != nil {
		return nil, err
	}
	d, err := ast.NewDecimal(plain)
	if err != nil {
		return nil, pgerror.Newf(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type numeric: %q", s)
	}
	return ast.NewValueExpr(d, "", ""), nil
}

func plainDecimal(s string) (string, error) {
	m := decimalSyntax.FindStringSubmatch(s)
	if m == nil {
		return "", pgerror.Newf(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type numeric: %q", s)
	}
	sign, intPart, fracPart, expPart := m[1], m[2], m[3], m[4]
	exp := 0
	if expPart != "" {
		v, err := strconv.Atoi(expPart)
		if err != nil || v > 1000 || v < -1000 {
			return "", pgerror.Unsupported("numeric literal " + strconv.Quote(s) + " (beyond TiDB's DECIMAL)")
		}
		exp = v
	}
	digits := strings.TrimLeft(intPart+fracPart, "0")
	scale := len(fracPart) - exp
	if scale < 0 {
		digits += strings.Repeat("0", -scale)
		scale = 0
	}
	if len(digits) < scale+1 {
		digits = strings.Repeat("0", scale+1-len(digits)) + digits
	}
	if scale > 30 || len(digits) > 65 {
		return "", pgerror.Unsupported("numeric literal " + strconv.Quote(s) + " (beyond TiDB's DECIMAL)")
	}
	out := digits[:len(digits)-scale]
	if scale > 0 {
		out += "." + digits[len(digits)-scale:]
	}
	if sign == "-" {
		out = "-" + out
	}
	return out, nil
}

var decimalSyntax = regexp.MustCompile(`^([+-]?)([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]+))?$`)

// literalString returns the text of a string literal expression, if e is one.
func literalString(e ast.ExprNode) (string, bool) {
	if _, ok := isParam(e); ok {
		return "", false
	}
	v, ok := e.(ast.ValueExpr)
	if !ok {
		return "", false
	}
	s, ok := v.GetValue().(string)
	return s, ok
}

// isNullLit reports whether e is the NULL literal.
func isNullLit(e ast.ExprNode) bool {
	if _, ok := isParam(e); ok {
		return false
	}
	v, ok := e.(ast.ValueExpr)
	return ok && v.GetValue() == nil
}

// intValue returns the value of an integer literal expression, if e is one.
func intValue(e ast.ExprNode) (int64, bool) {
	if _, ok := isParam(e); ok {
		return 0, false
	}
	v, ok := e.(ast.ValueExpr)
	if !ok {
		return 0, false
	}
	i, ok := v.GetValue().(int64)
	return i, ok
}

func (t *translator) paramRef(p *pg_query.ParamRef) (ast.ExprNode, typemap.Type, error) {
	n := int(p.GetNumber())
	if n < 1 || n > maxParams {
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedParameter, "there is no parameter $%d", n)
	}
	e, ty := t.param(n)
	if ty.OID == 0 {
		ty = typemap.Of(typemap.Unknown)
	}
	return e, ty, nil
}
