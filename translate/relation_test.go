package translate

import "testing"

// TestRelation: INSERT and UPDATE name their target table (for the proxy's not-null and
// check-violation messages); other statements leave Relation empty.
func TestRelation(t *testing.T) {
	cases := []struct{ sql, want string }{
		{"INSERT INTO t (id, b) VALUES (1, 'x')", "t"},
		{"INSERT INTO public.t (id) SELECT 1", "t"},
		{"UPDATE t AS x SET b = NULL WHERE id = 1", "t"},
		{"DELETE FROM t WHERE id = 1", ""},
		{"SELECT id FROM t", ""},
	}
	for _, c := range cases {
		st, err := translateSQL(c.sql, nil)
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if st.Relation != c.want {
			t.Errorf("%s: Relation %q, want %q", c.sql, st.Relation, c.want)
		}
	}
}
