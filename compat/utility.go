package compat

import (
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
)

// SetValue renders the arguments of SET name TO … as the string value PostgreSQL stores:
// a list (search_path) is joined with ", " and identifiers that need quotes get them.
func SetValue(n *pg_query.VariableSetStmt) (string, error) {
	parts := make([]string, 0, len(n.GetArgs()))
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
		// SET TIME ZONE INTERVAL '…' and similar forms.
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
