package translate

import (
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// More date/time functions. This file's name sorts after func_time.go on purpose: its init
// decorates the extract/date_part handlers registered there (Go runs a package's init
// functions in file-name order).

func init() {
	functions["make_date"] = fnMakeDate
	for _, name := range []string{"extract", "date_part"} {
		if h := functions[name]; h != nil {
			functions[name] = extractYearFields(name == "date_part", h)
		}
	}
}

// fnMakeDate is make_date(year, month, day) with constant arguments: the date literal, or
// PostgreSQL's 22008 for a day that does not exist (TiDB's date functions would return NULL
// or roll over). Years before 1 (BC) are refused: TiDB's DATE starts at year 1000.
func fnMakeDate(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("make_date", fc, sc, 3, argInt, argInt, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	var v [3]int64
	for i, a := range args {
		if isNullLit(a) {
			return nullLit(), of(typemap.Date), nil
		}
		n, ok := intValue(a)
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported("make_date of non-constant arguments")
		}
		v[i] = n
	}
	y, m, d := v[0], v[1], v[2]
	outOfRange := pgerror.Newf(pgerrcode.DatetimeFieldOverflow, "date field value out of range: %d-%02d-%02d", y, m, d)
	if y == 0 || m < 1 || m > 12 || d < 1 || d > 31 {
		return nil, typemap.Type{}, outOfRange
	}
	if y < 0 {
		return nil, typemap.Type{}, pgerror.Unsupported("make_date of a BC year")
	}
	if y > 9999 || y < 1000 {
		return nil, typemap.Type{}, pgerror.Unsupported("make_date outside years 1000-9999 (TiDB's DATE range)")
	}
	tm := time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC)
	if tm.Day() != int(d) {
		return nil, typemap.Type{}, outOfRange
	}
	return castTo(strLit(fmt.Sprintf("%04d-%02d-%02d", y, m, d)), of(typemap.Date)), of(typemap.Date), nil
}

// extractYearFields adds the fields computed from the year — century, decade, millennium — to
// extract/date_part (h handles the others). TiDB's dates are years 1000-9999, so PostgreSQL's
// rules for years before 1 never apply: century = ⌈y/100⌉, millennium = ⌈y/1000⌉,
// decade = ⌊y/10⌋.
func extractYearFields(datePart bool, h funcHandler) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		args := fc.GetArgs()
		if len(args) != 2 {
			return h(t, fc, sc)
		}
		field, ok := constantString(args[0])
		if !ok {
			return h(t, fc, sc)
		}
		f := strings.ToLower(field)
		var add, div int64
		switch f {
		case "century", "centuries":
			add, div = 99, 100
		case "decade", "decades":
			add, div = 0, 10
		case "millennium", "millennia", "millenniums":
			add, div = 999, 1000
		default:
			return h(t, fc, sc)
		}
		name, _ := funcName(fc)
		x, ty, err := t.timeArg(name, args[1], sc, true)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if ty.OID == typemap.Time {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.FeatureNotSupported,
				"unit %q not supported for type time without time zone", field)
		}
		y := funcCall("YEAR", x)
		var out ast.ExprNode
		if add == 0 {
			out = binop(opcode.IntDiv, y, intLit(div))
		} else {
			out = binop(opcode.IntDiv, binop(opcode.Plus, y, intLit(add)), intLit(div))
		}
		if datePart {
			return castTo(out, of(typemap.Float8)), of(typemap.Float8), nil
		}
		return out, of(typemap.Numeric), nil
	}
}
