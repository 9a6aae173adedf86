package compat

import (
	"testing"

	"github.com/pgtidb/pgtidb/pgerror"
)

// TestPgDumpSettings: the SET lines pg_dump's output begins with are accepted with the value
// SHOW gives on PostgreSQL 15 (checked there); values naming objects pgtidb does not have are
// PostgreSQL's 22023.
func TestPgDumpSettings(t *testing.T) {
	for _, c := range []struct {
		name, value, show, code string
	}{
		{"check_function_bodies", "false", "off", ""},
		{"check_function_bodies", "yes", "on", ""},
		{"xmloption", "content", "content", ""},
		{"xmloption", "DOCUMENT", "document", ""},
		{"xmloption", "sideways", "", "22023"},
		{"row_security", "off", "off", ""},
		{"row_security", "0", "off", ""},
		{"row_security", "maybe", "", "22023"},
		{"default_tablespace", "", "", ""},
		{"default_tablespace", "pg_default", "pg_default", ""},
		{"default_tablespace", "nosuch", "", "22023"},
		{"default_table_access_method", "heap", "heap", ""},
		{"default_table_access_method", "HEAP", "", "22023"}, // a quoted 'HEAP' is no access method
		{"default_table_access_method", "columnar", "", "22023"},
	} {
		g := NewGUCs()
		err := g.Set(c.name, c.value)
		got := ""
		if err != nil {
			got = pgerror.Code(err)
		}
		if got != c.code {
			t.Errorf("SET %s = %q: SQLSTATE %q (%v), want %q", c.name, c.value, got, err, c.code)
			continue
		}
		if err == nil {
			if v, _ := g.Get(c.name); v != c.show {
				t.Errorf("SET %s = %q: SHOW gives %q, want %q", c.name, c.value, v, c.show)
			}
		}
	}
	for name, def := range map[string]string{"check_function_bodies": "on", "xmloption": "content", "row_security": "on",
		"default_tablespace": "", "default_table_access_method": "heap"} {
		if v, ok := NewGUCs().Get(name); !ok || v != def {
			t.Errorf("default %s = %q (%v), want %q", name, v, ok, def)
		}
	}
}
