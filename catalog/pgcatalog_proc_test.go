package catalog

import (
	"strings"
	"testing"
	"time"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
)

func restoreNode(t *testing.T, n ast.Node) string {
	t.Helper()
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags|format.RestoreStringWithoutCharset, &sb)); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

// TestExtensionRows: pg_extension has PostgreSQL's plpgsql row, not the empty emulation of
// emptyRelations (the init order of the two files decides it).
func TestExtensionRows(t *testing.T) {
	n, err := Emulation("pg_extension", EmulationEnv{Database: "d", User: "u"})
	if err != nil {
		t.Fatal(err)
	}
	if text := restoreNode(t, n); !strings.Contains(text, "'plpgsql'") {
		t.Fatalf("pg_extension has no plpgsql row: %s", text)
	}
}

// TestBuiltinFunctions checks the generated pg_proc rows: unique oids in order, every row
// with PostgreSQL's texts, and every function of the translator's that PostgreSQL 15 has
// among them (abs, now, count…).
func TestBuiltinFunctions(t *testing.T) {
	fs := BuiltinFunctions()
	if len(fs) < 300 {
		t.Fatalf("only %d pg_proc rows", len(fs))
	}
	names := map[string]bool{}
	for i, f := range fs {
		if i > 0 && fs[i-1].OID >= f.OID {
			t.Errorf("rows not in oid order at %d (%s)", f.OID, f.Name)
		}
		if f.Result == "" || f.RegProc == "" || int(f.NArgs) != len(f.ArgTypes) {
			t.Errorf("row %d (%s) is incomplete: %+v", f.OID, f.Name, f)
		}
		names[f.Name] = true
	}
	for _, name := range []string{"abs", "now", "count", "lower", "string_agg", "pg_get_function_result"} {
		if !names[name] {
			t.Errorf("no pg_proc row for %s", name)
		}
	}
}

// TestSettingValue: pg_settings shows integers with a unit in that unit.
func TestSettingValue(t *testing.T) {
	mem := settingRow{Name: "work_mem", Vartype: "integer", Unit: "kB"}
	ms := settingRow{Name: "statement_timeout", Vartype: "integer", Unit: "ms"}
	for _, c := range []struct {
		row      settingRow
		in, want string
	}{
		{mem, "4MB", "4096"}, {mem, "64MB", "65536"}, {mem, "1GB", "1048576"}, {mem, "8192", "8192"},
		{mem, "512kB", "512"}, {ms, "0", "0"}, {ms, "2s", "2000"}, {ms, "1min", "60000"}, {ms, "250ms", "250"},
		{ms, "1h", "3600000"}, {settingRow{Vartype: "string"}, "ISO, MDY", "ISO, MDY"}, {mem, "lots", "lots"},
	} {
		if got := settingValue(c.row, c.in); got != c.want {
			t.Errorf("settingValue(%s, %q) = %q, want %q", c.row.Name, c.in, got, c.want)
		}
	}
}

// TestSessionRows: pg_settings reads the session's values and pg_stat_activity the sessions
// the proxy lists.
func TestSessionRows(t *testing.T) {
	start := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)
	env := EmulationEnv{Database: "d", User: "u",
		Sessions: func() []SessionActivity {
			return []SessionActivity{
				{PID: 4242, Database: "d", User: "u", ApplicationName: "app", ClientAddr: "127.0.0.1", ClientPort: 5000,
					BackendStart: start, QueryStart: start, StateChange: start, State: StateIdle, Query: "SELECT 'it''s'"},
				{PID: 4243, Database: "other", User: "v", BackendStart: start, StateChange: start, State: StateIdleInTxnAborted},
			}
		},

		Setting: func(name string) (string, bool) {
			if name == "work_mem" {
				return "16MB", true
			}
			return "", false
		}}
	n, err := Emulation("pg_settings", env)
	if err != nil {
		t.Fatal(err)
	}
	if text := restoreNode(t, n); !strings.Contains(text, "WHEN 'work_mem' THEN '16384'") || !strings.Contains(text, "THEN 'session'") {
		t.Errorf("pg_settings does not show the session's work_mem: %s", text)
	}
	n, err = Emulation("pg_stat_activity", env)
	if err != nil {
		t.Fatal(err)
	}
	text := restoreNode(t, n)
	for _, want := range []string{
		"SELECT 'd' AS `datname`,4242 AS `pid`,'u' AS `usename`,'app' AS `application_name`,'127.0.0.1' AS `client_addr`,5000 AS `client_port`,'2026-01-02 03:04:05.000006' AS `backend_start`,NULL AS `xact_start`,'2026-01-02 03:04:05.000006' AS `query_start`,'2026-01-02 03:04:05.000006' AS `state_change`,'idle' AS `state`,'SELECT ''it''''s''' AS `query`",
		// A Unix-socket client: client_addr NULL, client_port -1.
		"UNION ALL SELECT 'other' AS `datname`,4243 AS `pid`,'v' AS `usename`,'' AS `application_name`,NULL AS `client_addr`,-1 AS `client_port`",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pg_stat_activity does not show the sessions: want %s in\n%s", want, text)
		}
	}
	n, err = Emulation("pg_stat_activity", EmulationEnv{Database: "d", User: "u"})
	if err != nil {
		t.Fatal(err)
	}
	if text := restoreNode(t, n); !strings.Contains(text, "NULL AS `query` FROM DUAL WHERE FALSE") {
		t.Errorf("pg_stat_activity without sessions is not empty: %s", text)
	}
	for _, name := range []string{"pg_settings", "pg_stat_activity"} {
		if !DependsOnSession(name) {
			t.Errorf("DependsOnSession(%s) is false", name)
		}
	}
	if DependsOnSession("pg_proc") {
		t.Error("DependsOnSession(pg_proc) is true")
	}
}
