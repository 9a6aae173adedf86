package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// funcHandler translates one PostgreSQL function call; args are the call's arguments.
type funcHandler func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error)

// functions maps PostgreSQL function names to their translations; the func_*.go files fill it.
var functions = map[string]funcHandler{}

// refusedFunctions are PostgreSQL functions pgtidb knows it cannot run faithfully on TiDB.
var refusedFunctions = map[string]string{
	"age": "age()", "to_date": "to_date()", "to_timestamp": "to_timestamp()",
	"to_number": "to_number()", "gen_random_uuid": "gen_random_uuid()", "uuid_generate_v4": "uuid_generate_v4()",
	"array_agg": "array_agg()", "json_agg": "json_agg()", "jsonb_agg": "jsonb_agg()",
	"json_build_object": "json_build_object()", "jsonb_build_object": "jsonb_build_object()",
	"json_object_agg": "json_object_agg()", "unnest": "unnest() inside an expression", "generate_series": "generate_series() inside an expression",
	"generate_subscripts": "generate_subscripts() inside an expression",
	"string_to_array":     "string_to_array()",
	"regexp_replace":      "regexp_replace()", "regexp_matches": "regexp_matches()", "regexp_split_to_table": "regexp_split_to_table()",
	"initcap": "initcap()", "ascii": "ascii()", "chr": "chr()", "format": "format()",
	"translate": "translate()", "stddev": "stddev()", "stddev_samp": "stddev_samp()",
	"stddev_pop": "stddev_pop()", "variance": "variance()", "var_samp": "var_samp()", "var_pop": "var_pop()",
	"percentile_cont": "percentile_cont()", "percentile_disc": "percentile_disc()", "mode": "mode()",
	"nextval": "nextval()", "currval": "currval()", "setval": "setval()", "lastval": "lastval()",
	"make_date": "make_date()", "make_timestamp": "make_timestamp()", "date_bin": "date_bin()",
	"justify_days": "intervals", "justify_hours": "intervals", "make_interval": "intervals",
	"timeofday": "timeofday()", "pg_sleep": "pg_sleep()", "row_to_json": "row_to_json()", "to_json": "to_json()",
	"to_jsonb": "to_jsonb()", "jsonb_set": "jsonb_set()", "json_extract_path": "json_extract_path()",
	"jsonb_extract_path_text": "jsonb_extract_path_text()", "json_extract_path_text": "json_extract_path_text()",
	"div": "div()", "gcd": "gcd()", "lcm": "lcm()", "cbrt": "cbrt()", "width_bucket": "width_bucket()",
	"setseed": "setseed()", "overlay": "overlay()", "encode": "encode()", "decode": "decode()",
	"sha256": "sha256()", "digest": "digest()",
	"txid_current": "txid_current()",
	"pg_get_expr":  "pg_get_expr() (pgtidb keeps no expression trees)", "pg_get_constraintdef": "pg_get_constraintdef()",
	"pg_get_viewdef": "pg_get_viewdef() (pgtidb keeps no PostgreSQL text of views)", "pg_get_triggerdef": "pg_get_triggerdef()",
	"pg_get_functiondef": "pg_get_functiondef()", "regclass": "regclass()",
	// Signalling another session is a side effect the proxy would run per row (not built).
	"pg_cancel_backend": "pg_cancel_backend()", "pg_terminate_backend": "pg_terminate_backend()",
}

// funcCall translates a function call: aggregates, window functions and scalar functions.
func (t *translator) funcCall(fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	name, err := funcName(fc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if fc.GetAggWithinGroup() {
		return nil, typemap.Type{}, pgerror.Unsupported("WITHIN GROUP")
	}
	if fc.GetFuncVariadic() {
		return nil, typemap.Type{}, pgerror.Unsupported("VARIADIC arguments")
	}
	if fc.GetOver() != nil {
		return t.windowFunc(name, fc, sc)
	}
	if agg, ok := aggregates[name]; ok {
		return agg(t, fc, sc)
	}
	for _, deco := range []struct {
		set  bool
		what string
	}{{fc.GetAggStar(), name + "(*)"}, {fc.GetAggDistinct(), "DISTINCT"}, {len(fc.GetAggOrder()) > 0, "ORDER BY"},
		{fc.GetAggFilter() != nil, "FILTER"}} {
		if deco.set {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.WrongObjectType,
				"%s specified, but %s is not an aggregate function", deco.what, name)
		}
	}
	if h, ok := functions[name]; ok {
		return h(t, fc, sc)
	}
	if what, ok := refusedFunctions[name]; ok {
		return nil, typemap.Type{}, pgerror.Unsupported(what)
	}
	return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
}

// funcName is the function's name; pg_catalog-qualified names are the same functions, other
// schemas hold no functions pgtidb knows.
func funcName(fc *pg_query.FuncCall) (string, error) {
	var parts []string
	for _, n := range fc.GetFuncname() {
		parts = append(parts, n.GetString_().GetSval())
	}
	switch {
	case len(parts) == 1:
		return parts[0], nil
	case len(parts) == 2 && parts[0] == "pg_catalog":
		return parts[1], nil
	}
	return "", pgerror.Newf(pgerrcode.UndefinedFunction, "function %s() does not exist", strings.Join(parts, "."))
}

// undefinedFunction is PostgreSQL's 42883 for a call no function matches, with the argument
// types as PostgreSQL lists them.
func (t *translator) undefinedFunction(name string, args []*pg_query.Node, sc *scope) error {
	var types []string
	for _, a := range args {
		_, ty, err := t.expr(a, sc)
		if err != nil {
			return err
		}
		types = append(types, sqlTypeName(ty))
	}
	return pgerror.Newf(pgerrcode.UndefinedFunction, "function %s(%s) does not exist", name, strings.Join(types, ", ")).
		WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
}

// argKind says what an argument of a function signature accepts.
type argKind int

const (
	argText   argKind = iota // string types; unknown → text
	argInt                   // integer types; unknown → int4
	argNumber                // any number; unknown → numeric
	argFloat                 // any number, computed in double precision; unknown → float8
	argTime                  // date, timestamp, timestamptz; unknown → timestamptz
	argAny                   // anything; unknown → text
	argBytes                 // string types or bytea
)

// args translates a call's arguments against a signature; a mismatch is PostgreSQL's
// `function f(types) does not exist`. Optional trailing arguments may be absent when
// minArgs allows.
func (t *translator) args(name string, fc *pg_query.FuncCall, sc *scope, minArgs int, kinds ...argKind) ([]ast.ExprNode, []typemap.Type, error) {
	nodes := fc.GetArgs()
	exprs := make([]ast.ExprNode, len(nodes))
	tys := make([]typemap.Type, len(nodes))
	for i, n := range nodes {
		e, ty, err := t.expr(n, sc)
		if err != nil {
			return nil, nil, err
		}
		exprs[i], tys[i] = e, ty
	}
	mismatch := func() error {
		var names []string
		for _, ty := range tys {
			names = append(names, sqlTypeName(ty))
		}
		return pgerror.Newf(pgerrcode.UndefinedFunction, "function %s(%s) does not exist", name, strings.Join(names, ", ")).
			WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
	}
	if len(nodes) < minArgs || len(nodes) > len(kinds) {
		return nil, nil, mismatch()
	}
	for i := range exprs {
		ty := tys[i]
		var ok bool
		var want typemap.Type
		switch kinds[i] {
		case argText:
			ok, want = isString(ty), of(typemap.Text)
		case argInt:
			ok, want = isInt(ty), of(typemap.Int4)
		case argNumber:
			ok, want = isNumber(ty), of(typemap.Numeric)
		case argFloat:
			ok, want = isNumber(ty), of(typemap.Float8)
		case argTime:
			ok, want = isDateTime(ty), of(typemap.Timestamptz)
		case argAny:
			ok, want = true, of(typemap.Text)
		case argBytes:
			ok, want = isString(ty) || ty.OID == typemap.Bytea, of(typemap.Text)
		}
		if isUnknown(ty) {
			var err error
			if exprs[i], tys[i], err = t.coerce(exprs[i], ty, want); err != nil {
				return nil, nil, err
			}
			continue
		}
		if !ok {
			return nil, nil, mismatch()
		}
		if ty.OID == typemap.BPChar && (kinds[i] == argText || kinds[i] == argBytes || kinds[i] == argAny) {
			// character(n) reaches text functions through the cast to text, which drops the
			// trailing blanks.
			exprs[i] = trimBPChar(exprs[i])
		}
	}
	return exprs, tys, nil
}

// simple registers functions that map 1:1 onto a TiDB function with a fixed result type
// (or the first argument's type when result is 0).
func simple(tidbName string, result typemap.OID, minArgs int, kinds ...argKind) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args, tys, err := t.args(name, fc, sc, minArgs, kinds...)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		ty := of(result)
		if result == 0 {
			ty = of(tys[0].OID)
		}
		return funcCall(tidbName, args...), ty, nil
	}
}

// constantString returns the value of a string literal argument.
func constantString(n *pg_query.Node) (string, bool) {
	if s := n.GetAConst().GetSval(); s != nil {
		return s.GetSval(), true
	}
	return "", false
}

// constantInt returns the value of an integer literal argument.
func constantInt(n *pg_query.Node) (int64, bool) {
	c := n.GetAConst()
	if c == nil || c.GetIsnull() {
		return 0, false
	}
	if c.GetIval() != nil {
		return int64(c.GetIval().GetIval()), true
	}
	if c.GetSval() == nil && c.GetFval() == nil && c.GetBoolval() == nil && c.GetBsval() == nil {
		return 0, true
	}
	return 0, false
}
