package compat_test

import (
	"testing"

	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/pgerror"
)

// Expected display forms were taken from PostgreSQL 15 (SET x = v; SHOW x).
func TestGUCSetShow(t *testing.T) {
	cases := []struct {
		name, value, want, code string
	}{
		{"statement_timeout", "5000", "5s", ""},
		{"statement_timeout", "1500", "1500ms", ""},
		{"statement_timeout", "60000", "1min", ""},
		{"statement_timeout", "2h", "2h", ""},
		{"statement_timeout", "0", "0", ""},
		{"statement_timeout", "abc", "", "22023"},
		{"TimeZone", "Europe/Berlin", "Europe/Berlin", ""},
		{"timezone", "UTC", "UTC", ""},
		{"timezone", "utc", "UTC", ""},
		{"TimeZone", "europe/berlin", "Europe/Berlin", ""},
		{"TimeZone", "america/new_york", "America/New_York", ""},
		{"TimeZone", "Mars/Olympus", "", "22023"},
		{"extra_float_digits", "3", "3", ""},
		{"extra_float_digits", "4", "", "22023"},
		{"client_min_messages", "WARNING", "warning", ""},
		{"client_min_messages", "loud", "", "22023"},
		{"DateStyle", "ISO", "ISO, MDY", ""},
		{"DateStyle", "German", "", "0A000"},
		{"client_encoding", "utf8", "UTF8", ""},
		{"client_encoding", "LATIN1", "", "0A000"},
		{"default_transaction_isolation", "serializable", "", "0A000"},
		{"default_transaction_isolation", "repeatable read", "repeatable read", ""},
		{"server_version", "1", "", "55P02"},
		{"no_such_thing", "1", "", "42704"},
		{"myapp.user_id", "42", "42", ""},
		{"application_name", "billing", "billing", ""},
	}
	for _, c := range cases {
		g := compat.NewGUCs()
		err := g.Set(c.name, c.value)
		if c.code != "" {
			if err == nil || pgerror.Code(err) != c.code {
				t.Errorf("SET %s = %q: got %v, want SQLSTATE %s", c.name, c.value, err, c.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("SET %s = %q: %v", c.name, c.value, err)
			continue
		}
		if got, _ := g.Get(c.name); got != c.want {
			t.Errorf("SET %s = %q; SHOW gives %q, want %q", c.name, c.value, got, c.want)
		}
	}
}

func TestGUCReported(t *testing.T) {
	g := compat.NewGUCs()
	first := map[string]string{}
	for _, kv := range g.Changed() {
		first[kv[0]] = kv[1]
	}
	for _, name := range []string{"server_version", "server_encoding", "client_encoding", "DateStyle", "TimeZone",
		"integer_datetimes", "standard_conforming_strings", "application_name", "is_superuser", "session_authorization"} {
		if _, ok := first[name]; !ok {
			t.Errorf("startup ParameterStatus lacks %s", name)
		}
	}
	if len(g.Changed()) != 0 {
		t.Error("nothing changed, yet parameters are reported again")
	}
	if err := g.Set("TimeZone", "Asia/Tokyo"); err != nil {
		t.Fatal(err)
	}
	got := g.Changed()
	if len(got) != 1 || got[0] != [2]string{"TimeZone", "Asia/Tokyo"} {
		t.Errorf("after SET TimeZone, reported %v", got)
	}
	if err := g.Set("statement_timeout", "1s"); err != nil {
		t.Fatal(err)
	}
	if got := g.Changed(); len(got) != 0 {
		t.Errorf("statement_timeout is not GUC_REPORT, yet reported %v", got)
	}
}

func TestTxnRollbackUndoesSet(t *testing.T) {
	g := compat.NewGUCs()
	var tx compat.Txn
	tx.Begin(false, "read committed", false, g)
	if err := g.Set("TimeZone", "Asia/Tokyo"); err != nil {
		t.Fatal(err)
	}
	tx.End(false, g)
	if v, _ := g.Get("TimeZone"); v != "UTC" {
		t.Errorf("ROLLBACK kept SET TimeZone: %s", v)
	}
	tx.Begin(false, "read committed", false, g)
	_ = g.Set("TimeZone", "Asia/Tokyo")
	tx.End(true, g)
	if v, _ := g.Get("TimeZone"); v != "Asia/Tokyo" {
		t.Errorf("COMMIT lost SET TimeZone: %s", v)
	}
}

func TestTxnSetLocal(t *testing.T) {
	g := compat.NewGUCs()
	_ = g.Set("search_path", "app, public")
	var tx compat.Txn
	tx.Begin(false, "read committed", false, g)
	tx.SetLocal("search_path", g)
	_ = g.Set("search_path", "other")
	tx.SetLocal("statement_timeout", g)
	_ = g.Set("statement_timeout", "1s")
	tx.End(true, g)
	if v, _ := g.Get("search_path"); v != "app, public" {
		t.Errorf("SET LOCAL search_path survived COMMIT: %s", v)
	}
	if v, _ := g.Get("statement_timeout"); v != "0" {
		t.Errorf("SET LOCAL statement_timeout survived COMMIT: %s", v)
	}
}

func TestTxnSavepoints(t *testing.T) {
	g := compat.NewGUCs()
	var tx compat.Txn
	tx.Begin(false, "read committed", false, g)
	tx.AddSavepoint("a", g)
	_ = g.Set("TimeZone", "Asia/Tokyo")
	tx.Fail()
	if tx.Status != compat.TxnFailed {
		t.Fatal("Fail did not fail the block")
	}
	if _, err := tx.SavepointPos("b"); pgerror.Code(err) != "3B001" {
		t.Errorf("unknown savepoint: got %v", err)
	}
	tx.RollbackTo("a", g)
	if tx.Status != compat.TxnBlock {
		t.Error("ROLLBACK TO did not leave the failed state")
	}
	if v, _ := g.Get("TimeZone"); v != "UTC" {
		t.Errorf("ROLLBACK TO kept SET TimeZone: %s", v)
	}
	if _, err := tx.SavepointPos("a"); err != nil {
		t.Error("savepoint a must survive ROLLBACK TO")
	}
	tx.Release("a")
	if tx.HasSavepoints() {
		t.Error("RELEASE left the savepoint")
	}
}
