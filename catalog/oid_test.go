package catalog

import (
	"hash/crc32"
	"strings"
	"testing"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/model"
)

func restore(t *testing.T, e ast.ExprNode) string {
	t.Helper()
	var sb strings.Builder
	if err := e.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags|format.RestoreStringWithoutCharset, &sb)); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

func col(name string) ast.ExprNode {
	return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: model.NewCIStr(name)}}
}

func TestDerivedOIDRange(t *testing.T) {
	for _, name := range []string{"", "t", "a_very_long_table_name_of_sixty_three_characters_xxxxxxxxxxxxxx", "ü"} {
		for _, kind := range []OIDKind{KindRelation, KindNamespace, KindConstraint, KindAttrDef, KindDatabase} {
			oid := DerivedOID(kind, "db", name)
			if oid < FirstNormalOID || oid >= 1<<31 {
				t.Errorf("%s %q: oid %d out of [16384, 2^31)", kind, name, oid)
			}
		}
	}
	if got, want := RelationOID("postgres", "t"), uint32(FirstNormalOID+crc32.ChecksumIEEE([]byte("rel:postgres.t"))%oidModulus); got != want {
		t.Errorf("RelationOID = %d, want %d", got, want)
	}
	if RelationOID("db", "t") == DerivedOID(KindConstraint, "db", "t") {
		t.Error("kinds must not share OIDs for one name")
	}
	if NamespaceOID("postgres", "public") != 2200 || NamespaceOID("postgres", "pg_catalog") != 11 {
		t.Error("fixed namespace OIDs")
	}
	if NamespaceOID("postgres", "app") != DerivedOID(KindNamespace, "postgres__app", "") {
		t.Error("schema app of postgres is TiDB database postgres__app")
	}
}

// The expression builders hash the same text as the Go functions; e2e.TestOIDAgreement runs
// them on TiDB.
func TestDerivedOIDExprText(t *testing.T) {
	cases := []struct {
		expr ast.ExprNode
		want string
	}{
		{RelationOIDExpr(col("s"), col("n")), "(16384+(CRC32(CONCAT('rel:', `s`, '.', `n`))%2147467264))"},
		{ConstraintOIDExpr(col("s"), col("t"), col("c")), "(16384+(CRC32(CONCAT('con:', `s`, '.', `t`, '.', `c`))%2147467264))"},
		{DatabaseOIDExpr(col("d")), "(16384+(CRC32(CONCAT('db:', '.', `d`))%2147467264))"},
		{NamespaceOIDExpr("postgres", col("s")), "CASE WHEN `s`='postgres' THEN 2200 ELSE (16384+(CRC32(CONCAT('nsp:', `s`, '.'))%2147467264)) END"},
	}
	for _, c := range cases {
		got := restore(t, c.expr)
		if got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
