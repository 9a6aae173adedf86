package translate

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// jsonb operators beyond -> and ->> (json.go): #> and #>> (path), @> and <@ (containment),
// ?, ?| and ?& (key exists) and || (concatenation). Each is built from TiDB JSON functions
// whose results equal PostgreSQL's for every input, which needs a constant operand where
// PostgreSQL's rules depend on its shape (the path, the contained value, the keys merged); a
// non-constant one is refused. jsonb - and #- are refused: removing every matching string
// element of an array, and PostgreSQL's errors on scalars, have no TiDB expression.

// jsonbOperand translates the jsonb left operand of a jsonb operator; anything else has no
// such operator.
func (t *translator) jsonbOperand(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, error) {
	j, jt, err := t.expr(ln, sc)
	if err != nil {
		return nil, err
	}
	if jt.OID == typemap.JSONB {
		return j, nil
	}
	if isUnknown(jt) {
		// An untyped literal next to a jsonb operand is read as jsonb.
		if _, rt, err := t.expr(rn, sc); err == nil && rt.OID == typemap.JSONB {
			j, _, err = t.coerce(j, jt, of(typemap.JSONB))
			return j, err
		}
	}
	if jt.OID == typemap.JSON || isUnknown(jt) {
		return nil, pgerror.Unsupported("JSON operator " + op + " on a json or untyped left operand (pgtidb supports it on jsonb)")
	}
	_, rt, err := t.expr(rn, sc)
	if err != nil {
		return nil, err
	}
	return nil, noOperator(op, jt, rt)
}

// constantTextArray reads a constant text[] operand: '{a,b}', '{a,b}'::text[] or
// ARRAY['a', 'b'::text] (psycopg's and Django's inlined lists). nulls marks NULL elements.
func constantTextArray(n *pg_query.Node) (items []string, nulls []bool, ok bool, err error) {
	if tc := n.GetTypeCast(); tc != nil {
		to, _, cerr := castType(tc.GetTypeName())
		if cerr != nil || to.OID != typemap.TextArray {
			return nil, nil, false, nil
		}
		n = tc.GetArg()
	}
	if s, isStr := constantString(n); isStr {
		items, nulls, err = typemap.ParseArrayText(s, "text[]")
		return items, nulls, err == nil, err
	}
	if ae := n.GetAArrayExpr(); ae != nil {
		for _, e := range ae.GetElements() {
			if c := e.GetAConst(); c != nil && c.GetIsnull() {
				items, nulls = append(items, ""), append(nulls, true)
				continue
			}
			if tc := e.GetTypeCast(); tc != nil {
				if to, _, err := castType(tc.GetTypeName()); err == nil && to.OID == typemap.Text {
					e = tc.GetArg()
				}
			}
			s, isStr := constantString(e)
			if !isStr {
				return nil, nil, false, nil
			}
			items, nulls = append(items, s), append(nulls, false)
		}
		return items, nulls, true, nil
	}
	return nil, nil, false, nil
}

// constantJSONB reads a constant jsonb operand ('{"a":1}' or '{"a":1}'::jsonb), decoded
// with numbers kept as their text.
func constantJSONB(n *pg_query.Node) (any, bool) {
	if tc := n.GetTypeCast(); tc != nil {
		to, _, err := castType(tc.GetTypeName())
		if err != nil || to.OID != typemap.JSONB {
			return nil, false
		}
		n = tc.GetArg()
	}
	s, ok := constantString(n)
	if !ok {
		return nil, false
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil || d.More() {
		return nil, false
	}
	return v, true
}

// jsonKeyPath is the TiDB path step of an object key: ."k" with " and \ escaped.
func jsonKeyPath(k string) string {
	return `."` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(k) + `"`
}

// jsonIndexPath is the TiDB path step of array index i; negative counts from the end.
func jsonIndexPath(i int64) string {
	switch {
	case i >= 0:
		return "[" + strconv.FormatInt(i, 10) + "]"
	case i == -1:
		return "[last]"
	}
	return "[last-" + strconv.FormatInt(-i-1, 10) + "]"
}

// pgArrayIndex reads a path element as PostgreSQL does on an array (strtoint: leading white
// space, a sign, decimal digits, within int32); ok is false when it is no index.
func pgArrayIndex(s string) (int64, bool) {
	s = strings.TrimLeft(s, " \t\n\r\v\f")
	if s == "" || strings.HasPrefix(s, "+-") || strings.HasPrefix(s, "-+") {
		return 0, false
	}
	i, err := strconv.ParseInt(s, 10, 32)
	return i, err == nil
}

// maxJSONPathIndexes bounds the integer-like elements of a #> path: each repeats the value
// reached so far three times in the TiDB expression.
const maxJSONPathIndexes = 4

// jsonPathOperator translates jsonb #> text[] (jsonb) and #>> text[] (text) for a constant
// path. On an object every element is a key; on an array an element must read as an integer
// (negative from the end) or the result is NULL; on a scalar any element gives NULL; an empty
// path gives the value itself, a NULL element NULL. A key step on a non-object is NULL in
// TiDB too, so runs of keys become one JSON_EXTRACT; an integer-like element is a key on
// objects and an index on arrays, so it is both, the index guarded by JSON_TYPE (TiDB's $[0]
// on a non-array is the value itself).
func (t *translator) jsonPathOperator(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	j, err := t.jsonbOperand(op, ln, rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	out := of(typemap.JSONB)
	if op == "#>>" {
		out = of(typemap.Text)
	}
	items, nulls, ok, err := constantTextArray(rn)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if !ok {
		if c := rn.GetAConst(); c != nil && c.GetIsnull() {
			return nullLit(), out, nil
		}
		return nil, typemap.Type{}, pgerror.Unsupported("JSON operator " + op + " with a non-constant path")
	}
	for _, isNull := range nulls {
		if isNull {
			return nullLit(), out, nil
		}
	}
	v, path, indexes := j, "$", 0
	flush := func() {
		if path != "$" {
			v, path = funcCall("JSON_EXTRACT", v, strLit(path)), "$"
		}
	}
	for _, k := range items {
		i, isIndex := pgArrayIndex(k)
		if !isIndex {
			path += jsonKeyPath(k)
			continue
		}
		if indexes++; indexes > maxJSONPathIndexes {
			return nil, typemap.Type{}, pgerror.Unsupported("JSON operator " + op + " with more than 4 integer path elements")
		}
		flush()
		v = funcCall("COALESCE", funcCall("JSON_EXTRACT", v, strLit("$"+jsonKeyPath(k))),
			funcCall("IF", binop(opcode.EQ, funcCall("JSON_TYPE", v), strLit("ARRAY")),
				funcCall("JSON_EXTRACT", v, strLit("$"+jsonIndexPath(i))), nullLit()))
	}
	flush()
	if op == "#>" {
		return v, out, nil
	}
	return caseWhen(funcCall("JSON_UNQUOTE", v), binop(opcode.EQ, funcCall("JSON_TYPE", v), strLit("NULL")), nullLit()), out, nil
}

// jsonLiteral is a JSON value of TiDB: CAST('<json text>' AS JSON).
func jsonLiteral(v any) (ast.ExprNode, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, pgerror.Unsupported("jsonb constant")
	}
	return castTo(strLit(strings.TrimSpace(b.String())), of(typemap.JSONB)), nil
}

func isJSONContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

// jsonContains is PostgreSQL's `j @> c` for a constant c, never NULL for a non-NULL j (x may
// be NULL: a missing key). An object contains an object when each key of c is present with a
// value containing c's; an array contains an array when each element of c is an element of
// j; at the top level only, an array contains a scalar element (and a scalar an equal
// scalar) — MEMBER OF treats a non-array as a one-element array, which says exactly that.
// Nested, a scalar contains only an equal scalar. TiDB's JSON_CONTAINS instead lets a scalar
// be contained in an array at every level. An object or array element of c's arrays would
// need a search through j's elements: refused.
func jsonContains(x ast.ExprNode, c any, top bool) (ast.ExprNode, error) {
	isType := func(name string) ast.ExprNode {
		return funcCall("IFNULL", binop(opcode.EQ, funcCall("JSON_TYPE", x), strLit(name)), boolLit(false))
	}
	switch c := c.(type) {
	case map[string]any:
		cond := isType("OBJECT")
		keys := make([]string, 0, len(c))
		for k := range c {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sub, err := jsonContains(funcCall("JSON_EXTRACT", x, strLit("$"+jsonKeyPath(k))), c[k], false)
			if err != nil {
				return nil, err
			}
			cond = and(cond, sub)
		}
		return cond, nil
	case []any:
		cond := isType("ARRAY")
		for _, e := range c {
			if isJSONContainer(e) {
				return nil, pgerror.Unsupported("jsonb containment (@>, <@) of an object or array inside an array")
			}
			lit, err := jsonLiteral(e)
			if err != nil {
				return nil, err
			}
			cond = and(cond, funcCall("IFNULL", funcCall(ast.JSONMemberOf, lit, x), boolLit(false)))
		}
		return cond, nil
	}
	lit, err := jsonLiteral(c)
	if err != nil {
		return nil, err
	}
	if top {
		return funcCall("IFNULL", funcCall(ast.JSONMemberOf, lit, x), boolLit(false)), nil
	}
	return funcCall("IFNULL", binop(opcode.EQ, x, lit), boolLit(false)), nil
}

// jsonContainment translates `a @> b` and `a <@ b` (b @> a) when the contained side is a
// constant; the container is a jsonb value (NULL gives NULL).
func (t *translator) jsonContainment(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	container, contained := ln, rn
	if op == "<@" {
		container, contained = rn, ln
	}
	j, err := t.jsonbOperand(op, container, contained, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	c, ok := constantJSONB(contained)
	if !ok {
		if _, ct, err := t.expr(contained, sc); err != nil {
			return nil, typemap.Type{}, err
		} else if ct.OID != typemap.JSONB && !isUnknown(ct) {
			return nil, typemap.Type{}, noOperator(op, of(typemap.JSONB), ct)
		}
		if cn := contained.GetAConst(); cn != nil && cn.GetIsnull() {
			return nullLit(), of(typemap.Bool), nil
		}
		return nil, typemap.Type{}, pgerror.Unsupported("jsonb containment (" + op + ") of a non-constant value")
	}
	// The constant goes through the ordinary jsonb input once, for PostgreSQL's errors.
	if _, _, err := t.expr(contained, sc); err != nil {
		return nil, typemap.Type{}, err
	}
	cond, err := jsonContains(j, c, true)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return caseWhen(cond, isNull(j, false), nullLit()), of(typemap.Bool), nil
}

// jsonKeyExists is `j ? k`: for an object, k is a top-level key (JSON_KEYS); otherwise k is a
// string element of an array or the string scalar itself (a TiDB string is a JSON string to
// MEMBER OF, which treats a non-array as a one-element array).
func jsonKeyExists(j, k ast.ExprNode) ast.ExprNode {
	return &ast.CaseExpr{Value: funcCall("JSON_TYPE", j), WhenClauses: []*ast.WhenClause{
		{Expr: strLit("OBJECT"), Result: funcCall(ast.JSONMemberOf, k, funcCall("JSON_KEYS", j))}},
		ElseClause: funcCall(ast.JSONMemberOf, k, j)}
}

// jsonExists translates j ? text, j ?| text[] (any) and j ?& text[] (all, for a constant
// array; NULL elements are skipped, an empty array is false for ?| and true for ?&).
func (t *translator) jsonExists(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	j, err := t.jsonbOperand(op, ln, rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if op == "?" {
		k, kt, err := t.expr(rn, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(kt) {
			if k, kt, err = t.coerce(k, kt, of(typemap.Text)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if kt.OID != typemap.Text && kt.OID != typemap.Varchar {
			return nil, typemap.Type{}, noOperator(op, of(typemap.JSONB), kt)
		}
		return jsonKeyExists(j, k), of(typemap.Bool), nil
	}
	items, nulls, ok, err := constantTextArray(rn)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if !ok {
		if c := rn.GetAConst(); c != nil && c.GetIsnull() {
			return nullLit(), of(typemap.Bool), nil
		}
		return nil, typemap.Type{}, pgerror.Unsupported("JSON operator " + op + " with a non-constant key array")
	}
	var cond ast.ExprNode
	for i, k := range items {
		if nulls[i] {
			continue
		}
		e := jsonKeyExists(j, strLit(k))
		switch {
		case cond == nil:
			cond = e
		case op == "?|":
			cond = binop(opcode.LogicOr, cond, e)
		default:
			cond = and(cond, e)
		}
	}
	if cond == nil {
		cond = boolLit(op == "?&")
	}
	return caseWhen(cond, isNull(j, false), nullLit()), of(typemap.Bool), nil
}

// jsonConcat is jsonb || jsonb. TiDB's JSON_MERGE_PRESERVE is PostgreSQL's || except for two
// objects, where it keeps both values of a shared key in an array; PostgreSQL's right value
// wins. With a constant object on the right that is JSON_SET of its keys, on the left
// JSON_INSERT of its keys into the right value; two non-constant operands are refused.
func (t *translator) jsonConcat(l, r ast.ExprNode, ln, rn *pg_query.Node) (ast.ExprNode, typemap.Type, error) {
	set := func(fn string, target ast.ExprNode, obj map[string]any) (ast.ExprNode, error) {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		args := []ast.ExprNode{target}
		for _, k := range keys {
			v, err := jsonLiteral(obj[k])
			if err != nil {
				return nil, err
			}
			args = append(args, strLit("$"+jsonKeyPath(k)), v)
		}
		return funcCall(fn, args...), nil
	}
	var objects ast.ExprNode
	var err error
	isObject := func(e ast.ExprNode) ast.ExprNode {
		return binop(opcode.EQ, funcCall("JSON_TYPE", e), strLit("OBJECT"))
	}
	lc, lok := constantJSONB(ln)
	rc, rok := constantJSONB(rn)
	lo, lIsObj := lc.(map[string]any)
	ro, rIsObj := rc.(map[string]any)
	switch {
	case rok && !rIsObj, lok && !lIsObj:
		// A constant non-object: never two objects.
		return funcCall("JSON_MERGE_PRESERVE", l, r), of(typemap.JSONB), nil
	case rok && len(ro) == 0:
		objects = l
	case lok && len(lo) == 0:
		objects = r
	case rok:
		if objects, err = set("JSON_SET", l, ro); err != nil {
			return nil, typemap.Type{}, err
		}
	case lok:
		if objects, err = set("JSON_INSERT", r, lo); err != nil {
			return nil, typemap.Type{}, err
		}
	default:
		return nil, typemap.Type{}, pgerror.Unsupported("jsonb || jsonb of two non-constant values (TiDB's JSON_MERGE_PRESERVE merges two objects differently)")
	}
	return funcCall("IF", and(isObject(l), isObject(r)), objects, funcCall("JSON_MERGE_PRESERVE", l, r)),
		of(typemap.JSONB), nil
}
