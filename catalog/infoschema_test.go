package catalog

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/pgtidb/pgtidb/typemap"
)

// macroCall finds a macro left unexpanded (pgtidb_catalog is the shadow catalog's database).
var macroCall = regexp.MustCompile(`(?i)pgtidb_[a-z_]+\(`)

// Every information_schema emulation has the relation's columns in PostgreSQL's order and
// re-parses after its macros are expanded.
func TestInfoSchemaEmulationsMatchColumns(t *testing.T) {
	env := EmulationEnv{Database: "d_b", User: "alice"}
	for _, name := range InfoSchemaEmulatedRelations() {
		rel := InfoSchemaRelation(name)
		if rel == nil {
			t.Errorf("%s: PostgreSQL 15 has no such relation", name)
			continue
		}
		n, err := InfoSchemaEmulation(name, env)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		sql := checkEmulation(t, rel, n)
		if macroCall.MatchString(sql) || strings.Contains(strings.ToUpper(sql), "DATABASE()") {
			t.Errorf("%s: a macro is left in %s", name, sql)
		}
	}
	if _, err := InfoSchemaEmulation("enabled_roles", env); err == nil {
		t.Error("a relation pgtidb does not emulate must be refused")
	}
	if InfoSchemaRelation("pg_class") != nil {
		t.Error("pg_class is not a relation of information_schema")
	}
}

// The columns carry the base types of PostgreSQL's information_schema domains.
func TestInfoSchemaColumnTypes(t *testing.T) {
	want := map[string]typemap.Type{
		"table_name":       {OID: typemap.Name, Typmod: -1},    // sql_identifier
		"ordinal_position": {OID: typemap.Int4, Typmod: -1},    // cardinal_number
		"data_type":        {OID: typemap.Varchar, Typmod: -1}, // character_data
		"is_nullable":      {OID: typemap.Varchar, Typmod: 7},  // yes_or_no
	}
	for _, c := range InfoSchemaRelation("columns").Columns {
		if w, ok := want[c.Name]; ok && c.Type != w {
			t.Errorf("columns.%s: %+v, want %+v", c.Name, c.Type, w)
		}
	}
}

// checkEmulation reports what is wrong with emulation n of relation rel (pg_catalog's tests
// use it too): its output columns must be rel's, in PostgreSQL's order, and its text, restored
// after the macros are expanded, must parse. It returns that text.
func checkEmulation(t *testing.T, rel *Table, n ast.ResultSetNode) string {
	t.Helper()
	name := rel.Schema + "." + rel.Name
	sel := firstSelect(n)
	if sel == nil {
		t.Errorf("%s: not a SELECT", name)
		return ""
	}
	if len(sel.Fields.Fields) != len(rel.Columns) {
		t.Errorf("%s: %d output columns, PostgreSQL has %d", name, len(sel.Fields.Fields), len(rel.Columns))
	} else {
		for i, f := range sel.Fields.Fields {
			got := f.AsName.L
			if got == "" {
				if c, ok := f.Expr.(*ast.ColumnNameExpr); ok {
					got = c.Name.Name.L
				}
			}
			if got != rel.Columns[i].Name {
				t.Errorf("%s: column %d is %q, PostgreSQL's is %q", name, i+1, got, rel.Columns[i].Name)
			}
		}
	}
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags|format.RestoreStringWithoutCharset, &sb)); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	sql := sb.String()
	if _, err := parser.New().ParseOneStmt(sql, "", ""); err != nil {
		t.Errorf("%s: expanded emulation does not parse: %v\n%s", name, err, sql)
	}
	return sql
}
