package proxy

import (
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
)

func TestLimitsDepth(t *testing.T) {
	l := DefaultLimits
	deep := "SELECT " + strings.Repeat("1+", 30000) + "1"
	if err := l.checkSQL(deep); pgerror.Code(err) != "54001" {
		t.Fatalf("30000 chained terms: got %v, want 54001", err)
	}
	parens := "SELECT " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000)
	if err := l.checkSQL(parens); pgerror.Code(err) != "54001" {
		t.Fatalf("5000 nested parentheses: got %v, want 54001", err)
	}
	// Wide but flat statements are fine: a long VALUES list and a long IN list.
	var sb strings.Builder
	sb.WriteString("INSERT INTO t VALUES ")
	for i := 0; i < 20000; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(1, 'x', 2.5)")
	}
	if err := l.checkSQL(sb.String()); err != nil {
		t.Fatalf("20000-row VALUES refused: %v", err)
	}
	in := "SELECT * FROM t WHERE a IN (" + strings.Repeat("1, ", 20000) + "1)"
	if err := l.checkSQL(in); err != nil {
		t.Fatalf("long IN list refused: %v", err)
	}
	// Below the limit the parser still gets the statement and does not crash.
	ok := "SELECT " + strings.Repeat("1+", 900) + "1"
	if err := l.checkSQL(ok); err != nil {
		t.Fatalf("900 terms refused: %v", err)
	}
	if _, err := pg_query.Parse(ok); err != nil {
		t.Fatalf("900 terms do not parse: %v", err)
	}
	if err := (Limits{MaxSQLLength: 10, MaxDepth: 1000}).checkSQL("SELECT 12345678"); pgerror.Code(err) != "54000" {
		t.Fatalf("over-long statement: got %v, want 54000", err)
	}
}

func TestParseOptions(t *testing.T) {
	got := parseOptions("-c search_path=app -cstatement_timeout=5s --application-name=x")
	want := map[string]string{"search_path": "app", "statement_timeout": "5s", "application_name": "x"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
}
