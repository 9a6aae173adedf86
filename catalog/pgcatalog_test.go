package catalog

import (
	"strings"
	"testing"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
)

// firstSelect is the query block that names a SELECT's output columns.
func firstSelect(n ast.ResultSetNode) *ast.SelectStmt {
	switch x := n.(type) {
	case *ast.SelectStmt:
		return x
	case *ast.SetOprStmt:
		return firstSelect(x.SelectList.Selects[0].(ast.ResultSetNode))
	}
	return nil
}

// Every emulation has the relation's columns, in PostgreSQL's order, and re-parses after its
// macros are expanded.
func TestEmulationsMatchColumns(t *testing.T) {
	env := EmulationEnv{Database: "d_b", User: "alice"}
	for _, name := range EmulatedRelations() {
		rel := CatalogRelation(name)
		if rel == nil {
			t.Errorf("%s: PostgreSQL 15 has no such relation", name)
			continue
		}
		n, err := Emulation(name, env)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		sql := checkEmulation(t, rel, n)
		for _, macro := range []string{"PGTIDB_OID(", "PGTIDB_NSP_OID(", "PGTIDB_SCHEMA(", "PGTIDB_IN_DATABASE(", "PGTIDB_OPCLASS(", "PGTIDB_COLLATION(", "DATABASE()", "CURRENT_USER()"} {
			if strings.Contains(strings.ToUpper(sql), macro) {
				t.Errorf("%s: macro %s left in %s", name, macro, sql)
			}
		}
	}
	if _, err := Emulation("pg_proc_not_emulated_yet", env); err == nil {
		t.Error("an unknown relation must be refused")
	}
}

// Each use gets its own AST: expanding for one session does not leak into another.
func TestEmulationIsFresh(t *testing.T) {
	a, _ := Emulation("pg_namespace", EmulationEnv{Database: "one", User: "u1"})
	b, _ := Emulation("pg_namespace", EmulationEnv{Database: "two", User: "u2"})
	var sa, sb strings.Builder
	_ = a.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags|format.RestoreStringWithoutCharset, &sa))
	_ = b.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags|format.RestoreStringWithoutCharset, &sb))
	if strings.Contains(sb.String(), "'one'") || !strings.Contains(sb.String(), "'two'") || strings.Contains(sa.String(), "'two'") {
		t.Errorf("emulations share state:\n%s\n%s", sa.String(), sb.String())
	}
}

func TestLikePrefix(t *testing.T) {
	for in, want := range map[string]string{"db": "db%", "d_psql": `d\_psql%`, "a%b": `a\%b%`, `x\y`: `x\\y%`} {
		if got := likePrefix(in); got != want {
			t.Errorf("likePrefix(%q) = %q, want %q", in, got, want)
		}
	}
}
