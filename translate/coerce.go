package translate

import (
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// coerce gives an expression of type from the type to, for the implicit coercions PostgreSQL
// applies without a cast: a parameter of unknown type takes type to; an untyped string
// literal is read with to's input function here, at translation time — so '1abc' for an
// integer or 'x' for a bool fail with PostgreSQL's error instead of TiDB's silent 0/false —
// and is emitted as a TiDB literal of that type. Expressions of a known type are returned
// unchanged (TiDB converts between compatible types on assignment and comparison).
func (t *translator) coerce(e ast.ExprNode, from, to typemap.Type) (ast.ExprNode, typemap.Type, error) {
	if isUnknown(to) {
		return e, from, nil
	}
	if i, ok := isParam(e); ok {
		if isUnknown(t.paramType(i)) {
			t.setParamType(i, to)
			return e, to, nil
		}
		return e, t.paramType(i), nil
	}
	if !isUnknown(from) {
		return e, from, nil
	}
	if isNullLit(e) {
		return e, to, nil
	}
	s, ok := literalString(e)
	if !ok {
		return e, to, nil
	}
	lit, err := t.inputLiteral(s, to)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return lit, to, nil
}

// inputLiteral reads s as PostgreSQL's input function of type to would and returns a TiDB
// literal with the same value.
func (t *translator) inputLiteral(s string, to typemap.Type) (ast.ExprNode, error) {
	if isArray(to) {
		return t.arrayLiteral(s, to) // array.go
	}
	switch to.OID {
	case typemap.Bool:
		b, ok := parseBool(s)
		if !ok {
			return nil, invalidInput("boolean", s)
		}
		return boolLit(b), nil
	case typemap.Int2, typemap.Int4, typemap.Int8:
		v, err := parseInt(s, to)
		if err != nil {
			return nil, err
		}
		return intLit(v), nil
	case typemap.Numeric:
		n := strings.TrimSpace(s)
		if !numericInput.MatchString(n) {
			if isSpecialNumber(n) {
				return nil, pgerror.Unsupported("numeric value " + strconv.Quote(n))
			}
			return nil, invalidInput("numeric", s)
		}
		return decimalLit(strings.TrimPrefix(n, "+"))
	case typemap.Float4, typemap.Float8:
		n := strings.TrimSpace(s)
		if isSpecialNumber(n) {
			return nil, pgerror.Unsupported("floating-point value " + strconv.Quote(n))
		}
		if !numericInput.MatchString(n) {
			return nil, invalidInput(sqlTypeName(to), s)
		}
		return floatLiteral(strings.TrimPrefix(n, "+"), to)
	case typemap.Text, typemap.Varchar, typemap.BPChar, typemap.Name, typemap.Unknown:
		return strLit(s), nil
	case typemap.Char:
		// charin keeps the first byte ('' is the zero byte, printed as ''); a multi-byte
		// first character would be cut in the middle.
		if s != "" && s[0] >= 0x80 {
			return nil, pgerror.Unsupported(`"char" value of a non-ASCII character`)
		}
		return strLit(s[:min(len(s), 1)]), nil
	case typemap.Date, typemap.Timestamp, typemap.Timestamptz, typemap.Time:
		v, err := t.parseDateTimeLiteral(s, to)
		if err != nil {
			return nil, err
		}
		return strLit(v), nil
	case typemap.JSON, typemap.JSONB:
		if !json.Valid([]byte(s)) {
			return nil, invalidInput("json", s)
		}
		if to.OID == typemap.JSON {
			// json is kept verbatim (pgtidb stores it as text).
			return strLit(s), nil
		}
		return &ast.FuncCastExpr{Expr: strLit(s), Tp: tidbCastType(to), FunctionType: ast.CastFunction}, nil
	case typemap.UUID:
		u, ok := parseUUID(s)
		if !ok {
			return nil, invalidInput("uuid", s)
		}
		return strLit(u), nil
	case typemap.Oid, typemap.RegClass, typemap.RegType, typemap.RegNamespace, typemap.RegProc:
		return t.regInput(s, to)
	case typemap.Bytea:
		b, err := parseBytea(s)
		if err != nil {
			return nil, err
		}
		return funcCall("UNHEX", strLit(hex.EncodeToString(b))), nil
	}
	return nil, pgerror.Unsupported("literal of type " + sqlTypeName(to))
}

func invalidInput(typ, s string) *pgerror.Error {
	return pgerror.Newf(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type %s: %q", typ, s)
}

var numericInput = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

func isSpecialNumber(s string) bool {
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case "nan", "infinity", "inf":
		return true
	}
	return false
}

// parseBool is PostgreSQL's boolin: t/true/y/yes/on/1 and f/false/n/no/off/0, any case,
// unique prefixes, surrounding whitespace ignored.
func parseBool(s string) (bool, bool) {
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "" {
		return false, false
	}
	prefixOf := func(word string) bool { return strings.HasPrefix(word, v) }
	switch v[0] {
	case 't':
		return true, prefixOf("true")
	case 'y':
		return true, prefixOf("yes")
	case 'f':
		return false, prefixOf("false")
	case 'n':
		return false, prefixOf("no")
	case 'o':
		if len(v) >= 2 && prefixOf("on") {
			return true, true
		}
		if len(v) >= 2 && prefixOf("off") {
			return false, true
		}
	case '1':
		return true, v == "1"
	case '0':
		return false, v == "0"
	}
	return false, false
}

// parseInt is PostgreSQL's int2in/int4in/int8in.
func parseInt(s string, to typemap.Type) (int64, error) {
	n := strings.TrimSpace(s)
	bits := map[typemap.OID]int{typemap.Int2: 16, typemap.Int4: 32, typemap.Int8: 64}[to.OID]
	v, err := strconv.ParseInt(strings.TrimPrefix(n, "+"), 10, bits)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 0, pgerror.Newf(pgerrcode.NumericValueOutOfRange,
				"value %q is out of range for type %s", n, sqlTypeName(to))
		}
		return 0, invalidInput(sqlTypeName(to), s)
	}
	return v, nil
}

// parseDateTimeLiteral reads a date/time literal as PostgreSQL's input functions do — through
// typemap's parser, the same one client parameters go through — and returns the text TiDB
// stores: timestamptz values become UTC, a local time without a zone is read in the session's
// TimeZone (part of the proxy's translation cache key). 'now', 'today', 'tomorrow' and
// 'yesterday' are refused: a translation is cached and would freeze them.
func (t *translator) parseDateTimeLiteral(s string, to typemap.Type) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "now", "today", "tomorrow", "yesterday":
		return "", pgerror.Unsupported("special " + sqlTypeName(to) + " value " + strconv.Quote(strings.TrimSpace(s)))
	}
	settings := typemap.DefaultSettings()
	if t.ctx.Setting != nil {
		if tz, ok := t.ctx.Setting("TimeZone"); ok {
			if loc, err := typemap.LoadZone(tz); err == nil {
				settings.TimeZone = loc
			}
		}
	}
	v, err := typemap.DecodeParam(to, 0, []byte(s), settings)
	if err != nil {
		return "", err
	}
	str, ok := v.(string)
	if !ok {
		return "", pgerror.Newf(pgerrcode.InternalError, "unexpected %s literal value", sqlTypeName(to))
	}
	return str, nil
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// parseUUID is PostgreSQL's uuid_in: 32 hex digits, optionally in braces, hyphens allowed
// between groups of four; the result is the canonical lower-case form.
func parseUUID(s string) (string, bool) {
	v := s
	if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
		v = v[1 : len(v)-1]
	}
	var digits []byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '-' && len(digits)%4 == 0 && len(digits) > 0 && i+1 < len(v) && v[i+1] != '-' {
			continue
		}
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return "", false
		}
		digits = append(digits, c)
	}
	if len(digits) != 32 {
		return "", false
	}
	h := strings.ToLower(string(digits))
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], true
}

// parseBytea is PostgreSQL's byteain, through typemap's parser (the one bound parameters use).
func parseBytea(s string) ([]byte, error) {
	v, err := typemap.DecodeParam(typemap.Of(typemap.Bytea), 0, []byte(s), nil)
	if err != nil {
		return nil, err
	}
	return v.([]byte), nil
}
