package translate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser"
)

// goldenInputs returns the SQL inputs of every golden file.
func goldenInputs(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i := 0; i < len(lines); i++ {
			if !strings.HasPrefix(lines[i], "translate") {
				continue
			}
			var sql []string
			for i++; i < len(lines) && lines[i] != "----"; i++ {
				sql = append(sql, lines[i])
			}
			inputs = append(inputs, strings.Join(sql, "\n"))
		}
	}
	return inputs
}

// FuzzTranslate feeds arbitrary SQL through pg_query and the translator: errors are fine, a
// panic is not. The translator recovers nothing; it must simply not panic.
func FuzzTranslate(f *testing.F) {
	for _, in := range goldenInputs(f) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		// The proxy bounds statement size and nesting before pg_query (deep nesting can
		// exhaust the parser's stack inside cgo); do the same here.
		if len(sql) > 4000 || strings.Count(sql, "(") > 100 {
			return
		}
		tree, err := pg_query.Parse(sql)
		if err != nil {
			return
		}
		for _, raw := range tree.GetStmts() {
			ctx := &Context{Resolver: testResolver{}, Database: testDatabase}
			stmt, err := Translate(ctx, raw)
			if err != nil {
				continue
			}
			if stmt.SQL == "" {
				t.Fatalf("empty translation of %q", sql)
			}
			if _, err := parser.New().ParseOneStmt(stmt.SQL, "", ""); err != nil {
				t.Fatalf("translation of %q does not parse in TiDB: %q: %v", sql, stmt.SQL, err)
			}
		}
	})
}
