package typemap_test

import (
	"encoding/hex"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// TestDecodeParamText: text-format parameters become what TiDB stores. The accepted inputs and
// their meaning were checked on PostgreSQL 15.18 (SELECT 'tRu'::bool, ' +12 '::int4,
// '2024-03-10 02:30'::timestamptz AT TIME ZONE 'UTC' under TimeZone America/New_York, …).
func TestDecodeParamText(t *testing.T) {
	of := typemap.Of
	ny := &typemap.Settings{TimeZone: mustZone(t, "America/New_York"), ExtraFloatDigits: 1}
	cases := []struct {
		typ  typemap.Type
		in   string
		s    *typemap.Settings
		want any
	}{
		{of(typemap.Bool), "tRu", nil, int64(1)},
		{of(typemap.Bool), " yes ", nil, int64(1)},
		{of(typemap.Bool), "on", nil, int64(1)},
		{of(typemap.Bool), "of", nil, int64(0)},
		{of(typemap.Bool), "n", nil, int64(0)},
		{of(typemap.Bool), "0", nil, int64(0)},
		{of(typemap.Bool), "t", nil, int64(1)},
		{of(typemap.Bool), "FALSE", nil, int64(0)},
		{of(typemap.Int4), " +12 ", nil, int64(12)},
		{of(typemap.Int2), "-0", nil, int64(0)},
		{of(typemap.Int2), "-32768", nil, int64(-32768)},
		{of(typemap.Int8), "9223372036854775807", nil, int64(math.MaxInt64)},
		{of(typemap.Oid), "4294967295", nil, int64(4294967295)},
		{of(typemap.Float8), "0x1p-2", nil, 0.25},
		{of(typemap.Float8), " 1.5e3 ", nil, 1500.0},
		{of(typemap.Float8), ".5", nil, 0.5},
		{of(typemap.Float8), "1.", nil, 1.0},
		{of(typemap.Float8), "5e-324", nil, 5e-324},
		{of(typemap.Float4), "0.1", nil, 0.10000000149011612},
		{of(typemap.Float4), "1e-45", nil, float64(float32(1e-45))},
		{of(typemap.Numeric), " -1.50 ", nil, "-1.50"},
		{of(typemap.Numeric), "1e5", nil, "100000"},
		{of(typemap.Numeric), "1.5e-7", nil, "0.00000015"},
		{of(typemap.Numeric), "+.5", nil, "0.5"},
		{of(typemap.Numeric), "-0.00", nil, "0.00"},
		{numericT(10, 2), "12.345", nil, "12.35"},
		{numericT(10, 2), "-12.345", nil, "-12.35"},
		{of(typemap.Text), "héllo", nil, "héllo"},
		{of(typemap.Varchar), "", nil, ""},
		{typemap.Type{OID: 0, Typmod: -1}, "42", nil, "42"},
		{of(typemap.Unknown), "x", nil, "x"},
		{of(typemap.Bytea), `\x41 42`, nil, []byte("AB")},
		{of(typemap.Bytea), `a\\b\101`, nil, []byte(`a\bA`)},
		{of(typemap.Bytea), `\x`, nil, []byte{}},
		{of(typemap.Date), "2024-01-31", nil, "2024-01-31"},
		{of(typemap.Date), " 2024-01-31 ", nil, "2024-01-31"},
		{of(typemap.Date), "2024-1-5", nil, "2024-01-05"},
		{of(typemap.Date), "20240131", nil, "2024-01-31"},
		{of(typemap.Date), "01/31/2024", nil, "2024-01-31"},
		{of(typemap.Date), "01-31-2024", nil, "2024-01-31"},
		{of(typemap.Date), "2024/01/31", nil, "2024-01-31"},
		{of(typemap.Date), "2024-01-31 10:00", nil, "2024-01-31"},
		{of(typemap.Date), "0001-01-01 BC", nil, "0000-01-01"},
		{of(typemap.Date), "epoch", nil, "1970-01-01"},
		{of(typemap.Time), "10:00:00.5", nil, "10:00:00.500000"},
		{of(typemap.Time), "23:59:59.9999999", nil, "24:00:00.000000"},
		{of(typemap.Time), "10:00:60", nil, "10:01:00.000000"},
		{of(typemap.Time), "2024-01-31 10:11", nil, "10:11:00.000000"},
		{of(typemap.Time), "12:30 am", nil, "00:30:00.000000"},
		{of(typemap.Time), "1:02:03.000004", nil, "01:02:03.000004"},
		{of(typemap.Time), "24:00", nil, "24:00:00.000000"},
		{of(typemap.Time), "10:00+02", nil, "10:00:00.000000"},
		{of(typemap.Time), "allballs", nil, "00:00:00.000000"},
		{of(typemap.Timestamp), "2024-01-31T10:00:00.1234565", nil, "2024-01-31 10:00:00.123456"},
		{of(typemap.Timestamp), "2024-01-31 10:00:00.1234567", nil, "2024-01-31 10:00:00.123457"},
		{of(typemap.Timestamp), "0001-01-31 10:00:00 BC", nil, "0000-01-31 10:00:00.000000"},
		{of(typemap.Timestamp), "20240131 10:00", nil, "2024-01-31 10:00:00.000000"},
		{of(typemap.Timestamp), "2024/1/5 1:02:03 PM", nil, "2024-01-05 13:02:03.000000"},
		{of(typemap.Timestamp), "2024-02-29 23:59:59.9999999", nil, "2024-03-01 00:00:00.000000"},
		{of(typemap.Timestamp), "2024-01-31 24:00", nil, "2024-02-01 00:00:00.000000"},
		{of(typemap.Timestamp), "2024-01-31 10:00:00+05", nil, "2024-01-31 10:00:00.000000"},
		{of(typemap.Timestamp), "2024-01-31", nil, "2024-01-31 00:00:00.000000"},
		{of(typemap.Timestamp), "epoch", nil, "1970-01-01 00:00:00.000000"},
		{of(typemap.Timestamptz), "2024-03-10 02:30", ny, "2024-03-10 07:30:00.000000"},
		{of(typemap.Timestamptz), "2024-11-03 01:30", ny, "2024-11-03 06:30:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00+05:30", ny, "2024-01-31 04:30:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00 Asia/Tokyo", ny, "2024-01-31 01:00:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00 PST", ny, "2024-01-31 18:00:00.000000"},
		{of(typemap.Timestamptz), "2024-07-01 10:00", ny, "2024-07-01 14:00:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00-0330", ny, "2024-01-31 13:30:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00 america/los_angeles", ny, "2024-01-31 18:00:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00 UTC", ny, "2024-01-31 10:00:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00 +05:30:15", ny, "2024-01-31 04:29:45.000000"},
		{of(typemap.Timestamptz), "2024-01-31T10:00:00Z", ny, "2024-01-31 10:00:00.000000"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00.5", nil, "2024-01-31 10:00:00.500000"},
		{of(typemap.Timestamptz), "epoch", ny, "1970-01-01 00:00:00.000000"},
		{of(typemap.UUID), "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", nil, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{of(typemap.UUID), "{a0eebc999c0b4ef8bb6d6bb9bd380a11}", nil, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{of(typemap.UUID), "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", nil, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{of(typemap.JSONB), `{"b": 1, "a": [true]}`, nil, `{"b": 1, "a": [true]}`},
		{of(typemap.JSON), ` "x" `, nil, ` "x" `},
	}
	for _, c := range cases {
		got, err := typemap.DecodeParam(c.typ, 0, []byte(c.in), c.s)
		if err != nil {
			t.Errorf("%s %q: %v", c.typ, c.in, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %q: got %#v, want %#v", c.typ, c.in, got, c.want)
		}
	}
}

// TestDecodeParamTextErrors: invalid input gets PostgreSQL's SQLSTATE and message (taken from
// PostgreSQL 15.18, e.g. SELECT 'abc'::int4), and valid PostgreSQL input TiDB cannot store is
// refused.
func TestDecodeParamTextErrors(t *testing.T) {
	of := typemap.Of
	cases := []struct {
		typ  typemap.Type
		in   string
		code string
		msg  string
	}{
		{of(typemap.Int4), "abc", "22P02", `invalid input syntax for type integer: "abc"`},
		{of(typemap.Int4), "", "22P02", `invalid input syntax for type integer: ""`},
		{of(typemap.Int4), "1.5", "22P02", `invalid input syntax for type integer: "1.5"`},
		{of(typemap.Int8), "1.5", "22P02", `invalid input syntax for type bigint: "1.5"`},
		{of(typemap.Int2), "99999", "22003", `value "99999" is out of range for type smallint`},
		{of(typemap.Int4), "3000000000", "22003", `value "3000000000" is out of range for type integer`},
		{of(typemap.Int8), "99999999999999999999", "22003", `value "99999999999999999999" is out of range for type bigint`},
		{of(typemap.Bool), "abc", "22P02", `invalid input syntax for type boolean: "abc"`},
		{of(typemap.Bool), "o", "22P02", `invalid input syntax for type boolean: "o"`},
		{of(typemap.Float8), "abc", "22P02", `invalid input syntax for type double precision: "abc"`},
		{of(typemap.Float8), "1e400", "22003", `"1e400" is out of range for type double precision`},
		{of(typemap.Float8), "1e-400", "22003", `"1e-400" is out of range for type double precision`},
		{of(typemap.Float4), "1e40", "22003", `"1e40" is out of range for type real`},
		{of(typemap.Float4), "1e-50", "22003", `"1e-50" is out of range for type real`},
		{of(typemap.Float8), "NaN", "0A000", `double precision value "NaN" is not supported by pgtidb`},
		{of(typemap.Float8), "-Infinity", "0A000", `double precision value "-Infinity" is not supported by pgtidb`},
		{of(typemap.Numeric), "abc", "22P02", `invalid input syntax for type numeric: "abc"`},
		{of(typemap.Numeric), "NaN", "0A000", `numeric value "NaN" is not supported by pgtidb`},
		{numericT(5, 2), "12345.678", "22003", "numeric field overflow"},
		{of(typemap.Numeric), "0.0000000000000000000000000000001", "0A000",
			"numeric value with more than 65 digits or more than 30 digits after the decimal point is not supported by pgtidb"},
		{of(typemap.Date), "abc", "22007", `invalid input syntax for type date: "abc"`},
		{of(typemap.Date), "2024-02-30", "22008", `date/time field value out of range: "2024-02-30"`},
		{of(typemap.Date), "2024-13-01", "22008", `date/time field value out of range: "2024-13-01"`},
		{of(typemap.Date), "10000-01-01", "22008", `date out of range: "10000-01-01"`},
		{of(typemap.Date), "infinity", "0A000", `date value "infinity" is not supported by pgtidb`},
		{of(typemap.Timestamp), "abc", "22007", `invalid input syntax for type timestamp: "abc"`},
		{of(typemap.Timestamp), "2024-01-01 25:00", "22008", `date/time field value out of range: "2024-01-01 25:00"`},
		{of(typemap.Timestamp), "294277-01-01", "22008", `timestamp out of range: "294277-01-01"`},
		{of(typemap.Timestamp), "2024-01-31 10:00:00.", "22007", `invalid input syntax for type timestamp: "2024-01-31 10:00:00."`},
		{of(typemap.Timestamptz), "abc", "22007", `invalid input syntax for type timestamp with time zone: "abc"`},
		{of(typemap.Timestamptz), "2024-01-01 10:00 Foo/Bar", "22023", `time zone "foo/bar" not recognized`},
		{of(typemap.Time), "abc", "22007", `invalid input syntax for type time: "abc"`},
		{of(typemap.Time), "25:00", "22008", `date/time field value out of range: "25:00"`},
		{of(typemap.Time), "24:00:01", "22008", `date/time field value out of range: "24:00:01"`},
		{of(typemap.UUID), "abc", "22P02", `invalid input syntax for type uuid: "abc"`},
		{of(typemap.UUID), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "22P02", `invalid input syntax for type uuid: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"`},
		{of(typemap.Bytea), `\xzz`, "22023", `invalid hexadecimal digit: "z"`},
		{of(typemap.Bytea), `\x123`, "22023", "invalid hexadecimal data: odd number of digits"},
		{of(typemap.Bytea), `\9`, "22P02", "invalid input syntax for type bytea"},
		{of(typemap.JSON), "{", "22P02", "invalid input syntax for type json"},
		{of(typemap.JSONB), "{", "22P02", "invalid input syntax for type json"},
		{of(typemap.JSONB), `"\u0000"`, "22P05", "unsupported Unicode escape sequence"},
		{of(typemap.Text), "a\xffb", "22021", `invalid byte sequence for encoding "UTF8": 0xff`},
		{of(typemap.Text), "a\x00b", "22021", `invalid byte sequence for encoding "UTF8": 0x00`},
		{of(typemap.Text), "\xe9\x28\xa1", "22021", `invalid byte sequence for encoding "UTF8": 0xe9 0x28 0xa1`},
	}
	for _, c := range cases {
		_, err := typemap.DecodeParam(c.typ, 0, []byte(c.in), nil)
		pe, ok := pgerror.As(err)
		if !ok {
			t.Errorf("%s %q: want %s, got %v", c.typ, c.in, c.code, err)
			continue
		}
		if pe.Code != c.code || pe.Message != c.msg {
			t.Errorf("%s %q: got %s %q, want %s %q", c.typ, c.in, pe.Code, pe.Message, c.code, c.msg)
		}
	}
}

// TestDecodeParamBinary: binary parameters as pgx encodes them (pgtype.Map.Encode) decode to
// the same value as their text form.
func TestDecodeParamBinary(t *testing.T) {
	m := pgtype.NewMap()
	of := typemap.Of
	ts := time.Date(2024, 1, 31, 10, 0, 0, 123456000, time.UTC)
	cases := []struct {
		typ   typemap.Type
		value any // what a pgx client binds
		want  any
	}{
		{of(typemap.Bool), true, int64(1)},
		{of(typemap.Bool), false, int64(0)},
		{of(typemap.Int2), int16(-2), int64(-2)},
		{of(typemap.Int4), int32(math.MinInt32), int64(math.MinInt32)},
		{of(typemap.Int8), int64(math.MaxInt64), int64(math.MaxInt64)},
		{of(typemap.Oid), uint32(4294967295), int64(4294967295)},
		{of(typemap.Float4), float32(0.1), float64(float32(0.1))},
		{of(typemap.Float8), 0.1, 0.1},
		{of(typemap.Numeric), num(t, "1.50"), "1.50"},
		{of(typemap.Numeric), num(t, "-123456789.123"), "-123456789.123"},
		{of(typemap.Numeric), num(t, "0.0000010000"), "0.0000010000"},
		{of(typemap.Numeric), num(t, "10000"), "10000"},
		{of(typemap.Numeric), num(t, "0"), "0"},
		{of(typemap.Numeric), num(t, "12345678901234567890"), "12345678901234567890"},
		{numericT(10, 2), num(t, "12.345"), "12.35"},
		{of(typemap.Text), "héllo", "héllo"},
		{of(typemap.Varchar), "x", "x"},
		{of(typemap.Bytea), []byte{0, 1, 255}, []byte{0, 1, 255}},
		{of(typemap.Bytea), []byte{}, []byte{}},
		{of(typemap.Date), time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), "2024-01-31"},
		{of(typemap.Date), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), "0001-01-01"},
		{of(typemap.Time), pgtype.Time{Microseconds: 36000500000, Valid: true}, "10:00:00.500000"},
		{of(typemap.Timestamp), ts, "2024-01-31 10:00:00.123456"},
		{of(typemap.Timestamp), time.Date(1969, 12, 31, 23, 59, 59, 999999000, time.UTC), "1969-12-31 23:59:59.999999"},
		{of(typemap.Timestamptz), ts.In(mustZone(t, "Asia/Kolkata")), "2024-01-31 10:00:00.123456"},
		{of(typemap.UUID), [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11},
			"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{of(typemap.JSONB), map[string]any{"a": 1}, `{"a":1}`},
		{of(typemap.JSON), map[string]any{"a": 1}, `{"a":1}`},
	}
	for _, c := range cases {
		bin, err := m.Encode(c.typ.OID, pgtype.BinaryFormatCode, c.value, nil)
		if err != nil {
			t.Fatalf("pgx cannot encode %v as %s: %v", c.value, c.typ, err)
		}
		got, err := typemap.DecodeParam(c.typ, 1, bin, nil)
		if err != nil {
			t.Errorf("%s %x: %v", c.typ, bin, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %x: got %#v, want %#v", c.typ, bin, got, c.want)
		}
	}
}

// TestDecodeParamEmptyBytea: a zero-length bytea parameter is the empty bytea (not NULL) in both formats.
// go-sql-driver interpolates a nil []byte as NULL, so DecodeParam must return a non-nil empty
// slice, whatever slice the wire layer handed it.
func TestDecodeParamEmptyBytea(t *testing.T) {
	for _, format := range []int16{0, 1} {
		for _, in := range [][]byte{{}, nil} {
			if format == 0 && in == nil {
				continue
			}
			got, err := typemap.DecodeParam(typemap.Of(typemap.Bytea), format, in, nil)
			if err != nil {
				t.Fatalf("format %d: %v", format, err)
			}
			if b, ok := got.([]byte); !ok || b == nil || len(b) != 0 {
				t.Errorf("format %d, input %#v: got %#v, want a non-nil empty []byte", format, in, got)
			}
		}
	}
	if got, _ := typemap.DecodeParam(typemap.Of(typemap.Bytea), 0, []byte(`\x`), nil); got == nil || got.([]byte) == nil {
		t.Errorf(`text \x: got %#v`, got)
	}
}

func TestDecodeParamBinaryErrors(t *testing.T) {
	of := typemap.Of
	cases := []struct {
		typ  typemap.Type
		hex  string
		code string
	}{
		{of(typemap.Int4), "0001", "08P01"},
		{of(typemap.Int4), "0000000100", "22P03"},
		{of(typemap.Float8), "7ff8000000000000", "0A000"},  // NaN
		{of(typemap.Numeric), "00000000c0000000", "0A000"}, // NaN
		{of(typemap.Numeric), "0001000000000000ffff", "22P03"},
		{of(typemap.Numeric), "00010000000000002710", "22P03"},
		{of(typemap.Date), "7fffffff", "0A000"},
		{of(typemap.Timestamp), "7fffffffffffffff", "0A000"},
		{of(typemap.Timestamp), "7ffffffffffffff0", "22008"},
		{of(typemap.Time), "ffffffffffffffff", "22008"},
		{of(typemap.JSONB), "027b7d", "XX000"},
		{of(typemap.Text), "ff", "22021"},
		{of(typemap.Interval), "00", "0A000"},
	}
	for _, c := range cases {
		b, _ := hex.DecodeString(c.hex)
		_, err := typemap.DecodeParam(c.typ, 1, b, nil)
		if got := pgerror.Code(err); got != c.code || err == nil {
			t.Errorf("%s %s: got %s (%v), want %s", c.typ, c.hex, got, err, c.code)
		}
	}
	if _, err := typemap.DecodeParam(typemap.Of(typemap.Text), 2, nil, nil); pgerror.Code(err) != "08P01" {
		t.Errorf("format 2: %v", err)
	}
}

// TestBinaryRoundTrip: what EncodeBinary sends for a TiDB value, a client sending it back as a
// binary parameter stores as the same TiDB value.
func TestBinaryRoundTrip(t *testing.T) {
	of := typemap.Of
	cases := []struct {
		typ  typemap.Type
		tidb string
		want any
	}{
		{of(typemap.Int8), "-42", int64(-42)},
		{of(typemap.Numeric), "-123456789.123000000000000000000000000000", "-123456789.123"},
		{numericT(10, 2), "1.50", "1.50"},
		{of(typemap.Date), "0000-01-01", "0000-01-01"},
		{of(typemap.Timestamp), "0000-12-31 23:00:00.000000", "0000-12-31 23:00:00.000000"},
		{of(typemap.Timestamptz), "9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999"},
		{of(typemap.Time), "24:00:00.000000", "24:00:00.000000"},
		{of(typemap.UUID), "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
		{of(typemap.JSONB), `{"bb": 1, "a": 2}`, `{"a": 2, "bb": 1}`},
		{of(typemap.Float4), "0.1", float64(float32(0.1))},
	}
	for _, c := range cases {
		bin, err := typemap.EncodeBinary(nil, c.typ, []byte(c.tidb), nil)
		if err != nil {
			t.Fatalf("%s %s: %v", c.typ, c.tidb, err)
		}
		got, err := typemap.DecodeParam(c.typ, 1, bin, nil)
		if err != nil {
			t.Errorf("%s %s: %v", c.typ, c.tidb, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %s: got %#v, want %#v", c.typ, c.tidb, got, c.want)
		}
	}
}

func num(t testing.TB, s string) pgtype.Numeric {
	var n pgtype.Numeric
	if err := n.Scan(s); err != nil {
		t.Fatalf("numeric %s: %v", s, err)
	}
	return n
}
