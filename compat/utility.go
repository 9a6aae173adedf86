package compat

import (
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// SetValue renders the arguments of SET name TO … as the string value PostgreSQL stores:
// a list (search_path) is joined with ", " and identifiers that need quotes get them.
func SetValue(n *pg_query.VariableSetStmt) (string, error) {
	parts := make([]string, 0, len(n.GetArgs()))
	if args := n.GetArgs(); len(args) == 1 && args[0].GetTypeCast() != nil && strings.EqualFold(n.GetName(), "timezone") {
		return intervalZone(args[0].GetTypeCast())
	}
	for _, arg := range n.GetArgs() {
		v, isIdent, err := constText(arg)
		if err != nil {
			return "", err
		}
		if isIdent && len(n.GetArgs()) > 1 || strings.EqualFold(n.GetName(), "search_path") {
			v = quoteIdentIfNeeded(v)
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, ", "), nil
}

// constText returns the text of a SET argument; isIdent is true for string constants (which
// PostgreSQL treats as identifiers in lists).
func constText(n *pg_query.Node) (string, bool, error) {
	if tc := n.GetTypeCast(); tc != nil {
		// A typed constant (SET TIME ZONE INTERVAL … is read by intervalZone before).
		return "", false, pgerror.Unsupported("SET with a typed value")
	}
	c := n.GetAConst()
	if c == nil {
		return "", false, pgerror.New(pgerrcode.SyntaxError, "syntax error in SET value")
	}
	switch {
	case c.GetSval() != nil:
		return c.GetSval().GetSval(), true, nil
	case c.GetIval() != nil:
		return strconv.FormatInt(int64(c.GetIval().GetIval()), 10), false, nil
	case c.GetFval() != nil:
		return c.GetFval().GetFval(), false, nil
	case c.GetBoolval() != nil:
		if c.GetBoolval().GetBoolval() {
			return "on", false, nil
		}
		return "off", false, nil
	}
	return "", false, pgerror.New(pgerrcode.SyntaxError, "syntax error in SET value")
}

func quoteIdentIfNeeded(s string) string {
	if s == "" {
		return `""`
	}
	plain := s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z')
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
	}
	if plain {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// TxnOptions reads the transaction modes of BEGIN / START TRANSACTION / SET TRANSACTION.
// isolation is "" when not given.
func TxnOptions(opts []*pg_query.Node) (isolation string, readOnly *bool, err error) {
	for _, o := range opts {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		v, _, cerr := constText(d.GetArg())
		if cerr != nil {
			return "", nil, cerr
		}
		switch d.GetDefname() {
		case "transaction_isolation":
			iso, ierr := normalizeIsolation(v)
			if ierr != nil {
				return "", nil, ierr
			}
			isolation = iso
		case "transaction_read_only":
			b := v == "on" || v == "1" || v == "true"
			readOnly = &b
		case "transaction_deferrable":
			// DEFERRABLE only matters for SERIALIZABLE READ ONLY, which is refused anyway.
		default:
			return "", nil, pgerror.Unsupported("transaction option " + d.GetDefname())
		}
	}
	return isolation, readOnly, nil
}

// EffectiveIsolation maps PostgreSQL's level to the one pgtidb runs: read uncommitted is
// read committed, as in PostgreSQL.
func EffectiveIsolation(level string) string {
	if level == "read uncommitted" {
		return "read committed"
	}
	return level
}

// The interval typmods SET TIME ZONE INTERVAL takes (PostgreSQL's INTERVAL_MASK of HOUR, and
// of HOUR and MINUTE).
const (
	intervalHour         = 1 << 10
	intervalHourToMinute = 1<<10 | 1<<11
)

// intervalZone is the TimeZone value of SET TIME ZONE INTERVAL 'v' [HOUR | HOUR TO MINUTE], an
// offset east of Greenwich: 'v' is [+|-]h[:mm[:ss]] or a bare number, which counts the
// typmod's last unit (hours, minutes, or without one seconds), fields below the typmod's
// last being dropped as PostgreSQL's interval typmod does.
func intervalZone(tc *pg_query.TypeCast) (string, error) {
	names := tc.GetTypeName().GetNames()
	if len(names) == 0 || names[len(names)-1].GetString_().GetSval() != "interval" {
		return "", pgerror.Unsupported("SET with a typed value")
	}
	mask := int32(-1)
	if mods := tc.GetTypeName().GetTypmods(); len(mods) == 1 {
		mask = mods[0].GetAConst().GetIval().GetIval()
	} else if len(mods) > 1 {
		return "", pgerror.Unsupported("an interval precision in SET TIME ZONE INTERVAL")
	}
	if mask != -1 && mask != intervalHour && mask != intervalHourToMinute {
		return "", pgerror.New(pgerrcode.InvalidParameterValue, "time zone interval must be HOUR or HOUR TO MINUTE")
	}
	text := tc.GetArg().GetAConst().GetSval().GetSval()
	v := strings.TrimSpace(text)
	sec, ok := typemap.ParseOffset(v)
	if n, err := strconv.Atoi(v); err == nil {
		// A bare number counts the typmod's last unit.
		switch mask {
		case intervalHour:
			sec = n * 3600
		case intervalHourToMinute:
			sec = n * 60
		default:
			sec = n
		}
	} else if !ok || !strings.Contains(v, ":") {
		return "", pgerror.Unsupported("SET TIME ZONE INTERVAL '" + text + "' (pgtidb reads [+|-]hh[:mm[:ss]])")
	}
	switch mask {
	case intervalHour:
		sec -= sec % 3600
	case intervalHourToMinute:
		sec -= sec % 60
	}
	return fixedZone(sec)
}
