package translate

import (
	"strings"
	"unicode"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func init() { functions["to_char"] = fnToChar }

// toCharPattern is one to_char template pattern: its DATE_FORMAT spelling, or a function of
// the value when DATE_FORMAT has none.
type toCharPattern struct {
	format string
	expr   func(x ast.ExprNode) ast.ExprNode
}

func dateFormatWith(f string, wrap string) func(x ast.ExprNode) ast.ExprNode {
	return func(x ast.ExprNode) ast.ExprNode { return funcCall(wrap, funcCall("DATE_FORMAT", x, strLit(f))) }
}

// toCharPatterns are the date/time patterns pgtidb renders exactly as PostgreSQL does, longest
// first. Padded names (Month, Day) and the rarer patterns are not among them.
var toCharPatterns = []struct {
	name string
	fm   bool
	p    toCharPattern
}{
	{"HH24", false, toCharPattern{format: "%H"}}, {"HH24", true, toCharPattern{format: "%k"}},
	{"HH12", false, toCharPattern{format: "%h"}}, {"HH12", true, toCharPattern{format: "%l"}},
	{"YYYY", false, toCharPattern{format: "%Y"}},
	{"Month", true, toCharPattern{format: "%M"}}, {"Day", true, toCharPattern{format: "%W"}},
	{"DDD", false, toCharPattern{format: "%j"}},
	{"MON", false, toCharPattern{expr: dateFormatWith("%b", "UPPER")}},
	{"Mon", false, toCharPattern{format: "%b"}},
	{"mon", false, toCharPattern{expr: dateFormatWith("%b", "LOWER")}},
	{"DY", false, toCharPattern{expr: dateFormatWith("%a", "UPPER")}},
	{"Dy", false, toCharPattern{format: "%a"}},
	{"dy", false, toCharPattern{expr: dateFormatWith("%a", "LOWER")}},
	{"AM", false, toCharPattern{format: "%p"}}, {"PM", false, toCharPattern{format: "%p"}},
	{"am", false, toCharPattern{expr: dateFormatWith("%p", "LOWER")}},
	{"pm", false, toCharPattern{expr: dateFormatWith("%p", "LOWER")}},
	{"HH", false, toCharPattern{format: "%h"}}, {"HH", true, toCharPattern{format: "%l"}},
	{"YY", false, toCharPattern{format: "%y"}},
	{"MM", false, toCharPattern{format: "%m"}}, {"MM", true, toCharPattern{format: "%c"}},
	{"DD", false, toCharPattern{format: "%d"}}, {"DD", true, toCharPattern{format: "%e"}},
	{"MI", false, toCharPattern{format: "%i"}},
	{"SS", false, toCharPattern{format: "%s"}},
	{"US", false, toCharPattern{format: "%f"}},
	{"MS", false, toCharPattern{expr: func(x ast.ExprNode) ast.ExprNode {
		return funcCall("LPAD", binop(opcode.IntDiv, funcCall("MICROSECOND", x), intLit(1000)), intLit(3), strLit("0"))
	}}},
	{"Q", false, toCharPattern{expr: func(x ast.ExprNode) ast.ExprNode { return funcCall("QUARTER", x) }}},
	{"IW", false, toCharPattern{expr: func(x ast.ExprNode) ast.ExprNode {
		return funcCall("LPAD", funcCall("WEEK", x, intLit(3)), intLit(2), strLit("0"))
	}}},
}

// fnToChar is to_char(date/timestamp, 'constant template') for the common patterns (YYYY,
// MM, DD, HH24, MI, SS, MS, US, Mon, Dy, AM, FM forms…) and quoted literal text, built from
// DATE_FORMAT pieces. Numbers, intervals and other patterns are refused.
func fnToChar(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("to_char", args, sc)
	}
	x, ty, err := t.expr(args[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isUnknown(ty) {
		return nil, typemap.Type{}, pgerror.New("42725", "function to_char(unknown, unknown) is not unique")
	}
	if !isDateTime(ty) {
		return nil, typemap.Type{}, pgerror.Unsupported("to_char of " + sqlTypeName(ty))
	}
	tmpl, ok := constantString(args[1])
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("to_char with a non-constant template")
	}
	var parts []ast.ExprNode
	var format strings.Builder
	flush := func() {
		if format.Len() > 0 {
			parts = append(parts, funcCall("DATE_FORMAT", x, strLit(format.String())))
			format.Reset()
		}
	}
	for i := 0; i < len(tmpl); {
		rest := tmpl[i:]
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 || strings.Contains(rest[1:end+1], `\`) {
				return nil, typemap.Type{}, pgerror.Unsupported("to_char template " + tmpl)
			}
			format.WriteString(strings.ReplaceAll(rest[1:end+1], "%", "%%"))
			i += end + 2
			continue
		}
		fm := strings.HasPrefix(rest, "FM")
		if fm {
			rest = rest[2:]
		}
		for _, padded := range []string{"MONTH", "Month", "month", "DAY", "Day", "day"} {
			if !fm && strings.HasPrefix(rest, padded) || fm && strings.HasPrefix(rest, padded) && padded != "Month" && padded != "Day" {
				return nil, typemap.Type{}, pgerror.Unsupported("to_char pattern " + padded + " (blank-padded names)")
			}
		}
		matched := false
		for _, p := range toCharPatterns {
			if p.fm != fm || !strings.HasPrefix(rest, p.name) {
				continue
			}
			if p.p.expr != nil {
				flush()
				parts = append(parts, p.p.expr(x))
			} else {
				format.WriteString(p.p.format)
			}
			i += len(p.name)
			if fm {
				i += 2
			}
			matched = true
			break
		}
		if matched {
			continue
		}
		c := rune(tmpl[i])
		if fm || unicode.IsLetter(c) || c == '\\' || c >= 0x80 {
			return nil, typemap.Type{}, pgerror.Unsupported("to_char template pattern at " + strconvQuote(tmpl[i:]))
		}
		if c == '%' {
			format.WriteString("%%")
		} else {
			format.WriteByte(tmpl[i])
		}
		i++
	}
	flush()
	if len(parts) == 0 {
		return funcCall("DATE_FORMAT", x, strLit("")), of(typemap.Text), nil
	}
	if len(parts) == 1 {
		return parts[0], of(typemap.Text), nil
	}
	return funcCall("CONCAT", parts...), of(typemap.Text), nil
}

func strconvQuote(s string) string {
	if len(s) > 20 {
		s = s[:20]
	}
	return `"` + s + `"`
}
