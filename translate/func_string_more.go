package translate

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// More string and bytea functions. Functions TiDB has no counterpart for (initcap,
// quote_ident, format) are computed here when their arguments are constants — the result is
// the same value PostgreSQL computes — and refused otherwise.

func init() {
	for name, h := range map[string]funcHandler{
		"regexp_replace": fnRegexpReplace,
		"initcap":        constantTextFunc("initcap", initcap),
		"ascii":          fnASCII,
		"chr":            fnChr,
		"translate":      fnTranslate,
		"overlay":        fnOverlay,
		"encode":         fnEncode,
		"decode":         fnDecode,
		"to_hex":         fnToHex,
		"quote_literal":  fnQuoteLiteral(false),
		"quote_nullable": fnQuoteLiteral(true),
		"quote_ident":    fnQuoteIdent, // func_dump.go
		"format":         fnFormat,
		"bit_length":     fnBitLength,
		"convert_from":   fnConvertFrom,
		"convert_to":     fnConvertTo,
	} {
		functions[name] = h
	}
	// Decorators over handlers of func_string.go (which this file must not edit): bytea
	// arguments for length(), negative field numbers for split_part().
	if h := functions["length"]; h != nil {
		functions["length"] = lengthBytea(h)
	}
	if h := functions["split_part"]; h != nil {
		functions["split_part"] = splitPartNegative(h)
	}
}

// fnRegexpReplace is regexp_replace(s, pattern, replacement [, flags]) with constant
// replacement and flags. PostgreSQL replaces the first match unless flag g is given; TiDB's
// REGEXP_REPLACE takes the occurrence (1 = first, 0 = all) and a match type ('c'/'i').
// Replacement escapes are rewritten: PostgreSQL's \& (whole match) is TiDB's \0; a backslash
// before anything but a digit, & or \ is literal in PostgreSQL and dropped by TiDB.
func fnRegexpReplace(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("regexp_replace", fc, sc, 3, argText, argText, argText, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	repl, ok := literalString(args[2])
	if !ok {
		if isNullLit(args[2]) {
			return nullLit(), of(typemap.Text), nil
		}
		return nil, typemap.Type{}, pgerror.Unsupported("regexp_replace with a non-constant replacement")
	}
	occurrence, match := int64(1), "c"
	if len(args) == 4 {
		flags, ok := literalString(args[3])
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported("regexp_replace with non-constant flags")
		}
		for _, f := range flags {
			switch f {
			case 'g':
				occurrence = 0
			case 'i':
				match = "i"
			case 'c':
				match = "c"
			default:
				return nil, typemap.Type{}, pgerror.Unsupported(fmt.Sprintf("regexp_replace flag %q", f))
			}
		}
	}
	return funcCall("REGEXP_REPLACE", args[0], args[1], strLit(tidbReplacement(repl)), intLit(1), intLit(occurrence), strLit(match)),
		of(typemap.Text), nil
}

// tidbReplacement rewrites a PostgreSQL regexp_replace replacement for TiDB.
func tidbReplacement(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 == len(s) {
			b.WriteString(`\\`)
			continue
		}
		n := s[i+1]
		switch {
		case n >= '1' && n <= '9':
			b.WriteByte('\\')
			b.WriteByte(n)
		case n == '&':
			b.WriteString(`\0`)
		case n == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(`\\`)
			b.WriteByte(n)
		}
		i++
	}
	return b.String()
}

// initcap is PostgreSQL's initcap: the first letter or digit of each run of alphanumerics
// upper case, the rest lower case.
func initcap(s string) string {
	var b strings.Builder
	inWord := false
	for _, r := range s {
		if inWord {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToUpper(r))
		}
		inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return b.String()
}

// constantTextFunc translates a one-argument text function TiDB lacks (initcap, quote_ident)
// by computing it here; only a constant (or NULL) argument can be translated faithfully.
func constantTextFunc(name string, compute func(string) string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		args, _, err := t.args(name, fc, sc, 1, argText)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isNullLit(args[0]) {
			return nullLit(), of(typemap.Text), nil
		}
		s, ok := literalString(args[0])
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported(name + " of a non-constant")
		}
		return strLit(compute(s)), of(typemap.Text), nil
	}
}

// fnASCII is ascii(s): the code point of the first character (0 for ”). TiDB's ASCII gives
// the first byte, ORD the UTF-8 bytes as one number, so constants are computed here and other
// values decoded from ORD.
func fnASCII(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("ascii", fc, sc, 1, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if s, ok := literalString(args[0]); ok {
		if s == "" {
			return intLit(0), of(typemap.Int4), nil
		}
		r, _ := utf8.DecodeRuneInString(s)
		return intLit(int64(r)), of(typemap.Int4), nil
	}
	// ORD of the first character: b1 (ASCII), b1*256+b2, … Decode the UTF-8 sequence.
	o := funcCall("ORD", args[0])
	byteAt := func(shift int64) ast.ExprNode {
		return binop(opcode.And, binop(opcode.RightShift, o, intLit(shift)), intLit(0xFF))
	}
	cont := func(shift int64, bits int64) ast.ExprNode {
		return binop(opcode.LeftShift, binop(opcode.And, byteAt(shift), intLit(0x3F)), intLit(bits))
	}
	two := binop(opcode.Or, binop(opcode.LeftShift, binop(opcode.And, byteAt(8), intLit(0x1F)), intLit(6)), cont(0, 0))
	three := binop(opcode.Or, binop(opcode.Or, binop(opcode.LeftShift, binop(opcode.And, byteAt(16), intLit(0x0F)), intLit(12)), cont(8, 6)), cont(0, 0))
	four := binop(opcode.Or, binop(opcode.Or, binop(opcode.Or,
		binop(opcode.LeftShift, binop(opcode.And, byteAt(24), intLit(0x07)), intLit(18)), cont(16, 12)), cont(8, 6)), cont(0, 0))
	return caseWhen(four,
		binop(opcode.LT, o, intLit(0x80)), o,
		binop(opcode.LT, o, intLit(0x10000)), two,
		binop(opcode.LT, o, intLit(0x1000000)), three), of(typemap.Int4), nil
}

// fnChr is chr(n) for a constant n: the character with that code point. PostgreSQL refuses 0
// (54000) and values that are not characters; TiDB's CHAR would build bytes silently.
func fnChr(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("chr", fc, sc, 1, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isNullLit(args[0]) {
		return nullLit(), of(typemap.Text), nil
	}
	n, ok := intValue(args[0])
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("chr of a non-constant")
	}
	switch {
	case n == 0:
		return nil, typemap.Type{}, pgerror.New(pgerrcode.ProgramLimitExceeded, "null character not permitted")
	case n < 0:
		return nil, typemap.Type{}, pgerror.New(pgerrcode.ProgramLimitExceeded, "character number must be positive")
	case n > utf8.MaxRune || (n >= 0xD800 && n <= 0xDFFF):
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.ProgramLimitExceeded, "requested character too large for encoding: %d", n)
	}
	return strLit(string(rune(n))), of(typemap.Text), nil
}

// fnTranslate is translate(s, from, to) for constant from and to: one REPLACE per character,
// which equals PostgreSQL's simultaneous mapping as long as no replacement character is itself
// replaced later (refused otherwise). Characters of from beyond to are deleted; a character
// repeated in from maps as its first occurrence.
func fnTranslate(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("translate", fc, sc, 3, argText, argText, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	from, ok1 := literalString(args[1])
	to, ok2 := literalString(args[2])
	if !ok1 || !ok2 {
		if isNullLit(args[1]) || isNullLit(args[2]) {
			return nullLit(), of(typemap.Text), nil
		}
		return nil, typemap.Type{}, pgerror.Unsupported("translate with non-constant character lists")
	}
	fr, tr := []rune(from), []rune(to)
	inFrom := map[rune]bool{}
	for _, r := range fr {
		inFrom[r] = true
	}
	if s, ok := literalString(args[0]); ok {
		return strLit(translateString(s, fr, tr)), of(typemap.Text), nil
	}
	seen := map[rune]bool{}
	e := args[0]
	for i, r := range fr {
		if seen[r] {
			continue
		}
		seen[r] = true
		repl := ""
		if i < len(tr) {
			if inFrom[tr[i]] && tr[i] != r {
				return nil, typemap.Type{}, pgerror.Unsupported("translate where a replacement character is also replaced")
			}
			repl = string(tr[i])
		}
		if repl == string(r) {
			continue
		}
		e = funcCall("REPLACE", e, strLit(string(r)), strLit(repl))
	}
	return e, of(typemap.Text), nil
}

func translateString(s string, from, to []rune) string {
	var b strings.Builder
	for _, r := range s {
		idx := -1
		for i, f := range from {
			if f == r {
				idx = i
				break
			}
		}
		switch {
		case idx < 0:
			b.WriteRune(r)
		case idx < len(to):
			b.WriteRune(to[idx])
		}
	}
	return b.String()
}

// fnOverlay is overlay(s PLACING r FROM n [FOR m]) (pg_query passes s, r, n [, m]) with
// constant n ≥ 1 and m ≥ 0: the first n-1 characters, r, then s from n+m (m defaults to
// r's length). TiDB's INSERT would return s unchanged when n is past its end.
func fnOverlay(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("overlay", fc, sc, 3, argText, argText, argInt, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	s, r, from := args[0], args[1], args[2]
	n, ok := intValue(from)
	if !ok || n < 1 {
		return nil, typemap.Type{}, pgerror.Unsupported("overlay with a non-constant or non-positive start")
	}
	var rest ast.ExprNode
	if len(args) == 4 {
		m, ok := intValue(args[3])
		if !ok || m < 0 {
			return nil, typemap.Type{}, pgerror.Unsupported("overlay with a non-constant or negative length")
		}
		rest = intLit(n + m)
	} else {
		rest = binop(opcode.Plus, intLit(n), funcCall("CHAR_LENGTH", r))
	}
	return funcCall("CONCAT", funcCall("SUBSTRING", s, intLit(1), intLit(n-1)), r, funcCall("SUBSTRING", s, rest)),
		of(typemap.Text), nil
}

// byteaArg translates an argument that must be bytea; an untyped literal is read by byteain.
func (t *translator) byteaArg(name string, fc *pg_query.FuncCall, sc *scope, i int) (ast.ExprNode, error) {
	e, ty, err := t.expr(fc.GetArgs()[i], sc)
	if err != nil {
		return nil, err
	}
	if isUnknown(ty) {
		if e, _, err = t.coerce(e, ty, of(typemap.Bytea)); err != nil {
			return nil, err
		}
		return e, nil
	}
	if ty.OID != typemap.Bytea {
		return nil, t.undefinedFunction(name, fc.GetArgs(), sc)
	}
	return e, nil
}

// constantFormat is the format argument (hex, base64…) of encode/decode, lower-cased.
func constantFormat(name string, e ast.ExprNode) (string, error) {
	f, ok := literalString(e)
	if !ok {
		return "", pgerror.Unsupported(name + " with a non-constant format")
	}
	f = strings.ToLower(f)
	switch f {
	case "hex", "base64":
		return f, nil
	case "escape":
		return "", pgerror.Unsupported(name + "(…, 'escape')")
	}
	return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "unrecognized encoding: %q", f)
}

// fnEncode is encode(bytea, 'hex' | 'base64'). TiDB's TO_BASE64 breaks lines every 76
// characters as PostgreSQL does.
func fnEncode(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(fc.GetArgs()) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("encode", fc.GetArgs(), sc)
	}
	b, err := t.byteaArg("encode", fc, sc, 0)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	fe, _, err := t.expr(fc.GetArgs()[1], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	f, err := constantFormat("encode", fe)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if f == "hex" {
		return funcCall("LOWER", funcCall("HEX", b)), of(typemap.Text), nil
	}
	return funcCall("TO_BASE64", b), of(typemap.Text), nil
}

// fnDecode is decode(text, 'hex' | 'base64'). A constant input is checked here with
// PostgreSQL's errors; TiDB returns NULL for malformed data at run time (KNOWN_GAPS.md).
func fnDecode(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("decode", fc, sc, 2, argText, argText)
	if err != nil || len(args) != 2 {
		if err == nil {
			err = t.undefinedFunction("decode", fc.GetArgs(), sc)
		}
		return nil, typemap.Type{}, err
	}
	f, err := constantFormat("decode", args[1])
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if s, ok := literalString(args[0]); ok {
		var b []byte
		if f == "hex" {
			if len(s)%2 != 0 {
				return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidParameterValue, "invalid hexadecimal data: odd number of digits")
			}
			if b, err = hex.DecodeString(s); err != nil {
				return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidParameterValue, "invalid hexadecimal digit")
			}
		} else {
			clean := strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
					return -1
				}
				return r
			}, s)
			if b, err = base64.StdEncoding.DecodeString(clean); err != nil {
				return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidParameterValue, "invalid base64 end sequence").
					WithHint("Input data is missing padding, is truncated, or is otherwise corrupted.")
			}
		}
		return funcCall("UNHEX", strLit(hex.EncodeToString(b))), of(typemap.Bytea), nil
	}
	if f == "hex" {
		return funcCall("UNHEX", args[0]), of(typemap.Bytea), nil
	}
	return funcCall("FROM_BASE64", args[0]), of(typemap.Bytea), nil
}

// fnToHex is to_hex(int4 | int8): negative int4 values print their 32-bit two's complement.
func fnToHex(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("to_hex", fc, sc, 1, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	x := args[0]
	if tys[0].OID != typemap.Int8 {
		x = binop(opcode.And, x, intLit(0xFFFFFFFF))
	}
	return funcCall("LOWER", funcCall("HEX", x)), of(typemap.Text), nil
}

// fnQuoteLiteral is quote_literal / quote_nullable over text: quotes doubled, and with a
// backslash in the value, backslashes doubled and an E prefix. quote_nullable(NULL) is 'NULL'.
func fnQuoteLiteral(nullable bool) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if len(fc.GetArgs()) != 1 {
			return nil, typemap.Type{}, t.undefinedFunction(name, fc.GetArgs(), sc)
		}
		e, ty, err := t.expr(fc.GetArgs()[0], sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(ty) {
			if e, ty, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if e, err = t.toText(e, ty); err != nil {
			return nil, typemap.Type{}, err
		}
		if s, ok := literalString(e); ok {
			return strLit(quoteLiteral(s)), of(typemap.Text), nil
		}
		if isNullLit(e) {
			if nullable {
				return strLit("NULL"), of(typemap.Text), nil
			}
			return nullLit(), of(typemap.Text), nil
		}
		q := funcCall("CONCAT",
			funcCall("IF", binop(opcode.GT, funcCall("LOCATE", strLit(`\`), e), intLit(0)), strLit("E"), strLit("")),
			strLit("'"),
			funcCall("REPLACE", funcCall("REPLACE", e, strLit(`\`), strLit(`\\`)), strLit("'"), strLit("''")),
			strLit("'"))
		if nullable {
			return funcCall("IFNULL", q, strLit("NULL")), of(typemap.Text), nil
		}
		return q, of(typemap.Text), nil
	}
}

func quoteLiteral(s string) string {
	prefix := ""
	if strings.Contains(s, `\`) {
		prefix = "E"
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return prefix + "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// quoteIdent is PostgreSQL's quote_ident: unquoted only for a lower-case identifier that is no
// keyword except an unreserved one. pg_query's grammar decides: an unreserved keyword is both a
// column name and a function name.
func quoteIdent(s string) string { return typemap.QuoteIdent(s) }

// fnFormat is format(fmt, …) for a constant fmt using only %s, %I, %L and %% without
// positions, widths or flags. %s prints NULL as ”, %L as NULL; %I needs a constant argument
// (quote_ident) and refuses NULL as PostgreSQL does.
func fnFormat(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) == 0 {
		return nil, typemap.Type{}, t.undefinedFunction("format", args, sc)
	}
	fe, fty, err := t.expr(args[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if !isUnknown(fty) && !isString(fty) {
		return nil, typemap.Type{}, t.undefinedFunction("format", args, sc)
	}
	if isNullLit(fe) {
		return nullLit(), of(typemap.Text), nil
	}
	f, ok := literalString(fe)
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("format with a non-constant format string")
	}
	parts := []ast.ExprNode{strLit("")}
	next := 1
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, strLit(lit.String()))
			lit.Reset()
		}
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			lit.WriteByte(f[i])
			continue
		}
		if i+1 == len(f) {
			return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidParameterValue, "unterminated format() type specifier").
				WithHint(`For a single "%" use "%%".`)
		}
		i++
		conv := f[i]
		if conv == '%' {
			lit.WriteByte('%')
			continue
		}
		if conv != 's' && conv != 'I' && conv != 'L' {
			if strings.IndexByte("0123456789-*$", conv) >= 0 {
				return nil, typemap.Type{}, pgerror.Unsupported("format() positions, widths and flags")
			}
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.InvalidParameterValue, "unrecognized format() type specifier %q", string(conv)).
				WithHint(`For a single "%" use "%%".`)
		}
		if next >= len(args) {
			return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidParameterValue, "too few arguments for format()")
		}
		e, ty, err := t.expr(args[next], sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		next++
		if isUnknown(ty) {
			if e, ty, err = t.coerce(e, ty, of(typemap.Text)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if e, err = t.outputText(e, ty); err != nil {
			return nil, typemap.Type{}, err
		}
		flush()
		switch conv {
		case 's':
			parts = append(parts, e) // CONCAT_WS skips NULL: %s of NULL is ''.
		case 'L':
			if s, ok := literalString(e); ok {
				parts = append(parts, strLit(quoteLiteral(s)))
			} else if isNullLit(e) {
				parts = append(parts, strLit("NULL"))
			} else {
				parts = append(parts, funcCall("IFNULL", funcCall("CONCAT",
					funcCall("IF", binop(opcode.GT, funcCall("LOCATE", strLit(`\`), e), intLit(0)), strLit("E"), strLit("")),
					strLit("'"),
					funcCall("REPLACE", funcCall("REPLACE", e, strLit(`\`), strLit(`\\`)), strLit("'"), strLit("''")),
					strLit("'")), strLit("NULL")))
			}
		case 'I':
			if isNullLit(e) {
				return nil, typemap.Type{}, pgerror.New(pgerrcode.NullValueNotAllowedDataException, "null values cannot be formatted as an SQL identifier")
			}
			s, ok := literalString(e)
			if !ok {
				return nil, typemap.Type{}, pgerror.Unsupported("format('%I') of a non-constant")
			}
			parts = append(parts, strLit(quoteIdent(s)))
		}
	}
	flush()
	if len(parts) == 1 {
		return strLit(""), of(typemap.Text), nil
	}
	return funcCall("CONCAT_WS", parts...), of(typemap.Text), nil
}

// fnBitLength is bit_length(text | bytea): 8 × the bytes.
func fnBitLength(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("bit_length", fc, sc, 1, argBytes)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return binop(opcode.Mul, funcCall("LENGTH", args[0]), intLit(8)), of(typemap.Int4), nil
}

// utf8Name reports whether a constant encoding name is UTF8 (the only server encoding).
func utf8Name(name string, e ast.ExprNode) error {
	s, ok := literalString(e)
	if !ok {
		return pgerror.Unsupported(name + " with a non-constant encoding")
	}
	switch strings.ToLower(s) {
	case "utf8", "utf-8", "unicode":
		return nil
	}
	return pgerror.Unsupported(name + " with encoding " + s)
}

// fnConvertFrom is convert_from(bytea, 'UTF8'): the bytes read as text.
func fnConvertFrom(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(fc.GetArgs()) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("convert_from", fc.GetArgs(), sc)
	}
	b, err := t.byteaArg("convert_from", fc, sc, 0)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	enc, _, err := t.expr(fc.GetArgs()[1], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if err := utf8Name("convert_from", enc); err != nil {
		return nil, typemap.Type{}, err
	}
	if f, ok := b.(*ast.FuncCallExpr); ok && f.FnName.L == "unhex" && len(f.Args) == 1 {
		// A constant bytea (UNHEX of its hex digits): check the bytes as PostgreSQL does.
		if h, ok := literalString(f.Args[0]); ok {
			if raw, err := hex.DecodeString(h); err == nil && !utf8.Valid(raw) {
				return nil, typemap.Type{}, invalidUTF8(raw)
			}
		}
	}
	return &ast.FuncCallExpr{FnName: cistr("CONVERT"), Args: []ast.ExprNode{b, strLit("utf8mb4")}}, of(typemap.Text), nil
}

// fnConvertTo is convert_to(text, 'UTF8'): the text's bytes.
func fnConvertTo(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("convert_to", fc, sc, 2, argText, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if err := utf8Name("convert_to", args[1]); err != nil {
		return nil, typemap.Type{}, err
	}
	return castTo(args[0], of(typemap.Bytea)), of(typemap.Bytea), nil
}

// lengthBytea extends length() to bytea (bytes) and leaves the text forms to h.
func lengthBytea(h funcHandler) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		if len(fc.GetArgs()) == 1 {
			e, ty, err := t.expr(fc.GetArgs()[0], sc)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			if ty.OID == typemap.Bytea {
				return funcCall("LENGTH", e), of(typemap.Int4), nil
			}
		}
		return h(t, fc, sc)
	}
}

// splitPartNegative handles split_part(s, d, n) for a constant n ≤ 0 (PostgreSQL 14+ counts
// negative fields from the end; 0 is an error) and leaves n ≥ 1 to h.
func splitPartNegative(h funcHandler) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		if len(fc.GetArgs()) != 3 {
			return h(t, fc, sc)
		}
		nv, ok := constantInt(fc.GetArgs()[2])
		if !ok || nv >= 1 {
			return h(t, fc, sc)
		}
		args, _, err := t.args("split_part", fc, sc, 3, argText, argText, argInt)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if nv == 0 {
			return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidParameterValue, "field position must not be zero")
		}
		s, d := args[0], args[1]
		delim, ok := literalString(d)
		if !ok || delim == "" {
			return nil, typemap.Type{}, pgerror.Unsupported("split_part with a non-constant or empty delimiter")
		}
		fields := binop(opcode.Plus,
			binop(opcode.IntDiv,
				binop(opcode.Minus, funcCall("CHAR_LENGTH", s), funcCall("CHAR_LENGTH", funcCall("REPLACE", s, d, strLit("")))),
				intLit(int64(len([]rune(delim))))),
			intLit(1))
		part := funcCall("SUBSTRING_INDEX", funcCall("SUBSTRING_INDEX", s, d, intLit(nv)), d, intLit(1))
		return caseWhen(strLit(""),
			isNull(s, false), nullLit(),
			binop(opcode.GE, fields, intLit(-nv)), part), of(typemap.Text), nil
	}
}

// invalidUTF8 is PostgreSQL's 22021 for the first invalid sequence in b.
func invalidUTF8(b []byte) error {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			end := len(b)
			if end > 2 {
				end = 2
			}
			var parts []string
			for _, c := range b[:end] {
				parts = append(parts, fmt.Sprintf("0x%02x", c))
			}
			return pgerror.Newf(pgerrcode.CharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\": %s", strings.Join(parts, " "))
		}
		b = b[n:]
	}
	return nil
}
