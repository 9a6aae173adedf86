package translate

import (
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// TiDB reports these PostgreSQL errors as warnings only; the translation must ask the proxy to
// look at them (CheckWarnings), and only when the statement can produce one.
func TestCheckWarnings(t *testing.T) {
	cases := map[string]bool{
		"SELECT a / 0 FROM t":                 true,
		"SELECT a % id FROM t":                true,
		"SELECT 7.0 / a FROM t":               true,
		"SELECT b::int FROM t":                true,
		"SELECT ln(a) FROM t":                 true,
		"SELECT a, b FROM t WHERE id = $1":    false,
		"SELECT count(*) FROM t":              false,
		"INSERT INTO t (id, a) VALUES (1, 2)": false,
	}
	for sql, want := range cases {
		tree, err := pg_query.Parse(sql)
		if err != nil {
			t.Fatal(err)
		}
		st, err := Translate(&Context{Resolver: testResolver{}, Database: testDatabase}, tree.Stmts[0])
		if err != nil {
			t.Errorf("%s: %v", sql, err)
			continue
		}
		if st.CheckWarnings != want {
			t.Errorf("%s: CheckWarnings = %v, want %v (%s)", sql, st.CheckWarnings, want, st.SQL)
		}
	}
}
