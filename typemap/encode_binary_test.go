package typemap_test

import (
	"encoding/hex"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pgtidb/pgtidb/typemap"
)

// TestEncodeBinaryPostgresBytes compares EncodeBinary with the bytes PostgreSQL's own send
// functions produce for the same value (PostgreSQL 15.18: SELECT numeric_send(1.50::numeric(10,2)),
// date_send('0001-01-01 BC'), …).
func TestEncodeBinaryPostgresBytes(t *testing.T) {
	of := typemap.Of
	cases := []struct {
		typ  typemap.Type
		tidb string
		hex  string
	}{
		{numericT(10, 2), "1.50", "000200000000000200011388"},
		{numericT(10, 2), "0.00", "0000000000000002"},
		{numericT(10, 2), "-0.00", "0000000000000002"},
		{of(typemap.Numeric), "-123456789.123", "0004000240000003000109291a8504ce"},
		{numericT(20, 10), "0.0000010000", "0001fffe0000000a0064"},
		{of(typemap.Numeric), "10000", "00010001000000000001"},
		{numericT(20, 0), "12345678901234567890", "000500040000000004d2162e23340d801ed2"},
		{of(typemap.Numeric), "0.00000015", "0001fffe00000008000f"},
		{of(typemap.Numeric), "1.500000000000000000000000000000", "000200000000000100011388"},
		{numericT(10, 2), "99999999.99", "0003000100000002270f270f26ac"},
		{of(typemap.Date), "0000-01-01", "fff4da8b"},
		{of(typemap.Date), "2024-01-31", "0000225c"},
		{of(typemap.Timestamp), "0000-12-31 23:00:00.000000", "ff1fe2feef08bc00"},
		{of(typemap.Timestamp), "9999-12-31 23:59:59.999999", "0380e70b913b7fff"},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00.000000", "0002b339b5eae800"},
		{of(typemap.Time), "24:00:00.000000", "000000141dd76000"},
		{of(typemap.Time), "10:00:00.500000", "0000000861cc0920"},
		{of(typemap.JSONB), `{"a": 1}`, "017b2261223a20317d"},
		{of(typemap.Float4), "0.1", "3dcccccd"},
		{of(typemap.Float8), "1e20", "4415af1d78b58c40"},
		{of(typemap.Int2), "-2", "fffe"},
		{of(typemap.UUID), "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc999c0b4ef8bb6d6bb9bd380a11"},
		{of(typemap.Bool), "1", "01"},
		{of(typemap.Bool), "0", "00"},
		{charT(typemap.BPChar, 4), "ab", "61622020"},
	}
	for _, c := range cases {
		got, err := typemap.EncodeBinary(nil, c.typ, []byte(c.tidb), nil)
		if err != nil {
			t.Errorf("%s %q: %v", c.typ, c.tidb, err)
			continue
		}
		if hex.EncodeToString(got) != c.hex {
			t.Errorf("%s %q: got %x, PostgreSQL sends %s", c.typ, c.tidb, got, c.hex)
		}
	}
}

// TestEncodeBinaryMatchesText decodes EncodeBinary's bytes and EncodeText's text with pgx's
// codecs (pgtype.Map, as a client would) and requires the same value from both.
func TestEncodeBinaryMatchesText(t *testing.T) {
	of := typemap.Of
	m := pgtype.NewMap()
	cases := []struct {
		typ  typemap.Type
		tidb string
		new  func() any // a pointer pgx scans into
	}{
		{of(typemap.Bool), "1", func() any { return new(bool) }},
		{of(typemap.Bool), "0", func() any { return new(bool) }},
		{of(typemap.Int2), "-32768", func() any { return new(int16) }},
		{of(typemap.Int4), "2147483647", func() any { return new(int32) }},
		{of(typemap.Int8), "-9223372036854775808", func() any { return new(int64) }},
		{of(typemap.Oid), "4294967295", func() any { return new(uint32) }},
		{of(typemap.Float4), "0.1", func() any { return new(float32) }},
		{of(typemap.Float4), "3.4028235e38", func() any { return new(float32) }},
		{of(typemap.Float4), "1e-45", func() any { return new(float32) }},
		{of(typemap.Float8), "0.30000000000000004", func() any { return new(float64) }},
		{of(typemap.Float8), "5e-324", func() any { return new(float64) }},
		{of(typemap.Float8), "-0", func() any { return new(float64) }},
		{of(typemap.Float8), "1.7976931348623157e308", func() any { return new(float64) }},
		{of(typemap.Text), "héllo", func() any { return new(string) }},
		{charT(typemap.Varchar, 9), "héllo", func() any { return new(string) }},
		{charT(typemap.BPChar, 5), "ab", func() any { return new(string) }},
		{of(typemap.Name), "pg_class", func() any { return new(string) }},
		{of(typemap.Bytea), "\x00\xff\x10", func() any { return new([]byte) }},
		{of(typemap.Date), "2024-01-31", func() any { return new(pgtype.Date) }},
		{of(typemap.Date), "1200-02-29", func() any { return new(pgtype.Date) }},
		{of(typemap.Date), "1999-12-31", func() any { return new(pgtype.Date) }},
		{of(typemap.Time), "10:00:00.500000", func() any { return new(pgtype.Time) }},
		{of(typemap.Time), "23:59:59.999999", func() any { return new(pgtype.Time) }},
		{of(typemap.Timestamp), "2024-01-31 10:00:00.123000", func() any { return new(pgtype.Timestamp) }},
		{of(typemap.Timestamp), "1969-12-31 23:59:59.999999", func() any { return new(pgtype.Timestamp) }},
		{of(typemap.Timestamp), "1000-01-01 00:00:00", func() any { return new(pgtype.Timestamp) }},
		{of(typemap.Timestamptz), "2024-01-31 10:00:00.123000", func() any { return new(pgtype.Timestamptz) }},
		{of(typemap.Timestamptz), "1900-01-01 00:00:00.000000", func() any { return new(pgtype.Timestamptz) }},
		{of(typemap.UUID), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", func() any { return new(pgtype.UUID) }},
		{of(typemap.JSONB), `{"b": [1, 2.5], "a": "x"}`, func() any { return new(string) }},
		{of(typemap.JSON), `{"b": [1, 2.5], "a": "x"}`, func() any { return new(string) }},
	}
	zones := []*time.Location{time.UTC, mustZone(t, "Asia/Kolkata"), mustZone(t, "America/New_York")}
	for _, c := range cases {
		for _, zone := range zones {
			s := &typemap.Settings{TimeZone: zone, ExtraFloatDigits: 1}
			bin, err := typemap.EncodeBinary(nil, c.typ, []byte(c.tidb), s)
			if err != nil {
				t.Errorf("%s %q binary: %v", c.typ, c.tidb, err)
				continue
			}
			txt, err := typemap.EncodeText(nil, c.typ, []byte(c.tidb), s)
			if err != nil {
				t.Errorf("%s %q text: %v", c.typ, c.tidb, err)
				continue
			}
			fromBin, fromText := c.new(), c.new()
			if err := m.Scan(c.typ.OID, pgtype.BinaryFormatCode, bin, fromBin); err != nil {
				t.Errorf("%s %q: pgx cannot read the binary %x: %v", c.typ, c.tidb, bin, err)
				continue
			}
			if err := m.Scan(c.typ.OID, pgtype.TextFormatCode, txt, fromText); err != nil {
				t.Errorf("%s %q: pgx cannot read the text %q: %v", c.typ, c.tidb, txt, err)
				continue
			}
			a, b := reflect.ValueOf(fromBin).Elem().Interface(), reflect.ValueOf(fromText).Elem().Interface()
			if ta, ok := a.(pgtype.Timestamptz); ok {
				if !ta.Time.Equal(b.(pgtype.Timestamptz).Time) {
					t.Errorf("%s %q: binary %v, text %v", c.typ, c.tidb, ta.Time, b.(pgtype.Timestamptz).Time)
				}
				continue
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s %q: binary reads as %#v, text %q as %#v", c.typ, c.tidb, a, txt, b)
			}
		}
	}
}

// TestEncodeBinaryNumeric checks numeric's base-10000 digits against pgx's reading of the text
// PostgreSQL would print, over scales and magnitudes that cross digit-group boundaries.
func TestEncodeBinaryNumeric(t *testing.T) {
	m := pgtype.NewMap()
	values := []string{"0", "1", "-1", "9999", "10000", "10001", "0.0001", "0.00001", "123456789.987654321",
		"-0.5", "99999999999999999999999999999999999.999999999999999999999999999999",
		"1.000000000000000000000000000001", "100000000", "0.1", "12.3400"}
	for _, v := range values {
		for _, typ := range []typemap.Type{typemap.Of(typemap.Numeric), numericT(65, 30), numericT(40, 4)} {
			bin, err := typemap.EncodeBinary(nil, typ, []byte(v), nil)
			if err != nil {
				t.Errorf("%s %s: %v", typ, v, err)
				continue
			}
			txt, _ := typemap.EncodeText(nil, typ, []byte(v), nil)
			var nb, nt pgtype.Numeric
			if err := m.Scan(typemap.Numeric, pgtype.BinaryFormatCode, bin, &nb); err != nil {
				t.Errorf("%s %s: pgx: %v", typ, v, err)
				continue
			}
			if err := m.Scan(typemap.Numeric, pgtype.TextFormatCode, txt, &nt); err != nil {
				t.Errorf("%s %s: pgx text %q: %v", typ, v, txt, err)
				continue
			}
			if numericRat(nb).Cmp(numericRat(nt)) != 0 {
				t.Errorf("%s %s: binary %x reads as %v, text %q as %v", typ, v, bin, numericRat(nb), txt, numericRat(nt))
			}
			// dscale (bytes 6-7) is the number of digits the text shows after the point.
			frac := 0
			for i, c := range txt {
				if c == '.' {
					frac = len(txt) - i - 1
				}
			}
			if got := int(bin[6])<<8 | int(bin[7]); got != frac {
				t.Errorf("%s %s: dscale %d, text %q", typ, v, got, txt)
			}
		}
	}
}

func numericRat(n pgtype.Numeric) *big.Rat {
	r := new(big.Rat).SetInt(n.Int)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n.Exp))), nil)
	if n.Exp >= 0 {
		return r.Mul(r, new(big.Rat).SetInt(p))
	}
	return r.Quo(r, new(big.Rat).SetInt(p))
}

func abs(n int32) int32 {
	if n < 0 {
		return -n
	}
	return n
}

func TestSupportsBinary(t *testing.T) {
	if !typemap.SupportsBinary(typemap.Numeric) || typemap.SupportsBinary(typemap.Interval) {
		t.Fatal("SupportsBinary")
	}
	if _, err := typemap.EncodeBinary(nil, typemap.Of(typemap.Interval), []byte("1 day"), nil); err == nil {
		t.Fatal("interval binary should be refused")
	}
}
