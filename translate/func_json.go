package translate

import (
	"regexp"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// JSON functions. jsonb is TiDB's JSON (whose normalization — keys sorted by length then
// bytes, last duplicate wins — is jsonb's; typemap re-prints it as jsonb_out does). json is
// kept as its verbatim text, so the json functions build PostgreSQL's json text themselves
// ({"k" : 1}, [1, "a"]). Values convert as to_json does for the types where TiDB's JSON
// holds the same value: strings, integers, booleans, json(b) and NULL. numeric is refused
// (TiDB's JSON turns DECIMAL into a double: 1.50 becomes 1.5), floats too (their JSON text
// differs), and date/time types (PostgreSQL writes them in ISO 8601 with a T).

func init() {
	for name, h := range map[string]funcHandler{
		"jsonb_typeof":            fnJSONTypeof(true),
		"json_typeof":             fnJSONTypeof(false),
		"jsonb_array_length":      fnJSONArrayLength(true),
		"json_array_length":       fnJSONArrayLength(false),
		"jsonb_build_object":      fnJSONBBuild(true),
		"jsonb_build_array":       fnJSONBBuild(false),
		"json_build_object":       fnJSONBuild(true),
		"json_build_array":        fnJSONBuild(false),
		"jsonb_extract_path":      fnJSONBExtractPath(false),
		"jsonb_extract_path_text": fnJSONBExtractPath(true),
		"to_jsonb":                fnToJSON(true),
		"to_json":                 fnToJSON(false),
	} {
		functions[name] = h
	}
}

// jsonArg translates the json(b) argument of a json function; an untyped literal is read
// as jsonb (jsonb functions) or json. For json (stored as text) the result is cast to TiDB's
// JSON so that TiDB's JSON functions can read it.
func (t *translator) jsonArg(name string, fc *pg_query.FuncCall, sc *scope, jsonb bool) (ast.ExprNode, error) {
	if len(fc.GetArgs()) != 1 {
		return nil, t.undefinedFunction(name, fc.GetArgs(), sc)
	}
	want := of(typemap.JSON)
	if jsonb {
		want = of(typemap.JSONB)
	}
	e, ty, err := t.expr(fc.GetArgs()[0], sc)
	if err != nil {
		return nil, err
	}
	if isUnknown(ty) {
		if e, ty, err = t.coerce(e, ty, want); err != nil {
			return nil, err
		}
	}
	if ty.OID != want.OID {
		return nil, t.undefinedFunction(name, fc.GetArgs(), sc)
	}
	if !jsonb {
		e = castTo(e, of(typemap.JSONB))
	}
	return e, nil
}

// fnJSONTypeof is json(b)_typeof: TiDB's JSON_TYPE names in PostgreSQL's words; every
// number type is 'number'. SQL NULL stays NULL (no WHEN matches).
func fnJSONTypeof(jsonb bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		j, err := t.jsonArg(name, fc, sc, jsonb)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		c := &ast.CaseExpr{Value: funcCall("JSON_TYPE", j)}
		for _, w := range [][2]string{{"OBJECT", "object"}, {"ARRAY", "array"}, {"STRING", "string"},
			{"BOOLEAN", "boolean"}, {"NULL", "null"}, {"INTEGER", "number"}, {"UNSIGNED INTEGER", "number"},
			{"DOUBLE", "number"}, {"DECIMAL", "number"}} {
			c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{Expr: strLit(w[0]), Result: strLit(w[1])})
		}
		return c, of(typemap.Text), nil
	}
}

// fnJSONArrayLength is json(b)_array_length. PostgreSQL raises 22023 for a non-array; a
// constant non-array is refused with that error, a non-array value at run time is NULL
// (KNOWN_GAPS.md) — TiDB's JSON_LENGTH would count an object's keys.
func fnJSONArrayLength(jsonb bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if len(fc.GetArgs()) == 1 {
			if s, ok := constantString(fc.GetArgs()[0]); ok && !strings.HasPrefix(strings.TrimSpace(s), "[") {
				what := "scalar"
				if strings.HasPrefix(strings.TrimSpace(s), "{") {
					what = "non-array"
				}
				return nil, typemap.Type{}, pgerror.Newf(pgerrcode.InvalidParameterValue, "cannot get array length of a %s", what)
			}
		}
		j, err := t.jsonArg(name, fc, sc, jsonb)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		return caseWhen(nil, binop(opcode.EQ, funcCall("JSON_TYPE", j), strLit("ARRAY")), funcCall("JSON_LENGTH", j)),
			of(typemap.Int4), nil
	}
}

// jsonValue is one value of a json(b) constructor: its PostgreSQL type decides how it is
// written. asText gives json text (for json functions), otherwise a TiDB JSON-compatible
// value (strings stay strings, booleans become JSON true/false).
func (t *translator) jsonValue(name string, n *pg_query.Node, sc *scope, asText bool) (ast.ExprNode, error) {
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, err
	}
	if isNullLit(e) {
		if asText {
			return strLit("null"), nil
		}
		return nullLit(), nil
	}
	if isUnknown(ty) {
		if e, ty, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
			return nil, err
		}
	}
	var v ast.ExprNode
	switch {
	case isString(ty):
		if !asText {
			return e, nil
		}
		v = funcCall("JSON_QUOTE", e)
	case isInt(ty):
		if !asText {
			return e, nil
		}
		v = castTo(e, of(typemap.Text))
	case ty.OID == typemap.Bool:
		if asText {
			v = funcCall("IF", e, strLit("true"), strLit("false"))
		} else {
			v = funcCall("IF", e, castTo(strLit("true"), of(typemap.JSONB)), castTo(strLit("false"), of(typemap.JSONB)))
		}
	case ty.OID == typemap.JSONB && !asText:
		return e, nil
	case ty.OID == typemap.JSON:
		if !asText {
			return castTo(e, of(typemap.JSONB)), nil
		}
		v = e
	default:
		return nil, pgerror.Unsupported(name + " of a " + sqlTypeName(ty) + " value")
	}
	if !asText {
		return v, nil
	}
	return funcCall("IFNULL", v, strLit("null")), nil
}

// jsonKey is a key argument of json(b)_build_object: any scalar, as text; NULL is an error.
func (t *translator) jsonKey(name string, i int, n *pg_query.Node, sc *scope) (ast.ExprNode, error) {
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, err
	}
	if isNullLit(e) {
		return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "argument %d: key must not be null", i+1)
	}
	if isUnknown(ty) {
		if e, ty, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
			return nil, err
		}
	}
	if !isString(ty) && !isInt(ty) {
		return nil, pgerror.Unsupported(name + " with a " + sqlTypeName(ty) + " key")
	}
	if isInt(ty) {
		e = castTo(e, of(typemap.Text))
	}
	return e, nil
}

func evenArgs(name string, fc *pg_query.FuncCall) error {
	if len(fc.GetArgs())%2 != 0 {
		return pgerror.New(pgerrcode.InvalidParameterValue, "argument list must have even number of elements").
			WithHint("The arguments of " + name + "() must consist of alternating keys and values.")
	}
	return nil
}

// fnJSONBBuild is jsonb_build_object / jsonb_build_array: TiDB's JSON_OBJECT / JSON_ARRAY.
func fnJSONBBuild(object bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if object {
			if err := evenArgs(name, fc); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		var args []ast.ExprNode
		for i, n := range fc.GetArgs() {
			var e ast.ExprNode
			var err error
			if object && i%2 == 0 {
				e, err = t.jsonKey(name, i, n, sc)
			} else {
				e, err = t.jsonValue(name, n, sc, false)
			}
			if err != nil {
				return nil, typemap.Type{}, err
			}
			args = append(args, e)
		}
		if object {
			return funcCall("JSON_OBJECT", args...), of(typemap.JSONB), nil
		}
		return funcCall("JSON_ARRAY", args...), of(typemap.JSONB), nil
	}
}

// fnJSONBuild is json_build_object / json_build_array: the json text PostgreSQL writes,
// `{"k" : v, "l" : w}` and `[v, w]`, keys in argument order and duplicates kept.
func fnJSONBuild(object bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		open, close := "[", "]"
		if object {
			if err := evenArgs(name, fc); err != nil {
				return nil, typemap.Type{}, err
			}
			open, close = "{", "}"
		}
		parts := []ast.ExprNode{strLit(open)}
		for i, n := range fc.GetArgs() {
			if i > 0 {
				sep := ", "
				if object && i%2 == 1 {
					sep = " : "
				}
				parts = append(parts, strLit(sep))
			}
			if object && i%2 == 0 {
				k, err := t.jsonKey(name, i, n, sc)
				if err != nil {
					return nil, typemap.Type{}, err
				}
				parts = append(parts, funcCall("JSON_QUOTE", k))
				continue
			}
			v, err := t.jsonValue(name, n, sc, true)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			parts = append(parts, v)
		}
		parts = append(parts, strLit(close))
		if len(parts) == 2 {
			return strLit(open + close), of(typemap.JSON), nil
		}
		return funcCall("CONCAT", parts...), of(typemap.JSON), nil
	}
}

var jsonIndexLike = regexp.MustCompile(`^\s*[+-]?[0-9]+\s*$`)

// fnJSONBExtractPath is jsonb_extract_path(j, k1, k2…) (#> as a function) and its _text
// variant, for constant keys. A key that reads as an integer is an array index on arrays and
// a key on objects in PostgreSQL, which one TiDB path cannot say: refused.
func fnJSONBExtractPath(asText bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args := fc.GetArgs()
		if len(args) < 2 {
			return nil, typemap.Type{}, t.undefinedFunction(name, args, sc)
		}
		j, ty, err := t.expr(args[0], sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(ty) {
			if j, ty, err = t.coerce(j, ty, of(typemap.JSONB)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if ty.OID != typemap.JSONB {
			return nil, typemap.Type{}, t.undefinedFunction(name, args, sc)
		}
		path := "$"
		for _, n := range args[1:] {
			k, ok := constantString(n)
			if !ok {
				if n.GetAConst() != nil && n.GetAConst().GetIsnull() {
					return nullLit(), of(typemap.JSONB), nil
				}
				return nil, typemap.Type{}, pgerror.Unsupported(name + " with non-constant or non-text path elements")
			}
			if jsonIndexLike.MatchString(k) {
				return nil, typemap.Type{}, pgerror.Unsupported(name + " with an integer path element (array index or key)")
			}
			path += `."` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(k) + `"`
		}
		v := funcCall("JSON_EXTRACT", j, strLit(path))
		if !asText {
			return v, of(typemap.JSONB), nil
		}
		return caseWhen(funcCall("JSON_UNQUOTE", v), binop(opcode.EQ, funcCall("JSON_TYPE", v), strLit("NULL")), nullLit()),
			of(typemap.Text), nil
	}
}

// fnToJSON is to_json / to_jsonb of a scalar of the types jsonValue accepts.
func fnToJSON(jsonb bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if len(fc.GetArgs()) != 1 {
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		n := fc.GetArgs()[0]
		if _, ok := constantString(n); ok {
			// to_json('x') with an untyped literal: PostgreSQL cannot pick the input type.
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.IndeterminateDatatype,
				"could not determine polymorphic type because input has type unknown")
		}
		if !jsonb {
			v, err := t.jsonValue(name, n, sc, true)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			return t.strictJSON(n, sc, v, of(typemap.JSON))
		}
		v, err := t.jsonValue(name, n, sc, false)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		// A TiDB string is not JSON yet: JSON_ARRAY quotes it, $[0] takes the JSON string.
		return t.strictJSON(n, sc, funcCall("JSON_EXTRACT", funcCall("JSON_ARRAY", v), strLit("$[0]")), of(typemap.JSONB))
	}
}

// strictJSON makes to_json(NULL) NULL (to_json is strict) where jsonValue wrote JSON null.
func (t *translator) strictJSON(n *pg_query.Node, sc *scope, v ast.ExprNode, ty typemap.Type) (ast.ExprNode, typemap.Type, error) {
	e, _, err := t.expr(n, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isNullLit(e) {
		return nullLit(), ty, nil
	}
	return funcCall("IF", isNull(e, false), nullLit(), v), ty, nil
}
