package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func init() {
	for name, h := range map[string]funcHandler{
		"abs":     fnAbs,
		"ceil":    fnNumericOrFloat("CEIL"),
		"ceiling": fnNumericOrFloat("CEIL"),
		"floor":   fnNumericOrFloat("FLOOR"),
		"sign":    fnNumericOrFloat("SIGN"),
		"round":   fnRound("ROUND"),
		"trunc":   fnRound("TRUNCATE"),
		"mod":     fnMod,
		"power":   fnFloatOnly("POW", 2),
		"pow":     fnFloatOnly("POW", 2),
		"sqrt":    fnFloatOnly("SQRT", 1),
		"exp":     fnFloatOnly("EXP", 1),
		"ln":      fnFloatOnly("LN", 1),
		"log":     fnFloatOnly("LOG10", 1),
		"log10":   fnFloatOnly("LOG10", 1),
		"degrees": fnFloatOnly("DEGREES", 1),
		"radians": fnFloatOnly("RADIANS", 1),
		"sin":     fnFloatOnly("SIN", 1),
		"cos":     fnFloatOnly("COS", 1),
		"tan":     fnFloatOnly("TAN", 1),
		"random":  fnNoArgs("RAND", typemap.Float8),
		"pi":      fnPi,
	} {
		functions[name] = h
	}
}

func fnAbs(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("abs", fc, sc, 1, argNumber)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return funcCall("ABS", args...), of(tys[0].OID), nil
}

// fnNumericOrFloat is ceil/floor/sign: numeric for a numeric argument, double precision
// otherwise (integers resolve to the float8 variant in PostgreSQL).
func fnNumericOrFloat(fn string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args, tys, err := t.args(name, fc, sc, 1, argFloat)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if tys[0].OID == typemap.Numeric {
			return funcCall(fn, args...), of(typemap.Numeric), nil
		}
		return funcCall(fn, castTo(args[0], of(typemap.Float8))), of(typemap.Float8), nil
	}
}

// fnRound is round/trunc(x [, n]). round(numeric) rounds half away from zero, as TiDB's ROUND
// on a decimal; round(float8) rounds half to even, as TiDB's ROUND on a double. The two-argument
// forms exist only for numeric in PostgreSQL.
func fnRound(fn string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if len(fc.GetArgs()) == 2 {
			args, tys, err := t.args(name, fc, sc, 2, argNumber, argInt)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			if isFloat(tys[0]) {
				return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
			}
			x, err := t.convert(args[0], tys[0], of(typemap.Numeric))
			if err != nil {
				return nil, typemap.Type{}, err
			}
			return funcCall(fn, x, args[1]), of(typemap.Numeric), nil
		}
		args, tys, err := t.args(name, fc, sc, 1, argFloat)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if fn == "TRUNCATE" {
			args = append(args, intLit(0))
		}
		if tys[0].OID == typemap.Numeric {
			return funcCall(fn, args...), of(typemap.Numeric), nil
		}
		args[0] = castTo(args[0], of(typemap.Float8))
		return funcCall(fn, args...), of(typemap.Float8), nil
	}
}

// fnMod is mod(a, b) over integers or numeric (same type as the wider argument).
func fnMod(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("mod", fc, sc, 2, argNumber, argNumber)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isFloat(tys[0]) || isFloat(tys[1]) {
		return nil, typemap.Type{}, t.undefinedFunction("mod", fc.GetArgs(), sc)
	}
	return funcCall("MOD", args...), arithType(tys[0], tys[1]), nil
}

// fnFloatOnly maps functions PostgreSQL computes in double precision for integer and float
// arguments. Their numeric variants (numeric argument) compute exactly in PostgreSQL and are
// refused: TiDB only has the double-precision version.
func fnFloatOnly(fn string, nargs int) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		kinds := []argKind{argFloat, argFloat}[:nargs]
		if name == "log" && len(fc.GetArgs()) == 2 {
			return nil, typemap.Type{}, pgerror.Unsupported("log(b, x) (numeric only in PostgreSQL)")
		}
		args, tys, err := t.args(name, fc, sc, nargs, kinds...)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		for _, ty := range tys {
			if ty.OID == typemap.Numeric {
				return nil, typemap.Type{}, pgerror.Unsupported(name + "(numeric) (TiDB computes it in double precision)")
			}
		}
		return funcCall(fn, args...), of(typemap.Float8), nil
	}
}

func fnNoArgs(fn string, result typemap.OID) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if _, _, err := t.args(name, fc, sc, 0); err != nil {
			return nil, typemap.Type{}, err
		}
		return funcCall(fn), of(result), nil
	}
}

// fnPi is pi(): TiDB's PI() is typed with 6 decimals and is sent to the client as 3.141593, so
// ACOS(-1) gives the full double.
func fnPi(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if _, _, err := t.args("pi", fc, sc, 0); err != nil {
		return nil, typemap.Type{}, err
	}
	return funcCall("ACOS", intLit(-1)), of(typemap.Float8), nil
}
