package translate

import (
	"math"
	"strconv"
	"testing"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// TestNumericKey checks the proxy's rounding of numeric ON CONFLICT keys to the column's scale.
func TestNumericKey(t *testing.T) {
	for _, c := range []struct {
		in   string
		p, s int
		want string
		ok   bool
	}{
		{"1.500000000000000000000000000000", 6, 2, "1.50", true},
		{"1.5", 6, 2, "1.50", true},
		{"2.005", 6, 2, "2.01", true},
		{"-2.005", 6, 2, "-2.01", true},
		{"-0.001", 6, 2, "0.00", true},
		{"9999.994", 6, 2, "9999.99", true},
		{"9999.995", 6, 2, "", false},
		{"12345.678", 6, 2, "", false},
		{"7", 3, 0, "7", true},
		{"0.5", 3, 0, "1", true},
		{"999.5", 3, 0, "", false},
		{"0.09", 2, 2, "0.09", true},
		{"1", 2, 2, "", false},
		{"abc", 6, 2, "", false},
		{"", 6, 2, "", false},
	} {
		got, ok := numericKey([]byte(c.in), c.p, c.s)
		if ok != c.ok || ok && string(got) != c.want {
			t.Errorf("numericKey(%q, %d, %d) = %q, %v; want %q, %v", c.in, c.p, c.s, got, ok, c.want, c.ok)
		}
	}
}

// TestFloatKey checks the canonical text of the value a float key column stores for a
// double's exact text (TiDB's CAST(CAST(x AS DOUBLE) AS CHAR)), with PostgreSQL's float8 to
// float4 overflow and underflow errors.
func TestFloatKey(t *testing.T) {
	for _, c := range []struct {
		in     string
		float4 bool
		want   string
		code   string
	}{
		{"0.1", false, "0.1", ""},
		{"0.1", true, "0.10000000149011612", ""},
		{"0.10000000149011612", true, "0.10000000149011612", ""},
		{"-0", false, "0", ""},
		{"-0", true, "0", ""},
		{"16777217", true, "1.6777216e+07", ""},
		{"0.30000000000000004", false, "0.30000000000000004", ""},
		{strconv.FormatFloat(math.MaxFloat64, 'f', -1, 64), false, "1.7976931348623157e+308", ""},
		{strconv.FormatFloat(math.SmallestNonzeroFloat64, 'f', -1, 64), false, "5e-324", ""},
		{"340282350000000000000000000000000000000", true, "3.4028234663852886e+38", ""},
		{"340282357000000000000000000000000000000", true, "", "22003"},
		{"-1e39", true, "", "22003"},
		{"1e-50", true, "", "22003"},
		{"1e-45", true, "1.401298464324817e-45", ""},
		{"x", false, "", "XX000"},
	} {
		ty := typemap.Of(typemap.Float8)
		if c.float4 {
			ty = typemap.Of(typemap.Float4)
		}
		got, err := floatKey(ty, []byte(c.in))
		code := ""
		if err != nil {
			pe, _ := pgerror.As(err)
			code = pe.Code
		}
		if code != c.code || err == nil && string(got) != c.want {
			t.Errorf("floatKey(%q, float4 %v) = %q, %q; want %q, %q", c.in, c.float4, got, code, c.want, c.code)
		}
	}
}
