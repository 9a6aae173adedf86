package translate

import (
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func TestExprAssign(t *testing.T) {
	tbl, _ := testResolver{}.LookupTable("", "types")
	for _, tc := range []struct {
		expr   string
		column string
		want   string
	}{
		{"'t'", "c_bool", "TRUE"},
		{"1", "c_bool", `42804 column "c_bool" is of type boolean but expression is of type integer`},
		{"c_int4", "c_float8", "`types`.`c_int4`"},
		{"c_bool", "c_text", "CASE WHEN `types`.`c_bool` THEN 'true' WHEN NOT `types`.`c_bool` THEN 'false' END"},
		{"c_text", "c_int4", `42804 column "c_int4" is of type integer but expression is of type text`},
		{"c_date", "c_tstz", "`types`.`c_date`"},
		{"c_json", "c_jsonb", "CAST(`types`.`c_json` AS JSON)"},
		{"'{\"a\": 1}'", "c_json", `'{"a": 1}'`},
		{"'2024-01-01 10:00+02'", "c_tstz", "'2024-01-01 08:00:00.000000'"},
		{"$1", "c_uuid", "?"},
	} {
		tree, err := pg_query.Parse("SELECT " + tc.expr)
		if err != nil {
			t.Fatal(err)
		}
		node := tree.GetStmts()[0].GetStmt().GetSelectStmt().GetTargetList()[0].GetResTarget().GetVal()
		tr := newTranslator(&Context{Resolver: testResolver{}, Database: testDatabase})
		want := tbl.Column(tc.column).Type
		e, err := tr.exprAssign(node, newTableScope("", tbl), want, tc.column)
		var got string
		if err != nil {
			pe, _ := pgerror.As(err)
			got = pe.Code + " " + pe.Message
		} else if got, err = tr.restore(e); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%s into %s: got %s, want %s", tc.expr, tc.column, got, tc.want)
		}
		if tc.expr == "$1" && tr.paramType(0) != typemap.Of(typemap.UUID) {
			t.Errorf("$1 into uuid: param type %v", tr.paramType(0))
		}
	}
}
