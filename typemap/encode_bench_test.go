package typemap_test

import (
	"testing"

	"github.com/pgtidb/pgtidb/typemap"
)

func BenchmarkEncodeText(b *testing.B) {
	s := typemap.DefaultSettings()
	s.TimeZone = mustZone(b, "Europe/Berlin")
	cases := []struct {
		name string
		typ  typemap.Type
		v    string
	}{
		{"int4", typemap.Of(typemap.Int4), "123456"},
		{"float8", typemap.Of(typemap.Float8), "0.30000000000000004"},
		{"float8-large", typemap.Of(typemap.Float8), "1.2345678901234567e20"},
		{"float8-midpoint", typemap.Of(typemap.Float8), "1.866040455066093e16"}, // rare: exact re-check
		{"numeric", numericT(10, 2), "12345.67"},
		{"timestamptz", typemap.Of(typemap.Timestamptz), "2024-01-31 10:00:00.123000"},
		{"text", typemap.Of(typemap.Text), "hello world"},
		{"jsonb", typemap.Of(typemap.JSONB), `{"a": 1, "b": [1, 2, 3], "c": {"d": "e"}}`},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			v := []byte(c.v)
			buf := make([]byte, 0, 256)
			b.ReportAllocs()
			for b.Loop() {
				buf, _ = typemap.EncodeText(buf[:0], c.typ, v, s)
			}
		})
	}
}
