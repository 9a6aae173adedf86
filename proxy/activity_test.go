package proxy

import (
	"strings"
	"testing"
)

// pg_stat_activity shows at most 1023 bytes of a statement, cut on a character boundary
// (PostgreSQL 15: 1022 bytes of "select '" and 700 é).
func TestClipQuery(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"SELECT 1", 8},
		{strings.Repeat("x", 1023), 1023},
		{strings.Repeat("x", 1024), 1023},
		{"select '" + strings.Repeat("é", 700) + "' as long;", 1022},
	} {
		if got := clipQuery(c.in); len(got) != c.want || !strings.HasPrefix(c.in, got) {
			t.Errorf("clipQuery(%.20q…) has %d bytes, want %d", c.in, len(got), c.want)
		}
	}
}
