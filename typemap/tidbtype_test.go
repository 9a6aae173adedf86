package typemap_test

import (
	"strings"
	"testing"

	"github.com/jackc/pgerrcode"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func TestTiDBColumnType(t *testing.T) {
	cases := []struct {
		pg   typemap.Type
		want string
	}{
		{typemap.Of(typemap.Bool), "TINYINT(1)"},
		{typemap.Of(typemap.Int2), "SMALLINT"},
		{typemap.Of(typemap.Int4), "INT"},
		{typemap.Of(typemap.Int8), "BIGINT"},
		{typemap.Of(typemap.Float4), "FLOAT"},
		{typemap.Of(typemap.Float8), "DOUBLE"},
		{typemap.Of(typemap.Numeric), "DECIMAL(65,30)"},
		{typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(10, 2)}, "DECIMAL(10,2)"},
		{typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(65, 30)}, "DECIMAL(65,30)"},
		{typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(5, 0)}, "DECIMAL(5,0)"},
		{typemap.Of(typemap.Text), "LONGTEXT CHARACTER SET UTF8MB4 COLLATE utf8mb4_0900_bin"},
		{typemap.Of(typemap.Varchar), "LONGTEXT CHARACTER SET UTF8MB4 COLLATE utf8mb4_0900_bin"},
		{typemap.Type{OID: typemap.Varchar, Typmod: typemap.CharTypmod(20)}, "VARCHAR(20) CHARACTER SET UTF8MB4 COLLATE utf8mb4_0900_bin"},
		{typemap.Type{OID: typemap.Varchar, Typmod: typemap.CharTypmod(16383)}, "VARCHAR(16383) CHARACTER SET UTF8MB4 COLLATE utf8mb4_0900_bin"},
		{typemap.Type{OID: typemap.BPChar, Typmod: typemap.CharTypmod(1)}, "CHAR(1) CHARACTER SET UTF8MB4 COLLATE utf8mb4_bin"},
		{typemap.Type{OID: typemap.BPChar, Typmod: typemap.CharTypmod(255)}, "CHAR(255) CHARACTER SET UTF8MB4 COLLATE utf8mb4_bin"},
		{typemap.Of(typemap.Bytea), "LONGBLOB"},
		{typemap.Of(typemap.Date), "DATE"},
		{typemap.Of(typemap.Time), "TIME(6)"},
		{typemap.Type{OID: typemap.Time, Typmod: 0}, "TIME(0)"},
		{typemap.Of(typemap.Timestamp), "DATETIME(6)"},
		{typemap.Type{OID: typemap.Timestamp, Typmod: 3}, "DATETIME(3)"},
		{typemap.Of(typemap.Timestamptz), "DATETIME(6)"},
		{typemap.Type{OID: typemap.Timestamptz, Typmod: 2}, "DATETIME(2)"},
		{typemap.Of(typemap.JSON), "LONGTEXT CHARACTER SET UTF8MB4 COLLATE utf8mb4_0900_bin"},
		{typemap.Of(typemap.JSONB), "JSON"},
		{typemap.Of(typemap.UUID), "CHAR(36) CHARACTER SET ASCII COLLATE ascii_bin"},
	}
	for _, c := range cases {
		ft, err := typemap.TiDBColumnType(c.pg)
		if err != nil {
			t.Errorf("%s: %v", c.pg, err)
			continue
		}
		if got := restore(t, ft); got != c.want {
			t.Errorf("%s: got %q, want %q", c.pg, got, c.want)
		}
	}
}

func TestTiDBColumnTypeRefusals(t *testing.T) {
	cases := []struct {
		pg   typemap.Type
		want string
	}{
		{typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(66, 0)}, "numeric(66,0)"},
		{typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(40, 31)}, "numeric(40,31)"},
		{typemap.Type{OID: typemap.Varchar, Typmod: typemap.CharTypmod(16384)}, "character varying(16384)"},
		{typemap.Type{OID: typemap.BPChar, Typmod: typemap.CharTypmod(256)}, "character(256)"},
		{typemap.Of(typemap.BPChar), "bpchar without a length"},
		{typemap.Of(typemap.Interval), "interval"},
		{typemap.Of(typemap.Oid), "oid"},
		{typemap.Of(12345), "12345"},
	}
	for _, c := range cases {
		_, err := typemap.TiDBColumnType(c.pg)
		if err == nil {
			t.Errorf("%s: no error", c.pg)
			continue
		}
		if pgerror.Code(err) != pgerrcode.FeatureNotSupported || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %s %q, want 0A000 naming %q", c.pg, pgerror.Code(err), err, c.want)
		}
	}
}

func TestKeyStringType(t *testing.T) {
	cases := []struct {
		pg   typemap.Type
		n    int
		want string
	}{
		{typemap.Of(typemap.Text), 768, "VARCHAR(768) CHARACTER SET UTF8MB4 COLLATE utf8mb4_0900_bin"},
		{typemap.Of(typemap.Varchar), 16383, "VARCHAR(16383) CHARACTER SET UTF8MB4 COLLATE utf8mb4_0900_bin"},
		{typemap.Of(typemap.Bytea), 3072, "VARBINARY(3072)"},
	}
	for _, c := range cases {
		ft, ok := typemap.KeyStringType(c.pg, c.n)
		if !ok {
			t.Errorf("%s: not a key string type", c.pg)
			continue
		}
		if got := restore(t, ft); got != c.want {
			t.Errorf("%s(%d): got %q, want %q", c.pg, c.n, got, c.want)
		}
	}
	if _, ok := typemap.KeyStringType(typemap.Type{OID: typemap.Varchar, Typmod: typemap.CharTypmod(5)}, 10); ok {
		t.Errorf("varchar(5) must keep its own type")
	}
}

func restore(t *testing.T, n interface {
	Restore(*format.RestoreCtx) error
}) string {
	t.Helper()
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags|format.RestoreStringWithoutCharset, &sb)); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}
