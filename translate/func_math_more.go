package translate

import (
	"math"
	"math/big"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// More math functions and the statistical aggregates. TiDB computes trigonometry and the
// statistical aggregates in double precision, which is PostgreSQL's float8 variant only: the
// numeric variants (numeric results for integer and numeric arguments of stddev/variance)
// are refused. cbrt and cot are refused too: TiDB's POW(x, 1/3) and COT differ from
// PostgreSQL's cbrt() and 1/tan() in the last digit (cbrt(27) is 3.0000000000000004 in
// PostgreSQL 15, POW gives 2.9999999999999996).

func init() {
	for name, h := range map[string]funcHandler{
		"gcd":          fnGcdLcm(false),
		"lcm":          fnGcdLcm(true),
		"div":          fnDiv,
		"width_bucket": fnWidthBucket,
		"atan":         fnFloatOnly("ATAN", 1),
		"atan2":        fnFloatOnly("ATAN2", 2),
		"asin":         fnUnitRange("ASIN"),
		"acos":         fnUnitRange("ACOS"),
		"scale":        fnScale,
	} {
		functions[name] = h
	}
	if aggregates != nil {
		for name, fn := range map[string]string{
			"stddev": "stddev_samp", "stddev_samp": "stddev_samp", "stddev_pop": "stddev_pop",
			"variance": "var_samp", "var_samp": "var_samp", "var_pop": "var_pop",
		} {
			aggregates[name] = aggFloatStat(fn)
		}
	}
}

// fnGcdLcm is gcd/lcm over integers with constant arguments (TiDB has neither function and
// Euclid's algorithm needs a loop). The result has the arguments' common integer type;
// overflow is PostgreSQL's 22003.
func fnGcdLcm(lcm bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args, tys, err := t.args(name, fc, sc, 2, argNumber, argNumber)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if !isInt(tys[0]) || !isInt(tys[1]) {
			if isFloat(tys[0]) || isFloat(tys[1]) {
				return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
			}
			return nil, typemap.Type{}, pgerror.Unsupported(name + "(numeric)")
		}
		ty := arithType(tys[0], tys[1])
		if ty.OID == typemap.Int2 {
			ty = of(typemap.Int4)
		}
		if isNullLit(args[0]) || isNullLit(args[1]) {
			return nullLit(), ty, nil
		}
		a, ok1 := intValue(uncast(args[0]))
		b, ok2 := intValue(uncast(args[1]))
		if !ok1 || !ok2 {
			return nil, typemap.Type{}, pgerror.Unsupported(name + " of non-constant arguments")
		}
		x, y := new(big.Int).Abs(big.NewInt(a)), new(big.Int).Abs(big.NewInt(b))
		g := new(big.Int).GCD(nil, nil, x, y)
		r := g
		if lcm {
			if a == 0 || b == 0 {
				r = big.NewInt(0)
			} else {
				r = new(big.Int).Mul(new(big.Int).Quo(x, g), y)
			}
		}
		limit := int64(math.MaxInt32)
		word := "integer"
		if ty.OID == typemap.Int8 {
			limit, word = math.MaxInt64, "bigint"
		}
		if !r.IsInt64() || r.Int64() > limit {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "%s out of range", word)
		}
		return intLit(r.Int64()), ty, nil
	}
}

// fnDiv is div(a, b): the integer quotient truncated toward zero, numeric. TiDB's DIV
// truncates the same way (and fails beyond BIGINT, which PostgreSQL's numeric would not).
// Division by zero is checked for a constant divisor; otherwise TiDB's NULL and warning must
// become 22012 through Statement.CheckWarnings (KNOWN_GAPS.md).
func fnDiv(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("div", fc, sc, 2, argNumber, argNumber)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isFloat(tys[0]) || isFloat(tys[1]) {
		return nil, typemap.Type{}, pgerror.Unsupported("div of double precision values (PostgreSQL rounds them to numeric)")
	}
	if v, ok := intValue(args[1]); ok && v == 0 {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.DivisionByZero, "division by zero")
	}
	return binop(opcode.IntDiv, args[0], args[1]), of(typemap.Numeric), nil
}

// fnUnitRange is asin/acos: defined on [-1, 1]; PostgreSQL raises 22003 outside, TiDB returns
// NULL, so constants are checked here.
func fnUnitRange(fn string) funcHandler {
	inner := fnFloatOnly(fn, 1)
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		if len(fc.GetArgs()) == 1 {
			if v, ok := constantInt(fc.GetArgs()[0]); ok && (v > 1 || v < -1) {
				return nil, typemap.Type{}, pgerror.New(pgerrcode.NumericValueOutOfRange, "input is out of range")
			}
		}
		return inner(t, fc, sc)
	}
}

// fnWidthBucket is width_bucket(x, low, high, count) with constant low, high and count: 0
// below the range, count+1 at or above its end, else 1 + ⌊(x-low)·count/(high-low)⌋ (mirrored
// when low > high). The division is TiDB's DIV over the exact products, so bucket edges are
// exact for numeric.
func fnWidthBucket(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("width_bucket", fc, sc, 4, argNumber, argNumber, argNumber, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	float := false
	for _, ty := range tys[:3] {
		if isFloat(ty) {
			float = true
		}
	}
	if float {
		return nil, typemap.Type{}, pgerror.Unsupported("width_bucket(double precision)")
	}
	count, ok := intValue(args[3])
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("width_bucket with a non-constant count")
	}
	if count <= 0 {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidArgumentForWidthBucketFunction, "count must be greater than zero")
	}
	lo, hi := constantRat(args[1]), constantRat(args[2])
	if lo == nil || hi == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("width_bucket with non-constant bounds")
	}
	cmp := lo.Cmp(hi)
	if cmp == 0 {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidArgumentForWidthBucketFunction, "lower bound cannot equal upper bound")
	}
	x, low, high := args[0], args[1], args[2]
	n := intLit(count)
	if cmp < 0 {
		return caseWhen(
			binop(opcode.Plus, binop(opcode.IntDiv, binop(opcode.Mul, binop(opcode.Minus, x, low), n), binop(opcode.Minus, high, low)), intLit(1)),
			isNull(x, false), nullLit(),
			binop(opcode.LT, x, low), intLit(0),
			binop(opcode.GE, x, high), intLit(count+1)), of(typemap.Int4), nil
	}
	return caseWhen(
		binop(opcode.Plus, binop(opcode.IntDiv, binop(opcode.Mul, binop(opcode.Minus, low, x), n), binop(opcode.Minus, low, high)), intLit(1)),
		isNull(x, false), nullLit(),
		binop(opcode.GT, x, low), intLit(0),
		binop(opcode.LE, x, high), intLit(count+1)), of(typemap.Int4), nil
}

// constantRat is the value of an integer or decimal literal.
func constantRat(e ast.ExprNode) *big.Rat {
	if _, ok := isParam(e); ok {
		return nil
	}
	if v, ok := intValue(e); ok {
		return new(big.Rat).SetInt64(v)
	}
	if u, ok := e.(*ast.UnaryOperationExpr); ok && u.Op == opcode.Minus {
		if r := constantRat(u.V); r != nil {
			return r.Neg(r)
		}
		return nil
	}
	if p, ok := e.(*ast.ParenthesesExpr); ok {
		return constantRat(p.Expr)
	}
	v, ok := e.(ast.ValueExpr)
	if !ok || v.GetValue() == nil {
		return nil
	}
	s, ok := v.GetValue().(interface{ String() string })
	if !ok {
		return nil
	}
	r, ok := new(big.Rat).SetString(s.String())
	if !ok {
		return nil
	}
	return r
}

// fnScale is scale(numeric): the digits after the decimal point of the value as it is
// printed (TiDB keeps a decimal's scale as PostgreSQL does for literals, columns, + and ×).
func fnScale(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("scale", fc, sc, 1, argNumber)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isFloat(tys[0]) {
		return nil, typemap.Type{}, pgerror.Unsupported("scale(double precision) (PostgreSQL converts it to numeric first)")
	}
	if isInt(tys[0]) {
		return funcCall("IF", isNull(args[0], false), nullLit(), intLit(0)), of(typemap.Int4), nil
	}
	s := castTo(args[0], of(typemap.Text))
	dot := funcCall("LOCATE", strLit("."), s)
	return funcCall("IF", binop(opcode.EQ, dot, intLit(0)), intLit(0), binop(opcode.Minus, funcCall("CHAR_LENGTH", s), dot)),
		of(typemap.Int4), nil
}

// aggFloatStat is stddev/variance over float4/float8 (double precision result, as TiDB's
// STDDEV_SAMP…); integer and numeric arguments give numeric in PostgreSQL, computed exactly:
// refused.
func aggFloatStat(fn string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, e, ty, err := t.singleAggArg(fc, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		switch {
		case isUnknown(ty):
			return nil, typemap.Type{}, pgerror.Newf("42725", "function %s(unknown) is not unique", name)
		case isFloat(ty):
		case isNumber(ty):
			return nil, typemap.Type{}, pgerror.Unsupported(name + "(" + sqlTypeName(ty) + ") (numeric result; TiDB computes in double precision)")
		default:
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		agg := &ast.AggregateFuncExpr{F: fn, Args: []ast.ExprNode{e}, Distinct: fc.GetAggDistinct()}
		return agg, of(typemap.Float8), nil
	}
}

// uncast returns the operand of a CAST (12::int8 is a constant too).
func uncast(e ast.ExprNode) ast.ExprNode {
	if c, ok := e.(*ast.FuncCastExpr); ok {
		return c.Expr
	}
	return e
}
