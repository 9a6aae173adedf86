package typemap_test

import (
	"testing"
	"time"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("zone %s: %v", name, err)
	}
	return loc
}

func numericT(p, s int) typemap.Type {
	return typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(p, s)}
}

func charT(oid typemap.OID, n int) typemap.Type {
	return typemap.Type{OID: oid, Typmod: typemap.CharTypmod(n)}
}

// textCase is one value: what TiDB sends (its MySQL text form, as the real TiDB prints it) and
// what PostgreSQL 15 prints for the same value. The expectations were taken from PostgreSQL
// 15.18's output (psql, text format) for the corresponding SQL value.
type textCase struct {
	typ  typemap.Type
	tidb string
	pg   string
}

func TestEncodeTextDefaults(t *testing.T) {
	of := typemap.Of
	cases := []textCase{
		// bool: TINYINT(1) and comparison results.
		{of(typemap.Bool), "1", "t"},
		{of(typemap.Bool), "0", "f"},
		{of(typemap.Bool), "2", "t"},
		// integers
		{of(typemap.Int2), "-32768", "-32768"},
		{of(typemap.Int4), "2147483647", "2147483647"},
		{of(typemap.Int8), "-9223372036854775808", "-9223372036854775808"},
		{of(typemap.Int8), "15.000", "15"}, // TiDB's SUM over integers is a DECIMAL
		{of(typemap.Oid), "4294967295", "4294967295"},
		// float8: TiDB prints DOUBLE shortest, with e-notation without '+' ("1e20").
		// PG 15: SELECT 1e20::float8, 1.5e-7::float8, ...
		{of(typemap.Float8), "1e20", "1e+20"},
		{of(typemap.Float8), "0.1", "0.1"},
		{of(typemap.Float8), "0.30000000000000004", "0.30000000000000004"},
		{of(typemap.Float8), "0.00000015", "1.5e-07"},
		{of(typemap.Float8), "1e15", "1e+15"},
		{of(typemap.Float8), "100000000000000", "100000000000000"},
		{of(typemap.Float8), "123456789012345.6", "123456789012345.6"},
		{of(typemap.Float8), "0.0001", "0.0001"},
		{of(typemap.Float8), "0.00001", "1e-05"},
		{of(typemap.Float8), "-0", "-0"},
		{of(typemap.Float8), "1e100", "1e+100"},
		{of(typemap.Float8), "1.7976931348623157e308", "1.7976931348623157e+308"},
		{of(typemap.Float8), "5e-324", "5e-324"},
		{of(typemap.Float8), "100", "100"},
		{of(typemap.Float8), "2.0000000400817573e20", "2.0000000400817573e+20"},
		{of(typemap.Float8), "1e22", "1e+22"},
		// float4: TiDB prints FLOAT with the shortest digits of the float32.
		{of(typemap.Float4), "0.1", "0.1"},
		{of(typemap.Float4), "1e6", "1e+06"},
		{of(typemap.Float4), "1000000", "1e+06"},
		{of(typemap.Float4), "100000", "100000"},
		{of(typemap.Float4), "123456.7", "123456.7"},
		{of(typemap.Float4), "0.00001", "1e-05"},
		{of(typemap.Float4), "0.0001", "0.0001"},
		{of(typemap.Float4), "2.5", "2.5"},
		{of(typemap.Float4), "3.4028235e38", "3.4028235e+38"},
		{of(typemap.Float4), "1e-45", "1e-45"},
		{of(typemap.Float4), "16777216", "1.6777216e+07"},
		{of(typemap.Float4), "1234567", "1.234567e+06"},
		{of(typemap.Float4), "0.00012345", "0.00012345"},
		// The shortest decimal on the midpoint to a neighbour is not PostgreSQL's (Ryu without
		// accepted bounds): SELECT '-767666432'::float4, '18660404550660928'::float8.
		{of(typemap.Float4), "-767666400", "-7.6766643e+08"},
		{of(typemap.Float4), "63532290", "6.3532288e+07"},
		{of(typemap.Float8), "1.866040455066093e16", "1.8660404550660928e+16"},
		{of(typemap.Float8), "9007199254740992", "9.007199254740992e+15"},
		// numeric(p,s) keeps its scale; bare numeric (DECIMAL(65,30)) is trimmed.
		{numericT(10, 2), "1.50", "1.50"},
		{numericT(10, 2), "-0.00", "0.00"},
		{numericT(10, 2), "1.5", "1.50"},
		{numericT(10, 2), "9.995", "10.00"},
		{numericT(20, 10), "0.0000010000", "0.0000010000"},
		{of(typemap.Numeric), "123456789.123000000000000000000000000000", "123456789.123"},
		{of(typemap.Numeric), "1.500000000000000000000000000000", "1.5"},
		{of(typemap.Numeric), "0.000000000000000000000000000000", "0"},
		{of(typemap.Numeric), "-5.000000000000000000000000000000", "-5"},
		{of(typemap.Numeric), "2.50000", "2.50000"}, // an expression's scale is kept
		{of(typemap.Numeric), "1.50", "1.50"},
		// strings
		{of(typemap.Text), "héllo", "héllo"},
		{charT(typemap.BPChar, 5), "ab", "ab   "},
		{charT(typemap.BPChar, 3), "é", "é  "},
		{charT(typemap.BPChar, 2), "ab", "ab"},
		{charT(typemap.Varchar, 5), "ab", "ab"},
		// bytea, hex output
		{of(typemap.Bytea), "\x00\xff\x10", `\x00ff10`},
		{of(typemap.Bytea), "", `\x`},
		// date/time, DateStyle ISO
		{of(typemap.Date), "2024-01-31", "2024-01-31"},
		{of(typemap.Date), "0001-01-01", "0001-01-01"},
		{of(typemap.Date), "0000-01-01", "0001-01-01 BC"},
		{of(typemap.Date), "2024-01-31 00:00:00", "2024-01-31"},
		{of(typemap.Time), "10:00:00.500000", "10:00:00.5"},
		{of(typemap.Time), "10:00:00.000000", "10:00:00"},
		{of(typemap.Time), "24:00:00.000000", "24:00:00"},
		{of(typemap.Time), "00:00:00.000001", "00:00:00.000001"},
		{of(typemap.Timestamp), "2024-01-31 10:00:00.123000", "2024-01-31 10:00:00.123"},
		{of(typemap.Timestamp), "2024-01-31 10:00:00", "2024-01-31 10:00:00"},
		{of(typemap.Timestamp), "9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999"},
		{of(typemap.Timestamp), "0000-12-31 23:00:00.000000", "0001-12-31 23:00:00 BC"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00.000000", "2024-01-31 10:00:00+00"},
		{of(typemap.Timestamptz), "0000-01-01 00:00:00.000000", "0001-01-01 00:00:00+00 BC"},
		// uuid
		{of(typemap.UUID), "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{of(typemap.UUID), "\xa0\xee\xbc\x99\x9c\x0b\x4e\xf8\xbb\x6d\x6b\xb9\xbd\x38\x0a\x11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		// jsonb: TiDB sorts keys by bytes and stores non-integers as doubles; PG 15's
		// jsonb_out sorts by length then bytes and prints numbers as numeric.
		{of(typemap.JSONB), `{"a": null, "aa": [1, 2.5, 100, 1.5e-7, "xé\n\t\u0001/<>&"], "b": 1, "bb": 1, "c": {"y": false, "z": true}}`,
			`{"a": null, "b": 1, "c": {"y": false, "z": true}, "aa": [1, 2.5, 100, 0.00000015, "xé\n\t\u0001/<>&"], "bb": 1}`},
		{of(typemap.JSONB), `[100000000000000000000, 1e-7, 0.1, -0, 3, 100]`, `[100000000000000000000, 0.0000001, 0.1, 0, 3, 100]`},
		{of(typemap.JSONB), `"\u00e9<>&"`, `"é<>&"`},
		{of(typemap.JSONB), `{}`, `{}`},
		{of(typemap.JSONB), `[]`, `[]`},
		{of(typemap.JSONB), `{"a": 2}`, `{"a": 2}`},
		{of(typemap.JSONB), `"a\"b\\c\/"`, `"a\"b\\c/"`},
		// json is stored as text, verbatim: PG 15 SELECT '{"b":1,  "a":2}'::json
		{of(typemap.JSON), `{"b":1,  "a":2}`, `{"b":1,  "a":2}`},
		// unknown and other types pass through
		{of(typemap.Unknown), "x", "x"},
		{of(typemap.Interval), "1 day", "1 day"},
	}
	for _, c := range cases {
		got, err := typemap.EncodeText(nil, c.typ, []byte(c.tidb), typemap.DefaultSettings())
		if err != nil {
			t.Errorf("%s %q: %v", c.typ, c.tidb, err)
			continue
		}
		if string(got) != c.pg {
			t.Errorf("%s %q: got %q, PostgreSQL prints %q", c.typ, c.tidb, got, c.pg)
		}
	}
}

func TestEncodeTextAppends(t *testing.T) {
	got, err := typemap.EncodeText([]byte("prefix:"), typemap.Of(typemap.Int4), []byte("7"), nil)
	if err != nil || string(got) != "prefix:7" {
		t.Fatalf("got %q, %v", got, err)
	}
}

// TestEncodeTextTimeZone: timestamptz values are UTC on TiDB and shown in the session's
// TimeZone. Expectations from PostgreSQL 15 after SET timezone = '…'.
func TestEncodeTextTimeZone(t *testing.T) {
	cases := []struct {
		zone, tidb, pg string
	}{
		{"Asia/Kolkata", "2024-01-31 10:00:00.123000", "2024-01-31 15:30:00.123+05:30"},
		{"America/Sao_Paulo", "2024-01-31 10:00:00.000000", "2024-01-31 07:00:00-03"},
		{"Europe/Amsterdam", "1900-01-01 00:00:00.000000", "1900-01-01 00:19:32+00:19:32"},
		{"Asia/Kathmandu", "2024-01-31 10:00:00.000000", "2024-01-31 15:45:00+05:45"},
		{"Asia/Kathmandu", "0000-01-01 00:00:00.000000", "0001-01-01 05:41:16+05:41:16 BC"},
		{"America/St_Johns", "2024-07-01 10:00:00.000000", "2024-07-01 07:30:00-02:30"},
		{"Pacific/Chatham", "2024-07-01 10:00:00.000000", "2024-07-01 22:45:00+12:45"},
		{"America/New_York", "2024-03-10 07:30:00.000000", "2024-03-10 03:30:00-04"},
		{"America/New_York", "2024-11-03 06:30:00.000000", "2024-11-03 01:30:00-05"},
		{"UTC", "2024-01-31 10:00:00.500000", "2024-01-31 10:00:00.5+00"},
	}
	for _, c := range cases {
		s := &typemap.Settings{TimeZone: mustZone(t, c.zone), ExtraFloatDigits: 1}
		got, err := typemap.EncodeText(nil, typemap.Of(typemap.Timestamptz), []byte(c.tidb), s)
		if err != nil {
			t.Errorf("%s %s: %v", c.zone, c.tidb, err)
			continue
		}
		if string(got) != c.pg {
			t.Errorf("%s %s: got %q, PostgreSQL prints %q", c.zone, c.tidb, got, c.pg)
		}
	}
}

// TestEncodeTextExtraFloatDigits: extra_float_digits <= 0 rounds to DBL_DIG/FLT_DIG + extra
// digits (%g). Expectations from PostgreSQL 15 after SET extra_float_digits = ….
func TestEncodeTextExtraFloatDigits(t *testing.T) {
	f4, f8 := typemap.Of(typemap.Float4), typemap.Of(typemap.Float8)
	cases := []struct {
		extra int
		typ   typemap.Type
		tidb  string
		pg    string
	}{
		{0, f8, "0.30000000000000004", "0.3"},
		{0, f8, "1e20", "1e+20"},
		{0, f4, "0.1", "0.1"},
		{0, f8, "1e15", "1e+15"},
		{0, f4, "123456.7", "123457"},
		{0, f8, "0.00000015", "1.5e-07"},
		{0, f4, "1e6", "1e+06"},
		{0, f4, "100000", "100000"},
		{0, f8, "100", "100"},
		{-15, f8, "0.30000000000000004", "0.3"},
		{-15, f8, "1e20", "1e+20"},
		{-15, f4, "0.1", "0.1"},
		{-15, f8, "123", "1e+02"},
		{-15, f8, "987", "1e+03"},
		{-15, f8, "5.5", "6"},
		{3, f8, "0.30000000000000004", "0.30000000000000004"},
		{3, f4, "0.1", "0.1"},
	}
	for _, c := range cases {
		s := &typemap.Settings{ExtraFloatDigits: c.extra}
		got, err := typemap.EncodeText(nil, c.typ, []byte(c.tidb), s)
		if err != nil {
			t.Errorf("%d %s %s: %v", c.extra, c.typ, c.tidb, err)
			continue
		}
		if string(got) != c.pg {
			t.Errorf("extra_float_digits=%d %s %s: got %q, PostgreSQL prints %q", c.extra, c.typ, c.tidb, got, c.pg)
		}
	}
}

// TestEncodeTextErrors: values TiDB can send that the PostgreSQL type cannot hold.
func TestEncodeTextErrors(t *testing.T) {
	of := typemap.Of
	cases := []struct {
		typ  typemap.Type
		tidb string
		code string
		msg  string
	}{
		{of(typemap.Int2), "32768", "22003", "smallint out of range"},
		{of(typemap.Int4), "2147483648", "22003", "integer out of range"},
		{of(typemap.Int8), "9223372036854775808", "22003", "bigint out of range"},
		{of(typemap.Int4), "1.5", "XX000", `unexpected value from TiDB for type integer: "1.5"`},
		{of(typemap.Bool), "yes please", "XX000", `unexpected value from TiDB for type boolean: "yes please"`},
		{of(typemap.Date), "0000-00-00", "22008", `date/time field value out of range: "0000-00-00"`},
		{of(typemap.Date), "2024-01-31 10:00:00", "XX000", `unexpected value from TiDB for type date: "2024-01-31 10:00:00"`},
		{of(typemap.Timestamp), "2024-00-10 00:00:00", "22008", `date/time field value out of range: "2024-00-10 00:00:00"`},
		{of(typemap.Time), "-01:00:00.000000", "22008", "time out of range"},
		{of(typemap.Time), "838:59:59.000000", "22008", "time out of range"},
		{of(typemap.UUID), "nope", "XX000", `unexpected value from TiDB for type uuid: "nope"`},
		{of(typemap.JSONB), "{", "XX000", `unexpected value from TiDB for type jsonb: "{"`},
		{of(typemap.Float8), "abc", "XX000", `unexpected value from TiDB for type double precision: "abc"`},
		{of(typemap.Numeric), "abc", "XX000", `unexpected value from TiDB for type numeric: "abc"`},
	}
	for _, c := range cases {
		_, err := typemap.EncodeText(nil, c.typ, []byte(c.tidb), nil)
		pe, ok := pgerror.As(err)
		if !ok {
			t.Errorf("%s %q: want error %s, got %v", c.typ, c.tidb, c.code, err)
			continue
		}
		if pe.Code != c.code || pe.Message != c.msg {
			t.Errorf("%s %q: got %s %q, want %s %q", c.typ, c.tidb, pe.Code, pe.Message, c.code, c.msg)
		}
		if _, err := typemap.EncodeBinary(nil, c.typ, []byte(c.tidb), nil); err == nil {
			t.Errorf("%s %q: binary encoding accepted it", c.typ, c.tidb)
		}
	}
}
