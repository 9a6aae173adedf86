package catalog

import (
	"strings"
	"testing"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/format"
)

// EvaluatedOnce wraps an emulation in a recursive WITH query whose text restores and parses.
func TestEvaluatedOnceRestores(t *testing.T) {
	n, err := Emulation("pg_namespace", EmulationEnv{Database: "db", User: "u"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := EvaluatedOnce(n, "pgtidb_once_1").Restore(format.NewRestoreCtx(format.DefaultRestoreFlags, &b)); err != nil {
		t.Fatal(err)
	}
	sql := b.String()
	if !strings.HasPrefix(sql, "WITH RECURSIVE `pgtidb_once_1` AS (SELECT * FROM (SELECT 11 AS `oid`") ||
		!strings.HasSuffix(sql, "UNION ALL SELECT * FROM `pgtidb_once_1` WHERE FALSE) SELECT * FROM `pgtidb_once_1`") {
		t.Errorf("restored as %s", sql)
	}
	if _, err := parser.New().ParseOneStmt(sql, "", ""); err != nil {
		t.Errorf("%s: %v", sql, err)
	}
}
