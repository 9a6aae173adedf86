package translate

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// TiDB has no interval values, only `INTERVAL n unit` operands of DATE_ADD/DATE_SUB. A
// constant interval added to or subtracted from a date or timestamp is translated into those:
// months first, then days, then the time part, which is the order PostgreSQL applies an
// interval's fields in (so '2024-01-31' + '1 month' is 2024-02-29 in both).

// intervalValue is a constant PostgreSQL interval: its months, days and microseconds fields.
type intervalValue struct {
	months, days, micros int64
}

// intervalConstant recognises `interval '…'` / `'…'::interval` with a constant string.
func intervalConstant(n *pg_query.Node) (string, bool) {
	tc := n.GetTypeCast()
	if tc == nil {
		return "", false
	}
	names := tc.GetTypeName().GetNames()
	if len(names) == 0 || names[len(names)-1].GetString_().GetSval() != "interval" {
		return "", false
	}
	if len(tc.GetTypeName().GetTypmods()) > 0 {
		return "", false
	}
	return constantString(tc.GetArg())
}

var (
	intervalPart = regexp.MustCompile(`^([+-]?[0-9]+)\s*([a-z]+)$`)
	intervalTime = regexp.MustCompile(`^([+-]?)([0-9]+):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?$`)
)

var intervalUnits = map[string]struct {
	months, days, micros int64
}{
	"microsecond": {0, 0, 1}, "microseconds": {0, 0, 1}, "us": {0, 0, 1}, "usec": {0, 0, 1}, "usecs": {0, 0, 1},
	"millisecond": {0, 0, 1000}, "milliseconds": {0, 0, 1000}, "ms": {0, 0, 1000}, "msec": {0, 0, 1000}, "msecs": {0, 0, 1000},
	"second": {0, 0, 1e6}, "seconds": {0, 0, 1e6}, "sec": {0, 0, 1e6}, "secs": {0, 0, 1e6}, "s": {0, 0, 1e6},
	"minute": {0, 0, 60e6}, "minutes": {0, 0, 60e6}, "min": {0, 0, 60e6}, "mins": {0, 0, 60e6}, "m": {0, 0, 60e6},
	"hour": {0, 0, 3600e6}, "hours": {0, 0, 3600e6}, "hr": {0, 0, 3600e6}, "hrs": {0, 0, 3600e6}, "h": {0, 0, 3600e6},
	"day": {0, 1, 0}, "days": {0, 1, 0}, "d": {0, 1, 0},
	"week": {0, 7, 0}, "weeks": {0, 7, 0}, "w": {0, 7, 0},
	"month": {1, 0, 0}, "months": {1, 0, 0}, "mon": {1, 0, 0}, "mons": {1, 0, 0},
	"year": {12, 0, 0}, "years": {12, 0, 0}, "yr": {12, 0, 0}, "yrs": {12, 0, 0}, "y": {12, 0, 0},
	"decade": {120, 0, 0}, "decades": {120, 0, 0}, "century": {1200, 0, 0}, "centuries": {1200, 0, 0},
}

// parseInterval reads PostgreSQL's interval input for the common spellings: integer
// quantities with units ('1 day', '2 hours 30 minutes', '1 year 2 mons'), an hh:mm[:ss[.f]]
// time part, and a trailing 'ago'. Fractional quantities and ISO 8601 forms are refused.
func parseInterval(s string) (intervalValue, error) {
	var iv intervalValue
	words := strings.Fields(strings.ToLower(s))
	negate := false
	if len(words) > 0 && words[len(words)-1] == "ago" {
		negate, words = true, words[:len(words)-1]
	}
	if len(words) == 0 {
		return iv, invalidInput("interval", s)
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if m := intervalTime.FindStringSubmatch(w); m != nil {
			h, _ := strconv.ParseInt(m[2], 10, 64)
			mi, _ := strconv.ParseInt(m[3], 10, 64)
			sec, _ := strconv.ParseInt(orZero(m[4]), 10, 64)
			frac, _ := strconv.ParseInt((m[5] + "000000")[:6], 10, 64)
			us := ((h*60+mi)*60+sec)*1e6 + frac
			if m[1] == "-" {
				us = -us
			}
			iv.micros += us
			continue
		}
		qty, unit := w, ""
		if m := intervalPart.FindStringSubmatch(w); m != nil {
			qty, unit = m[1], m[2]
		} else if i+1 < len(words) {
			unit = words[i+1]
			i++
		}
		v, err := strconv.ParseInt(qty, 10, 32)
		if err != nil {
			if strings.ContainsAny(qty, ".eE") {
				return iv, pgerror.Unsupported("interval with a fractional quantity " + strconv.Quote(s))
			}
			return iv, invalidInput("interval", s)
		}
		u, ok := intervalUnits[unit]
		if !ok {
			return iv, invalidInput("interval", s)
		}
		iv.months += v * u.months
		iv.days += v * u.days
		iv.micros += v * u.micros
	}
	if negate {
		iv.months, iv.days, iv.micros = -iv.months, -iv.days, -iv.micros
	}
	return iv, nil
}

// intervalArithmetic translates x ± interval 'constant' and interval 'constant' + x for a
// date, timestamp or timestamptz x. It reports false when neither operand is a constant
// interval.
func (t *translator) intervalArithmetic(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, bool, error) {
	if op != "+" && op != "-" {
		return nil, typemap.Type{}, false, nil
	}
	base, ivNode := ln, rn
	s, ok := intervalConstant(rn)
	if !ok && op == "+" {
		if s, ok = intervalConstant(ln); ok {
			base, ivNode = rn, ln
		}
	}
	if !ok {
		return nil, typemap.Type{}, false, nil
	}
	_ = ivNode
	iv, err := parseInterval(s)
	if err != nil {
		return nil, typemap.Type{}, true, err
	}
	x, ty, err := t.expr(base, sc)
	if err != nil {
		return nil, typemap.Type{}, true, err
	}
	if isUnknown(ty) {
		if x, ty, err = t.coerce(x, ty, of(typemap.Timestamptz)); err != nil {
			return nil, typemap.Type{}, true, err
		}
	}
	switch ty.OID {
	case typemap.Date:
		// date ± interval is a timestamp.
		ty = of(typemap.Timestamp)
		x = castTo(x, ty)
	case typemap.Timestamp, typemap.Timestamptz:
		ty = of(ty.OID)
	case typemap.Time:
		return nil, typemap.Type{}, true, pgerror.Unsupported("time ± interval (PostgreSQL wraps around midnight, TiDB does not)")
	default:
		return nil, typemap.Type{}, true, pgerror.Newf(pgerrcode.UndefinedFunction,
			"operator does not exist: %s %s interval", sqlTypeName(ty), op)
	}
	fn := "DATE_ADD"
	if op == "-" {
		fn = "DATE_SUB"
	}
	out := x
	for _, part := range []struct {
		n    int64
		unit ast.TimeUnitType
	}{{iv.months, ast.TimeUnitMonth}, {iv.days, ast.TimeUnitDay}, {iv.micros, ast.TimeUnitMicrosecond}} {
		if part.n != 0 {
			out = funcCall(fn, out, intLit(part.n), &ast.TimeUnitExpr{Unit: part.unit})
		}
	}
	if out == x {
		out = castTo(x, ty)
	}
	return out, ty, true, nil
}
