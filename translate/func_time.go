package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// Date/time functions. pgtidb runs TiDB with time_zone '+00:00' and stores timestamptz as UTC
// in DATETIME(6); the translations below assume the PostgreSQL session TimeZone is UTC too
// (KNOWN_GAPS.md). now() and its synonyms are NOW(6): the statement's start, which equals
// PostgreSQL's transaction start only for single-statement transactions (KNOWN_GAPS.md).

func init() {
	for name, h := range map[string]funcHandler{
		"now":                   fnNow("NOW", typemap.Timestamptz),
		"transaction_timestamp": fnNow("NOW", typemap.Timestamptz),
		"statement_timestamp":   fnNow("NOW", typemap.Timestamptz),
		"clock_timestamp":       fnNow("SYSDATE", typemap.Timestamptz),
		"date_trunc":            fnDateTrunc,
		"extract":               fnExtract(false),
		"date_part":             fnExtract(true),
	} {
		functions[name] = h
	}
}

func fnNow(fn string, result typemap.OID) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if _, _, err := t.args(name, fc, sc, 0); err != nil {
			return nil, typemap.Type{}, err
		}
		return funcCall(fn, intLit(6)), of(result), nil
	}
}

// sqlValueFunction translates CURRENT_DATE, CURRENT_TIMESTAMP[(p)], LOCALTIMESTAMP[(p)],
// LOCALTIME[(p)]. CURRENT_TIME is time with time zone, which TiDB lacks; the user and schema
// functions are the proxy's (its user is not TiDB's).
func (t *translator) sqlValueFunction(f *pg_query.SQLValueFunction) (ast.ExprNode, typemap.Type, error) {
	prec := int64(6)
	typmod := int32(-1)
	if f.GetTypmod() >= 0 {
		prec, typmod = int64(f.GetTypmod()), f.GetTypmod()
		if prec > 6 {
			prec = 6
		}
	}
	switch f.GetOp() {
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
		return funcCall("CURDATE"), of(typemap.Date), nil
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N:
		return funcCall("NOW", intLit(prec)), typemap.Type{OID: typemap.Timestamptz, Typmod: typmod}, nil
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
		return funcCall("NOW", intLit(prec)), typemap.Type{OID: typemap.Timestamp, Typmod: typmod}, nil
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
		return funcCall("CURTIME", intLit(prec)), typemap.Type{OID: typemap.Time, Typmod: typmod}, nil
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N:
		return nil, typemap.Type{}, pgerror.Unsupported("CURRENT_TIME (time with time zone)")
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_CATALOG:
		return strLit(t.ctx.Database), of(typemap.Name), nil
	}
	return nil, typemap.Type{}, pgerror.Unsupported(sqlValueFunctionName(f) + " in a translated statement")
}

// sqlValueFunctionName is the result column name PostgreSQL gives the function.
func sqlValueFunctionName(f *pg_query.SQLValueFunction) string {
	switch f.GetOp() {
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
		return "current_date"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N:
		return "current_time"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N:
		return "current_timestamp"
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
		return "localtime"
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
		return "localtimestamp"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_ROLE:
		return "current_role"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_USER:
		return "current_user"
	case pg_query.SQLValueFunctionOp_SVFOP_USER:
		return "user"
	case pg_query.SQLValueFunctionOp_SVFOP_SESSION_USER:
		return "session_user"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_CATALOG:
		return "current_catalog"
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_SCHEMA:
		return "current_schema"
	}
	return "?column?"
}

// timeArg translates the date/time argument of date_trunc/extract. An untyped literal is a
// timestamp with time zone, as PostgreSQL resolves it.
func (t *translator) timeArg(name string, n *pg_query.Node, sc *scope, allowTime bool) (ast.ExprNode, typemap.Type, error) {
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isUnknown(ty) {
		return t.coerce(e, ty, of(typemap.Timestamptz))
	}
	if !isDateTime(ty) && !(allowTime && ty.OID == typemap.Time) {
		if ty.OID == typemap.Interval {
			return nil, typemap.Type{}, pgerror.Unsupported(name + "(interval)")
		}
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedFunction, "function %s(unknown, %s) does not exist", name, sqlTypeName(ty)).
			WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
	}
	return e, ty, nil
}

// fnDateTrunc is date_trunc('field', x) for a constant field. The result keeps x's type
// (a date argument becomes timestamptz, as in PostgreSQL).
func fnDateTrunc(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) == 3 {
		return nil, typemap.Type{}, pgerror.Unsupported("date_trunc with a time zone")
	}
	if len(args) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("date_trunc", args, sc)
	}
	field, ok := constantString(args[0])
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("date_trunc with a non-constant field")
	}
	x, ty, err := t.timeArg("date_trunc", args[1], sc, false)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if ty.OID == typemap.Date {
		ty = of(typemap.Timestamptz)
	}
	ty = of(ty.OID)
	format := map[string]string{
		"second": "%Y-%m-%d %H:%i:%s", "minute": "%Y-%m-%d %H:%i:00", "hour": "%Y-%m-%d %H:00:00",
		"day": "%Y-%m-%d 00:00:00", "month": "%Y-%m-01 00:00:00", "year": "%Y-01-01 00:00:00",
	}
	f := strings.ToLower(field)
	var out ast.ExprNode
	switch f {
	case "microseconds":
		out = castTo(x, ty)
	case "milliseconds":
		out = castTo(funcCall("DATE_SUB", x, binop(opcode.Mod, funcCall("MICROSECOND", x), intLit(1000)),
			&ast.TimeUnitExpr{Unit: ast.TimeUnitMicrosecond}), ty)
	case "second", "minute", "hour", "day", "month", "year":
		out = castTo(funcCall("DATE_FORMAT", x, strLit(format[f])), ty)
	case "week":
		out = castTo(funcCall("DATE_SUB", funcCall("DATE", x), funcCall("WEEKDAY", x), &ast.TimeUnitExpr{Unit: ast.TimeUnitDay}), ty)
	case "quarter":
		out = castTo(funcCall("DATE_ADD", funcCall("MAKEDATE", funcCall("YEAR", x), intLit(1)),
			binop(opcode.Mul, binop(opcode.Minus, funcCall("QUARTER", x), intLit(1)), intLit(3)),
			&ast.TimeUnitExpr{Unit: ast.TimeUnitMonth}), ty)
	case "decade", "century", "millennium":
		return nil, typemap.Type{}, pgerror.Unsupported("date_trunc('" + f + "')")
	default:
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.InvalidParameterValue,
			"unit %q not recognized for type %s", field, sqlTypeName(ty))
	}
	return out, ty, nil
}

// fnExtract is EXTRACT(field FROM x) (numeric in PostgreSQL 15) and date_part('field', x)
// (double precision). Field numbering follows PostgreSQL: dow counts Sunday as 0, isodow
// Monday as 1, week is the ISO week, second includes the fraction, epoch is seconds since
// 1970-01-01 00:00 UTC.
func fnExtract(datePart bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args := fc.GetArgs()
		if len(args) != 2 {
			return nil, typemap.Type{}, t.undefinedFunction(name, args, sc)
		}
		field, ok := constantString(args[0])
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported(name + " with a non-constant field")
		}
		x, ty, err := t.timeArg(name, args[1], sc, true)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		f := strings.ToLower(field)
		secondsWithFraction := func() ast.ExprNode {
			return binop(opcode.Plus, funcCall("SECOND", x), binop(opcode.Mul, funcCall("MICROSECOND", x), mustDecimal("0.000001")))
		}
		var out ast.ExprNode
		switch f {
		case "year", "years":
			out = funcCall("YEAR", x)
		case "month", "months":
			out = funcCall("MONTH", x)
		case "day", "days":
			out = funcCall("DAY", x)
		case "hour", "hours":
			out = funcCall("HOUR", x)
		case "minute", "minutes":
			out = funcCall("MINUTE", x)
		case "second", "seconds":
			out = secondsWithFraction()
		case "milliseconds":
			out = binop(opcode.Mul, secondsWithFraction(), intLit(1000))
		case "microseconds":
			out = binop(opcode.Plus, binop(opcode.Mul, funcCall("SECOND", x), intLit(1000000)), funcCall("MICROSECOND", x))
		case "dow":
			out = binop(opcode.Minus, funcCall("DAYOFWEEK", x), intLit(1))
		case "isodow":
			out = binop(opcode.Plus, funcCall("WEEKDAY", x), intLit(1))
		case "doy":
			out = funcCall("DAYOFYEAR", x)
		case "week":
			out = funcCall("WEEK", x, intLit(3))
		case "isoyear":
			out = binop(opcode.IntDiv, funcCall("YEARWEEK", x, intLit(3)), intLit(100))
		case "quarter":
			out = funcCall("QUARTER", x)
		case "epoch":
			if ty.OID == typemap.Time {
				return nil, typemap.Type{}, pgerror.Unsupported("extract(epoch from time)")
			}
			out = funcCall("UNIX_TIMESTAMP", x)
		case "decade", "century", "millennium", "julian", "timezone", "timezone_hour", "timezone_minute":
			return nil, typemap.Type{}, pgerror.Unsupported("extract(" + f + ")")
		default:
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.InvalidParameterValue,
				"unit %q not recognized for type %s", field, sqlTypeName(ty))
		}
		if ty.OID == typemap.Time {
			switch f {
			case "year", "years", "month", "months", "day", "days", "dow", "isodow", "doy", "week", "isoyear", "quarter":
				return nil, typemap.Type{}, pgerror.Newf(pgerrcode.FeatureNotSupported,
					"unit %q not supported for type time without time zone", field)
			}
		}
		if datePart {
			return castTo(out, of(typemap.Float8)), of(typemap.Float8), nil
		}
		return out, of(typemap.Numeric), nil
	}
}

func mustDecimal(s string) ast.ExprNode {
	e, err := decimalLit(s)
	if err != nil {
		panic(err)
	}
	return e
}
