package typemap_test

import (
	"testing"

	"github.com/pgtidb/pgtidb/typemap"
)

// TestFromMySQL: DATA_TYPE/COLUMN_TYPE pairs as this TiDB's information_schema.COLUMNS reports
// them (CREATE TABLE m (a tinyint(1), … ) on the pinned TiDB), and the names database/sql's
// ColumnType.DatabaseTypeName gives for result columns.
func TestFromMySQL(t *testing.T) {
	cases := []struct {
		dataType, columnType string
		want                 string // format_type of the PostgreSQL type
	}{
		{"tinyint", "tinyint(1)", "boolean"},
		{"tinyint", "tinyint", "smallint"},
		{"tinyint", "tinyint unsigned", "smallint"},
		{"tinyint", "tinyint(1) unsigned", "smallint"},
		{"smallint", "smallint", "smallint"},
		{"smallint", "smallint unsigned", "integer"},
		{"mediumint", "mediumint", "integer"},
		{"mediumint", "mediumint unsigned", "integer"},
		{"int", "int", "integer"},
		{"int", "int(11)", "integer"},
		{"int", "int unsigned", "bigint"},
		{"bigint", "bigint", "bigint"},
		{"bigint", "bigint unsigned", "numeric(20,0)"},
		{"decimal", "decimal(10,2)", "numeric(10,2)"},
		{"decimal", "decimal(65,30)", "numeric(65,30)"},
		{"decimal", "decimal(10,0)", "numeric(10,0)"},
		{"decimal", "decimal", "numeric(10,0)"},
		{"float", "float", "real"},
		{"float", "float(7,2)", "real"},
		{"double", "double", "double precision"},
		{"char", "char(5)", "character(5)"},
		{"char", "char(36)", "character(36)"},
		{"varchar", "varchar(20)", "character varying(20)"},
		{"text", "text", "text"},
		{"longtext", "longtext", "text"},
		{"longblob", "longblob", "bytea"},
		{"varbinary", "varbinary(10)", "bytea"},
		{"binary", "binary(16)", "bytea"},
		{"bit", "bit(3)", "bytea"},
		{"date", "date", "date"},
		{"datetime", "datetime", "timestamp(0) without time zone"},
		{"datetime", "datetime(6)", "timestamp(6) without time zone"},
		{"timestamp", "timestamp(3)", "timestamp(3) with time zone"},
		{"time", "time(6)", "time(6) without time zone"},
		{"json", "json", "jsonb"},
		{"enum", "enum('a','b')", "text"},
		{"set", "set('x')", "text"},
		{"year", "year(4)", "smallint"},
		{"vector", "vector(3)", "text"},
		{"geometry", "geometry", "bytea"},
		{"something_new", "something_new", "text"},
		// database/sql ColumnType.DatabaseTypeName()
		{"TINYINT", "", "smallint"},
		{"UNSIGNED TINYINT", "", "smallint"},
		{"SMALLINT", "", "smallint"},
		{"UNSIGNED SMALLINT", "", "integer"},
		{"MEDIUMINT", "", "integer"},
		{"INT", "", "integer"},
		{"UNSIGNED INT", "", "bigint"},
		{"BIGINT", "", "bigint"},
		{"UNSIGNED BIGINT", "", "numeric(20,0)"},
		{"DECIMAL", "", "numeric"},
		{"FLOAT", "", "real"},
		{"DOUBLE", "", "double precision"},
		{"CHAR", "", "character"},
		{"VARCHAR", "", "character varying"},
		{"TEXT", "", "text"},
		{"TINYTEXT", "", "text"},
		{"MEDIUMTEXT", "", "text"},
		{"LONGTEXT", "", "text"},
		{"BLOB", "", "bytea"},
		{"TINYBLOB", "", "bytea"},
		{"MEDIUMBLOB", "", "bytea"},
		{"LONGBLOB", "", "bytea"},
		{"BINARY", "", "bytea"},
		{"VARBINARY", "", "bytea"},
		{"BIT", "", "bytea"},
		{"DATE", "", "date"},
		{"DATETIME", "", "timestamp without time zone"},
		{"TIMESTAMP", "", "timestamp with time zone"},
		{"TIME", "", "time without time zone"},
		{"YEAR", "", "smallint"},
		{"JSON", "", "jsonb"},
		{"ENUM", "", "text"},
		{"SET", "", "text"},
		{"NULL", "", "text"},
		{"GEOMETRY", "", "bytea"},
		{"VECTOR", "", "text"},
		{"", "", "text"},
	}
	for _, c := range cases {
		got := typemap.FromMySQL(c.dataType, c.columnType)
		if got.String() != c.want {
			t.Errorf("FromMySQL(%q, %q) = %s, want %s", c.dataType, c.columnType, got, c.want)
		}
	}
}

// TestFromMySQLValues: every type FromMySQL picks reads the text TiDB sends for that column
// (values as the pinned TiDB prints them).
func TestFromMySQLValues(t *testing.T) {
	cases := []struct {
		dataType, columnType, tidb, pg string
	}{
		{"tinyint", "tinyint(1)", "1", "t"},
		{"bigint", "bigint unsigned", "18446744073709551615", "18446744073709551615"},
		{"int", "int unsigned", "4294967295", "4294967295"},
		{"decimal", "decimal(10,0)", "42", "42"},
		{"char", "char(5)", "ab", "ab   "},
		{"datetime", "datetime", "2024-01-31 10:00:00", "2024-01-31 10:00:00"},
		{"timestamp", "timestamp(3)", "2024-01-31 10:00:00.120", "2024-01-31 10:00:00.12+00"},
		{"time", "time", "10:00:00", "10:00:00"},
		{"year", "year(4)", "2024", "2024"},
		{"json", "json", `{"a": 1}`, `{"a": 1}`},
		{"binary", "binary(2)", "\x01\x02", `\x0102`},
		{"enum", "enum('a','b')", "b", "b"},
	}
	for _, c := range cases {
		typ := typemap.FromMySQL(c.dataType, c.columnType)
		got, err := typemap.EncodeText(nil, typ, []byte(c.tidb), nil)
		if err != nil || string(got) != c.pg {
			t.Errorf("%s %q as %s: got %q, %v; want %q", c.columnType, c.tidb, typ, got, err, c.pg)
		}
	}
}
