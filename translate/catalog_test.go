package translate

import (
	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/typemap"
)

// testDatabase is the PostgreSQL database of the golden tests.
const testDatabase = "db"

func col(name string, ty typemap.Type, notNull bool) catalog.Column {
	return catalog.Column{Name: name, Type: ty, NotNull: notNull}
}

func ty(oid typemap.OID) typemap.Type { return typemap.Of(oid) }

// testTables is the fake shadow catalog of the golden tests. Add tables here.
var testTables = []*catalog.Table{
	{Schema: "public", Name: "t", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true),
		col("a", ty(typemap.Int4), false),
		col("b", ty(typemap.Text), false),
		col("flag", ty(typemap.Bool), false),
		col("n", typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(10, 2)}, false),
	}},
	{Schema: "public", Name: "u", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true),
		col("t_id", ty(typemap.Int4), false),
		col("name", ty(typemap.Text), false),
	}},
	{Schema: "public", Name: "types", Columns: []catalog.Column{
		col("c_bool", ty(typemap.Bool), false),
		col("c_int2", ty(typemap.Int2), false),
		col("c_int4", ty(typemap.Int4), false),
		col("c_int8", ty(typemap.Int8), false),
		col("c_num", typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(10, 2)}, false),
		col("c_numeric", ty(typemap.Numeric), false),
		col("c_float4", ty(typemap.Float4), false),
		col("c_float8", ty(typemap.Float8), false),
		col("c_text", ty(typemap.Text), false),
		col("c_varchar", typemap.Type{OID: typemap.Varchar, Typmod: typemap.CharTypmod(20)}, false),
		col("c_char", typemap.Type{OID: typemap.BPChar, Typmod: typemap.CharTypmod(3)}, false),
		col("c_tstz", ty(typemap.Timestamptz), false),
		col("c_ts", ty(typemap.Timestamp), false),
		col("c_date", ty(typemap.Date), false),
		col("c_time", ty(typemap.Time), false),
		col("c_json", ty(typemap.JSON), false),
		col("c_jsonb", ty(typemap.JSONB), false),
		col("c_uuid", ty(typemap.UUID), false),
		col("c_bytea", ty(typemap.Bytea), false),
	}},
	{Schema: "public", Name: "emp", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true),
		col("name", ty(typemap.Text), true),
		col("dept", ty(typemap.Text), false),
		col("salary", ty(typemap.Numeric), false),
		col("manager_id", ty(typemap.Int4), false),
		col("hired", ty(typemap.Date), false),
	}},
	{Schema: "public", Name: "tv", View: true, Columns: []catalog.Column{
		col("id", ty(typemap.Int4), false),
		col("b", ty(typemap.Text), false),
	}},
	{Schema: "public", Name: "dflt", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true),
		{Name: "qty", Type: ty(typemap.Int4), HasDefault: true},
	}},
	// A default pgtidb stored the text of (ALTER COLUMN … TYPE / [DROP|SET] NOT NULL restate it).
	{Schema: "public", Name: "dfltk", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true),
		{Name: "qty", Type: ty(typemap.Int4), HasDefault: true, Default: catalog.Expr{Plain: "5", Pretty: "5", TiDB: "5"}},
		{Name: "label", Type: typemap.Type{OID: typemap.Varchar, Typmod: typemap.CharTypmod(10)}, NotNull: true, HasDefault: true,
			Default: catalog.Expr{Plain: "'none'::character varying", Pretty: "'none'::character varying", TiDB: "none"}},
	}},
	{Schema: "app", Name: "orders", Columns: []catalog.Column{
		col("id", ty(typemap.Int8), true),
		col("customer", ty(typemap.Text), false),
		col("total", typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(10, 2)}, false),
		col("created", ty(typemap.Timestamptz), false),
	}},
}

// testResolver resolves testTables; an empty schema searches public only.
type testResolver struct{}

var _ catalog.Resolver = testResolver{}

func (testResolver) LookupTable(schema, name string) (*catalog.Table, error) {
	if schema == "" {
		schema = catalog.PublicSchema
	}
	for _, tbl := range testTables {
		if tbl.Schema == schema && tbl.Name == name {
			cp := *tbl
			cp.Database = catalog.TiDBDatabase(testDatabase, schema)
			return &cp, nil
		}
	}
	return nil, nil
}
