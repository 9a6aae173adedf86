package typemap_test

import (
	"testing"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// fuzzTypes are the types the fuzz targets pick from by index.
var fuzzTypes = []typemap.Type{
	typemap.Of(typemap.Bool), typemap.Of(typemap.Int2), typemap.Of(typemap.Int4), typemap.Of(typemap.Int8),
	typemap.Of(typemap.Oid), typemap.Of(typemap.Float4), typemap.Of(typemap.Float8), typemap.Of(typemap.Numeric),
	numericT(10, 2), typemap.Of(typemap.Text), charT(typemap.BPChar, 3), typemap.Of(typemap.Bytea),
	typemap.Of(typemap.Date), typemap.Of(typemap.Time), typemap.Of(typemap.Timestamp), typemap.Of(typemap.Timestamptz),
	typemap.Of(typemap.JSON), typemap.Of(typemap.JSONB), typemap.Of(typemap.UUID), typemap.Of(typemap.Char),
	typemap.Of(typemap.Interval), {OID: 0, Typmod: -1},
}

// FuzzDecodeParam: client input never panics and every refusal is a PostgreSQL error.
func FuzzDecodeParam(f *testing.F) {
	for _, seed := range []string{"1", "abc", "2024-01-31 10:00:00+05", "1e400", `\x00ff`, "{}", "-0.5e-3",
		"24:00", "epoch", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "\x00\x01\x00\x00\x00\x00\x00\x02\x27\x0f"} {
		f.Add(uint8(0), int16(0), []byte(seed))
		f.Add(uint8(7), int16(1), []byte(seed))
	}
	s := &typemap.Settings{TimeZone: mustZone(f, "America/New_York"), ExtraFloatDigits: 1}
	f.Fuzz(func(t *testing.T, typ uint8, format int16, v []byte) {
		_, err := typemap.DecodeParam(fuzzTypes[int(typ)%len(fuzzTypes)], format%3, v, s)
		if err != nil {
			if _, ok := pgerror.As(err); !ok {
				t.Fatalf("not a PostgreSQL error: %v", err)
			}
		}
	})
}

// FuzzEncode: whatever TiDB sends, encoding never panics and fails only with PostgreSQL
// errors; text and binary agree on whether a value is acceptable.
func FuzzEncode(f *testing.F) {
	for _, seed := range []string{"1", "0.1", "1e20", "2024-01-31 10:00:00.123000", "10:00:00.500000",
		`{"a": [1, 2.5]}`, "1.500000000000000000000000000000", "ab"} {
		f.Add(uint8(0), []byte(seed))
	}
	s := &typemap.Settings{TimeZone: mustZone(f, "Asia/Kolkata"), ExtraFloatDigits: 1}
	f.Fuzz(func(t *testing.T, typ uint8, v []byte) {
		ty := fuzzTypes[int(typ)%len(fuzzTypes)]
		_, errText := typemap.EncodeText(nil, ty, v, s)
		if errText != nil {
			if _, ok := pgerror.As(errText); !ok {
				t.Fatalf("not a PostgreSQL error: %v", errText)
			}
		}
		if !typemap.SupportsBinary(ty.OID) {
			return
		}
		_, errBin := typemap.EncodeBinary(nil, ty, v, s)
		if (errText == nil) != (errBin == nil) {
			t.Fatalf("%s %q: text error %v, binary error %v", ty, v, errText, errBin)
		}
	})
}
