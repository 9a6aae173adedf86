package tidbsql_test

import (
	"testing"

	"github.com/pingcap/tidb/pkg/parser"

	"github.com/pgtidb/pgtidb/tidbsql"
)

func TestStatementsReparse(t *testing.T) {
	cases := map[string]string{
		tidbsql.Begin(false):              "START TRANSACTION",
		tidbsql.Begin(true):               "START TRANSACTION READ ONLY",
		tidbsql.Commit():                  "COMMIT",
		tidbsql.Rollback():                "ROLLBACK",
		tidbsql.Savepoint("a b", 0):       "SAVEPOINT sp0_612062",
		tidbsql.RollbackTo("s1", 2):       "ROLLBACK TO sp2_7331",
		tidbsql.Release("s1", 1):          "RELEASE SAVEPOINT sp1_7331",
		tidbsql.Use("my`db"):              "USE `my``db`",
		tidbsql.KillQuery(42):             "KILL QUERY 42",
		tidbsql.SelectVars("version"):     "SELECT @@`version`",
		tidbsql.ConnectionID():            "SELECT CONNECTION_ID()",
		tidbsql.CreateDatabase("d", true): "CREATE DATABASE IF NOT EXISTS `d`",
		tidbsql.SetVars(false, tidbsql.Var{Name: "time_zone", Value: "+00:00"}, tidbsql.Var{Name: "x", Value: int64(3)}): "SET @@SESSION.`time_zone`='+00:00', @@SESSION.`x`=3",
		tidbsql.SetVars(true, tidbsql.Var{Name: "tidb_enable_check_constraint", Value: true}):                            "SET @@GLOBAL.`tidb_enable_check_constraint`='ON'",
	}
	p := parser.New()
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		if _, err := p.ParseOneStmt(got, "", ""); err != nil {
			t.Errorf("%q does not re-parse: %v", got, err)
		}
	}
}
