package translate

import (
	"regexp"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func init() {
	for name, h := range map[string]funcHandler{
		"length":           simple("CHAR_LENGTH", typemap.Int4, 1, argText),
		"char_length":      simple("CHAR_LENGTH", typemap.Int4, 1, argText),
		"character_length": simple("CHAR_LENGTH", typemap.Int4, 1, argText),
		"octet_length":     fnOctetLength,
		"lower":            simple("LOWER", typemap.Text, 1, argText),
		"upper":            simple("UPPER", typemap.Text, 1, argText),
		"replace":          simple("REPLACE", typemap.Text, 3, argText, argText, argText),
		"repeat":           simple("REPEAT", typemap.Text, 2, argText, argInt),
		"reverse":          simple("REVERSE", typemap.Text, 1, argText),
		"md5":              simple("MD5", typemap.Text, 1, argBytes),
		"substr":           fnSubstr,
		"substring":        fnSubstr,
		"strpos":           fnStrpos,
		"position":         fnStrpos,
		"btrim":            fnTrim("BOTH"),
		"ltrim":            fnTrim("LEADING"),
		"rtrim":            fnTrim("TRAILING"),
		"left":             fnLeftRight(true),
		"right":            fnLeftRight(false),
		"lpad":             fnPad("LPAD"),
		"rpad":             fnPad("RPAD"),
		"concat":           fnConcat,
		"concat_ws":        fnConcatWS,
		"split_part":       fnSplitPart,
		"starts_with":      fnStartsWith,
	} {
		functions[name] = h
	}
}

// fnSubstr is substr(s, from [, count]) and substring(s FROM from FOR count). PostgreSQL
// counts a start before 1 as positions that do not exist (substr('hello', 0, 3) = 'he');
// TiDB's SUBSTRING returns ” for 0 and counts negative starts from the end. A constant start
// ≥ 1 maps directly; otherwise the start is clamped and the count shortened.
func fnSubstr(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	name, _ := funcName(fc)
	if len(fc.GetArgs()) >= 2 {
		if _, ok := constantString(fc.GetArgs()[1]); ok {
			return nil, typemap.Type{}, pgerror.Unsupported("substring with a regular expression")
		}
	}
	args, tys, err := t.args(name, fc, sc, 2, argText, argInt, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if tys[1].OID == typemap.Int8 || (len(tys) == 3 && tys[2].OID == typemap.Int8) {
		return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
	}
	s, from := args[0], args[1]
	if v, ok := intValue(from); ok && v >= 1 {
		return funcCall("SUBSTRING", args...), of(typemap.Text), nil
	}
	if v, ok := intValue(from); ok {
		// A constant start before 1: the characters before position 1 do not exist.
		if len(args) == 2 {
			return funcCall("SUBSTRING", s, intLit(1)), of(typemap.Text), nil
		}
		if c, ok := intValue(args[2]); ok && c >= 0 {
			n := v + c - 1
			if n < 0 {
				n = 0
			}
			return funcCall("SUBSTRING", s, intLit(1), intLit(n)), of(typemap.Text), nil
		}
	}
	start := funcCall("GREATEST", from, intLit(1))
	if len(args) == 2 {
		return funcCall("SUBSTRING", s, start), of(typemap.Text), nil
	}
	count := funcCall("GREATEST", binop(opcode.Minus, binop(opcode.Plus, from, args[2]), start), intLit(0))
	return funcCall("SUBSTRING", s, start, count), of(typemap.Text), nil
}

// fnStrpos is strpos(s, sub) and position(sub IN s) (which pg_query passes as (s, sub)).
func fnStrpos(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	name, _ := funcName(fc)
	args, _, err := t.args(name, fc, sc, 2, argText, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return funcCall("LOCATE", args[1], args[0]), of(typemap.Int4), nil
}

// fnTrim is btrim/ltrim/rtrim and TRIM([BOTH|LEADING|TRAILING] [chars] FROM s). PostgreSQL
// removes any of the characters in chars; TiDB's TRIM removes a whole substring. One
// character (or the default space) maps to TRIM; a constant set of several characters
// becomes an anchored REGEXP_REPLACE over a character class.
func fnTrim(direction string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args, _, err := t.args(name, fc, sc, 1, argText, argText)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		chars := " "
		if len(args) == 2 {
			c, ok := literalString(args[1])
			if !ok {
				return nil, typemap.Type{}, pgerror.Unsupported(name + " with non-constant characters")
			}
			chars = c
		}
		if chars == "" {
			return args[0], of(typemap.Text), nil
		}
		if len([]rune(chars)) == 1 {
			dir := map[string]ast.TrimDirectionType{"BOTH": ast.TrimBoth, "LEADING": ast.TrimLeading, "TRAILING": ast.TrimTrailing}[direction]
			return funcCall("TRIM", args[0], strLit(chars), &ast.TrimDirectionExpr{Direction: dir}), of(typemap.Text), nil
		}
		class := "[" + regexClassEscape(chars) + "]+"
		var pattern string
		switch direction {
		case "BOTH":
			pattern = "^" + class + "|" + class + "$"
		case "LEADING":
			pattern = "^" + class
		default:
			pattern = class + "$"
		}
		return funcCall("REGEXP_REPLACE", args[0], strLit(pattern), strLit("")), of(typemap.Text), nil
	}
}

var classSpecial = regexp.MustCompile(`[\\\]\[^-]`)

func regexClassEscape(s string) string {
	seen := map[rune]bool{}
	var b strings.Builder
	for _, r := range s {
		if seen[r] {
			continue
		}
		seen[r] = true
		c := string(r)
		if classSpecial.MatchString(c) {
			b.WriteString(`\`)
		}
		b.WriteString(c)
	}
	return b.String()
}

// fnLeftRight is left(s, n) / right(s, n); a negative n means all but the last/first |n|
// characters in PostgreSQL, ” in TiDB.
func fnLeftRight(left bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args, _, err := t.args(name, fc, sc, 2, argText, argInt)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		s, n := args[0], args[1]
		fn := "RIGHT"
		if left {
			fn = "LEFT"
		}
		if v, ok := intValue(n); ok && v >= 0 {
			return funcCall(fn, s, n), of(typemap.Text), nil
		}
		negative := funcCall(fn, s, funcCall("GREATEST", binop(opcode.Plus, funcCall("CHAR_LENGTH", s), n), intLit(0)))
		if v, ok := intValue(n); ok && v < 0 {
			return negative, of(typemap.Text), nil
		}
		return funcCall("IF", binop(opcode.GE, n, intLit(0)), funcCall(fn, s, n), negative), of(typemap.Text), nil
	}
}

// fnPad is lpad/rpad(s, n [, fill]) with PostgreSQL's default fill of one space.
func fnPad(fn string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args, _, err := t.args(name, fc, sc, 2, argText, argInt, argText)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if len(args) == 2 {
			args = append(args, strLit(" "))
		}
		if f, ok := literalString(args[2]); !ok || f == "" {
			return nil, typemap.Type{}, pgerror.Unsupported(name + " with an empty or non-constant fill")
		}
		return funcCall(fn, args...), of(typemap.Text), nil
	}
}

// fnConcat is concat(...): PostgreSQL skips NULL arguments, TiDB's CONCAT returns NULL, so it
// becomes CONCAT_WS(”, …), which skips them. Arguments are rendered as PostgreSQL prints them.
func fnConcat(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	out := []ast.ExprNode{strLit("")}
	for _, a := range fc.GetArgs() {
		e, ty, err := t.expr(a, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if e, err = t.outputText(e, ty); err != nil {
			return nil, typemap.Type{}, err
		}
		out = append(out, e)
	}
	if len(out) == 1 {
		return nil, typemap.Type{}, t.undefinedFunction("concat", nil, sc)
	}
	return funcCall("CONCAT_WS", out...), of(typemap.Text), nil
}

// fnConcatWS is concat_ws(sep, ...): the same NULL rules in PostgreSQL and TiDB.
func fnConcatWS(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	var out []ast.ExprNode
	for i, a := range fc.GetArgs() {
		e, ty, err := t.expr(a, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if i == 0 && !isString(ty) && !isUnknown(ty) {
			return nil, typemap.Type{}, t.undefinedFunction("concat_ws", fc.GetArgs(), sc)
		}
		if e, err = t.outputText(e, ty); err != nil {
			return nil, typemap.Type{}, err
		}
		out = append(out, e)
	}
	if len(out) < 2 {
		return nil, typemap.Type{}, t.undefinedFunction("concat_ws", fc.GetArgs(), sc)
	}
	return funcCall("CONCAT_WS", out...), of(typemap.Text), nil
}

// fnSplitPart is split_part(s, delimiter, n) for a constant non-empty delimiter and a
// constant n ≥ 1: PostgreSQL returns ” past the last field, where nested SUBSTRING_INDEX
// would repeat the last field, so the field count is checked first.
func fnSplitPart(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("split_part", fc, sc, 3, argText, argText, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	s, d, n := args[0], args[1], args[2]
	delim, ok := literalString(d)
	nv, ok2 := intValue(n)
	if !ok || delim == "" || !ok2 || nv < 1 {
		return nil, typemap.Type{}, pgerror.Unsupported("split_part with a non-constant or empty delimiter or a field number < 1")
	}
	fields := binop(opcode.Plus,
		binop(opcode.IntDiv,
			binop(opcode.Minus, funcCall("CHAR_LENGTH", s), funcCall("CHAR_LENGTH", funcCall("REPLACE", s, d, strLit("")))),
			intLit(int64(len([]rune(delim))))),
		intLit(1))
	part := funcCall("SUBSTRING_INDEX", funcCall("SUBSTRING_INDEX", s, d, n), d, intLit(-1))
	return caseWhen(strLit(""),
		isNull(s, false), nullLit(),
		binop(opcode.GE, fields, n), part), of(typemap.Text), nil
}

// fnStartsWith is starts_with(s, prefix).
func fnStartsWith(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("starts_with", fc, sc, 2, argText, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return binop(opcode.EQ, funcCall("LEFT", args[0], funcCall("CHAR_LENGTH", args[1])), args[1]), of(typemap.Bool), nil
}

// fnOctetLength is octet_length(s). For character(n) PostgreSQL counts the blank padding
// (TiDB strips it from CHAR columns), so the value is padded back to n characters first.
func fnOctetLength(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(fc.GetArgs()) == 1 {
		e, ty, err := t.expr(fc.GetArgs()[0], sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if ty.OID == typemap.BPChar {
			return funcCall("LENGTH", padBPChar(e, ty)), of(typemap.Int4), nil
		}
	}
	return simple("LENGTH", typemap.Int4, 1, argBytes)(t, fc, sc)
}
