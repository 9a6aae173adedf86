package typemap

import (
	"encoding/json"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// QuoteIdent is PostgreSQL's quote_ident: unquoted only for a lower-case identifier that is no
// keyword except an unreserved one. pg_query's grammar decides: an unreserved keyword is both a
// column name and a function name.
func QuoteIdent(s string) string {
	plain := s != ""
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		if _, err := pg_query.Parse("CREATE TABLE x (" + s + " int)"); err != nil {
			plain = false
		} else if _, err := pg_query.Parse("SELECT " + s + "()"); err != nil {
			plain = false
		}
	}
	if plain {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// appendRegclassText is regclassout (and regnamespaceout, for the JSON [schema]) for an
// object TiDB looked up: the translator sends a
// computed regclass as the JSON array [schema, relation, visible] (a constant arrives as its
// name, an oid of no relation as its number, and neither starts with '['). The name is
// qualified by its schema when the search path does not find it, each part quoted as
// quote_ident does.
func appendRegclassText(dst []byte, t Type, v []byte) ([]byte, error) {
	var parts []any
	if err := json.Unmarshal(v, &parts); err != nil {
		return dst, badValue(t, v)
	}
	if len(parts) == 1 {
		// regnamespaceout: [schema].
		if nsp, ok := parts[0].(string); ok {
			return append(dst, QuoteIdent(nsp)...), nil
		}
	}
	if len(parts) != 3 {
		return dst, badValue(t, v)
	}
	nsp, ok1 := parts[0].(string)
	rel, ok2 := parts[1].(string)
	if !ok1 || !ok2 {
		return dst, badValue(t, v)
	}
	visible := false
	switch x := parts[2].(type) {
	case bool:
		visible = x
	case float64:
		visible = x != 0
	}
	if !visible {
		dst = append(dst, QuoteIdent(nsp)...)
		dst = append(dst, '.')
	}
	return append(dst, QuoteIdent(rel)...), nil
}
