package translate

import "testing"

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
