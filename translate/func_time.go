package translate

import (
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"
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
		"timezone":              fnTimezone,
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
		if t.sessionZone() != "" {
			return castTo(t.utcToLocal(funcCall("NOW", intLit(6))), of(typemap.Date)), of(typemap.Date), nil
		}
		return funcCall("CURDATE"), of(typemap.Date), nil
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N:
		return funcCall("NOW", intLit(prec)), typemap.Type{OID: typemap.Timestamptz, Typmod: typmod}, nil
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
		return t.utcToLocal(funcCall("NOW", intLit(prec))), typemap.Type{OID: typemap.Timestamp, Typmod: typmod}, nil
	case pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIME_N:
		ty := typemap.Type{OID: typemap.Time, Typmod: typmod}
		if t.sessionZone() != "" {
			return castTo(t.utcToLocal(funcCall("NOW", intLit(prec))), ty), ty, nil
		}
		return funcCall("CURTIME", intLit(prec)), ty, nil
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIME_N:
		return nil, typemap.Type{}, pgerror.Unsupported("CURRENT_TIME (time with time zone)")
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_CATALOG:
		return strLit(t.ctx.Database), of(typemap.Name), nil
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_USER, pg_query.SQLValueFunctionOp_SVFOP_SESSION_USER,
		pg_query.SQLValueFunctionOp_SVFOP_USER, pg_query.SQLValueFunctionOp_SVFOP_CURRENT_ROLE:
		// The PostgreSQL user is the proxy's, not TiDB's; it is not in the cache key.
		t.uncacheable = true
		return strLit(t.ctx.User), of(typemap.Name), nil
	case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_SCHEMA:
		return fnCurrentSchema(t, &pg_query.FuncCall{}, nil)
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
	// A timestamptz is truncated in the session's TimeZone (a date is already a local day) and
	// the local result converted back.
	toZone := ty.OID != typemap.Timestamp
	if ty.OID == typemap.Timestamptz {
		x = t.utcToLocal(x)
	}
	if ty.OID == typemap.Date {
		ty = of(typemap.Timestamptz)
	}
	ty = of(ty.OID)
	out, err := dateTrunc(field, x, ty)
	if err != nil || !toZone {
		return out, ty, err
	}
	return t.localToUTC(out), ty, nil
}

// dateTrunc truncates the wall-clock time x to field; the result is a DATETIME of type ty.
func dateTrunc(field string, x ast.ExprNode, ty typemap.Type) (ast.ExprNode, error) {
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
		return nil, pgerror.Unsupported("date_trunc('" + f + "')")
	default:
		return nil, pgerror.Newf(pgerrcode.InvalidParameterValue,
			"unit %q not recognized for type %s", field, sqlTypeName(ty))
	}
	return out, nil
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
		if ty.OID == typemap.Timestamptz && f != "epoch" {
			// Fields of a timestamptz are those of its wall-clock time in the session's TimeZone.
			x = t.utcToLocal(x)
		}
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

// sessionZone is the session's TimeZone as a zone name TiDB's CONVERT_TZ reads (TiDB, like
// the proxy, loads IANA names through Go's time package), or "" when it is UTC and values need
// no conversion. The proxy keeps TimeZone in its translation cache key, so reading it here
// is safe.
func (t *translator) sessionZone() string {
	if t.ctx.Setting == nil {
		return ""
	}
	tz, ok := t.ctx.Setting("TimeZone")
	if !ok {
		return ""
	}
	switch strings.ToUpper(tz) {
	case "", "UTC", "GMT", "ZULU", "UNIVERSAL", "ETC/UTC", "ETC/GMT", "ETC/UNIVERSAL", "ETC/ZULU", "UCT", "ETC/UCT":
		return ""
	}
	return tz
}

// utcToLocal turns a timestamptz (UTC in DATETIME(6)) into the session's wall-clock time,
// the timestamp PostgreSQL converts it to.
func (t *translator) utcToLocal(e ast.ExprNode) ast.ExprNode {
	return zoneFromUTC(e, t.sessionZone())
}

func zoneFromUTC(e ast.ExprNode, zone string) ast.ExprNode {
	if zone == "" {
		return e
	}
	return funcCall("CONVERT_TZ", e, strLit("UTC"), strLit(typemap.TiDBZone(zone)))
}

// localToUTC turns a wall-clock time of the session's zone into the UTC instant, the
// timestamptz PostgreSQL converts a timestamp to.
func (t *translator) localToUTC(e ast.ExprNode) ast.ExprNode {
	return localToUTCIn(e, t.sessionZone())
}

// localToUTCIn is zoneToUTC, computed at translation time for a constant by the same rules
// client parameters are read with.
func localToUTCIn(e ast.ExprNode, zone string) ast.ExprNode {
	if zone == "" {
		return e
	}
	if s, ok := datetimeLiteral(e); ok {
		if loc, err := typemap.LoadZone(zone); err == nil {
			settings := typemap.DefaultSettings()
			settings.TimeZone = loc
			if v, err := typemap.DecodeParam(of(typemap.Timestamptz), 0, []byte(s), settings); err == nil {
				if utc, ok := v.(string); ok {
					return castTo(strLit(utc), of(typemap.Timestamptz))
				}
			}
		}
	}
	return zoneToUTC(e, zone)
}

// fnTimezone is `x AT TIME ZONE zone` (timezone(zone, x)) for a constant zone name of the tz
// database: a timestamptz becomes the wall-clock time there, a timestamp is read as a
// wall-clock time there. Abbreviations and POSIX zone strings (PostgreSQL reads 'UTC+5' as
// five hours west) are refused.
func fnTimezone(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("timezone", args, sc)
	}
	name, ok := constantString(args[0])
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("AT TIME ZONE with a non-constant zone")
	}
	zone := name
	switch strings.ToUpper(name) {
	case "UTC", "GMT", "Z", "ZULU", "UNIVERSAL", "ETC/UTC":
		zone = ""
	default:
		if !strings.Contains(name, "/") {
			return nil, typemap.Type{}, pgerror.Unsupported("time zone " + strconv.Quote(name) + " (pgtidb reads tz database names such as Europe/Berlin)")
		}
		if _, err := time.LoadLocation(name); err != nil {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.InvalidParameterValue, "time zone %q not recognized", name)
		}
	}
	x, ty, err := t.timeArg("timezone", args[1], sc, false)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	switch ty.OID {
	case typemap.Timestamptz:
		return zoneFromUTC(x, zone), typemap.Type{OID: typemap.Timestamp, Typmod: ty.Typmod}, nil
	case typemap.Timestamp:
		return localToUTCIn(x, zone), typemap.Type{OID: typemap.Timestamptz, Typmod: ty.Typmod}, nil
	}
	// A date is first a timestamptz (local midnight), as PostgreSQL's implicit cast does.
	return zoneFromUTC(t.localToUTC(castTo(x, of(typemap.Timestamptz))), zone), of(typemap.Timestamp), nil
}

// datetimeLiteral is the text of a date/timestamp constant: a string literal, possibly inside
// CASTs to DATE/DATETIME.
func datetimeLiteral(e ast.ExprNode) (string, bool) {
	for {
		c, ok := e.(*ast.FuncCastExpr)
		if !ok {
			break
		}
		if tp := c.Tp.GetType(); tp != mysql.TypeDatetime && tp != mysql.TypeDate {
			return "", false
		}
		e = c.Expr
	}
	if _, ok := isParam(e); ok {
		return "", false
	}
	return literalString(e)
}

// zoneToUTC resolves local time x in zone as PostgreSQL's DetermineTimeZoneOffset does:
// with ob the zone's offset a day before x and oa a day after (the offsets around a
// transition), the candidates are x−ob and x−oa; a candidate is valid when it converts back
// to x. Exactly one valid candidate is the answer; otherwise (a time skipped by a
// spring-forward transition: none valid; repeated by a fall-back one: both valid) PostgreSQL
// takes the later instant. TiDB's own CONVERT_TZ(x, zone, 'UTC') resolves both cases the
// other way.
func zoneToUTC(x ast.ExprNode, zone string) ast.ExprNode {
	if zone == "" {
		return x
	}
	day := func() *ast.TimeUnitExpr { return &ast.TimeUnitExpr{Unit: ast.TimeUnitDay} }
	sec := func() *ast.TimeUnitExpr { return &ast.TimeUnitExpr{Unit: ast.TimeUnitSecond} }
	// offset(u) is the zone's UTC offset in seconds at instant u.
	offset := func(u ast.ExprNode) ast.ExprNode {
		return funcCall("TIMESTAMPDIFF", sec(), u, zoneFromUTC(u, zone))
	}
	before := funcCall("DATE_SUB", x, offset(funcCall("DATE_SUB", x, intLit(1), day())), sec())
	after := funcCall("DATE_SUB", x, offset(funcCall("DATE_ADD", x, intLit(1), day())), sec())
	early := funcCall("LEAST", before, after)
	late := funcCall("GREATEST", before, after)
	earlyOnly := and(binop(opcode.EQ, zoneFromUTC(early, zone), x), binop(opcode.NE, zoneFromUTC(late, zone), x))
	return funcCall("IF", earlyOnly, early, late)
}

// zoneOffsetText is the session zone's offset at timestamptz e as PostgreSQL prints it after
// a timestamp: +00, -05, +05:30, +00:19:32.
func zoneOffsetText(e ast.ExprNode, zone string) ast.ExprNode {
	if zone == "" {
		return strLit("+00")
	}
	off := funcCall("TIMESTAMPDIFF", &ast.TimeUnitExpr{Unit: ast.TimeUnitSecond}, e, zoneFromUTC(e, zone))
	abs := funcCall("ABS", off)
	two := func(v ast.ExprNode) ast.ExprNode { return funcCall("LPAD", v, intLit(2), strLit("0")) }
	hh := two(binop(opcode.IntDiv, abs, intLit(3600)))
	mm := two(binop(opcode.Mod, binop(opcode.IntDiv, abs, intLit(60)), intLit(60)))
	ss := two(binop(opcode.Mod, abs, intLit(60)))
	return funcCall("CONCAT", funcCall("IF", binop(opcode.LT, off, intLit(0)), strLit("-"), strLit("+")), hh,
		funcCall("IF", binop(opcode.EQ, binop(opcode.Mod, abs, intLit(3600)), intLit(0)), strLit(""),
			funcCall("CONCAT", strLit(":"), mm,
				funcCall("IF", binop(opcode.EQ, binop(opcode.Mod, abs, intLit(60)), intLit(0)), strLit(""),
					funcCall("CONCAT", strLit(":"), ss)))))
}
