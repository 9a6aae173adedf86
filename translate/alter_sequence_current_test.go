package translate

import (
	"strconv"
	"testing"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pingcap/tidb/pkg/parser/ast"
)

// TestAlterSequenceCheckCurrent checks PostgreSQL's last_value check of a narrowing ALTER
// SEQUENCE against TiDB's base as SHOW TABLE … NEXT_ROW_ID shows it (base + 1).
func TestAlterSequenceCheckCurrent(t *testing.T) {
	i64 := func(v int64) *int64 { return &v }
	row := func(vals ...string) []returning.Row {
		r := returning.Row{}
		for _, v := range vals {
			r = append(r, []byte(v))
		}
		return []returning.Row{r}
	}
	show := func(next string) []returning.Row {
		return row("db", "s", "", next, "SEQUENCE")
	}
	asc := row("1", "1", "1", "9223372036854775806", "0")
	cases := []struct {
		name string
		ch   alterSequenceChange
		info []returning.Row
		show []returning.Row
		want string // SQLSTATE and message, "" for none
	}{
		// Fresh (base 0): only 1 (is_called false) is within the bounds.
		{"fresh ok", alterSequenceChange{maxv: i64(100)}, asc, show("1"), ""},
		{"fresh below", alterSequenceChange{minv: i64(5), start: i64(5)}, asc, show("1"),
			"22023 RESTART value (1) cannot be less than MINVALUE (5)"},
		// Handed out 3 (base 3): 3 or, after a RESTART WITH 4, 4: both within.
		{"used ok", alterSequenceChange{maxv: i64(10)}, asc, show("4"), ""},
		// The two candidates disagree: refused.
		{"used ambiguous", alterSequenceChange{maxv: i64(3)}, asc, show("4"), "0A000"},
		// Exhausted at its maximum 3: 4 is outside the old bounds.
		{"exhausted", alterSequenceChange{maxv: i64(2)}, row("1", "1", "1", "3", "0"), show("4"),
			"22023 RESTART value (3) cannot be greater than MAXVALUE (2)"},
		// Descending fresh at -1 (base 0).
		{"desc fresh", alterSequenceChange{maxv: i64(-5), start: i64(-5)},
			row("-1", "-1", "-9223372036854775807", "-1", "0"), show("1"),
			"22023 RESTART value (-1) cannot be greater than MAXVALUE (-5)"},
		// TiDB's unusable answer for some negative bases.
		{"unusable", alterSequenceChange{maxv: i64(10)}, asc, show("9223372036854775807"), "0A000"},
		// Recorded is_called (seqstate.go, sixth column): handed out 3, or not called at 4.
		{"called", alterSequenceChange{maxv: i64(3)}, row("1", "1", "1", "9223372036854775806", "0", "called"), show("4"), ""},
		{"called below", alterSequenceChange{maxv: i64(2)}, row("1", "1", "1", "9223372036854775806", "0", "called"), show("4"),
			"22023 RESTART value (3) cannot be greater than MAXVALUE (2)"},
		{"not called", alterSequenceChange{maxv: i64(3)}, row("1", "1", "1", "9223372036854775806", "0", "4"), show("4"),
			"22023 RESTART value (4) cannot be greater than MAXVALUE (3)"},
		// Recorded not called at 4, but 4 was handed out since (TiDB's next is 5).
		{"called since", alterSequenceChange{maxv: i64(4)}, row("1", "1", "1", "9223372036854775806", "0", "4"), show("5"), ""},
		// Not narrowing: no check.
		{"widening", alterSequenceChange{maxv: i64(9223372036854775807)}, row("1", "1", "1", "3", "0"), show("4"), ""},
	}
	for _, c := range cases {
		pos, base, known := sequencePositions(c.info, c.show)
		err := c.ch.checkCurrent(c.info, pos, base, known, "s")
		got := ""
		if err != nil {
			pe, ok := err.(*pgerror.Error)
			if !ok {
				t.Fatalf("%s: %v", c.name, err)
			}
			got = pe.Code
			if c.want != "0A000" {
				got += " " + pe.Message
			}
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	for _, g := range []struct{ base, off, inc, want int64 }{
		{0, 1, 1, 1}, {1, 1, 2, 3}, {2, 1, 2, 3}, {-6, -5, 3, -5}, {0, -1, -1, -1}, {-1, -1, -2, -3}, {-2, -1, -2, -3},
	} {
		if v, ok := nextOnGrid(g.base, g.off, g.inc); !ok || v != g.want {
			t.Errorf("nextOnGrid(%d, %d, %d) = %d, want %s", g.base, g.off, g.inc, v, strconv.FormatInt(g.want, 10))
		}
	}
}

// TestCycleGridDiffers: a CYCLE sequence's grid after going round (MINVALUE ascending,
// MAXVALUE descending) against START's.
func TestCycleGridDiffers(t *testing.T) {
	for _, c := range []struct {
		start, inc, lo, hi int64
		want               bool
	}{
		{2, 2, 1, 6, true},
		{3, 2, 1, 6, false},
		{5, 1, 1, 6, false},
		{-1, -2, -7, 0, true},
		{-2, -2, -7, 0, false},
		{1, 5, -9223372036854775808, 9223372036854775807, true},
		{-1, -5, -9223372036854775808, 9223372036854775807, true},
	} {
		if got := cycleGridDiffers(c.start, c.inc, c.lo, c.hi); got != c.want {
			t.Errorf("cycleGridDiffers(%d, %d, %d, %d) = %v, want %v", c.start, c.inc, c.lo, c.hi, got, c.want)
		}
	}
}

// TestAlterSequenceDecide checks what ALTER SEQUENCE does to TiDB's START (the grid its values
// lie on) and what it records (seqstate.go), for a sequence TiDB holds at START 1 INCREMENT 5
// MINVALUE 1 MAXVALUE 100 whose PostgreSQL START is 1.
func TestAlterSequenceDecide(t *testing.T) {
	i64 := func(v int64) *int64 { return &v }
	def := func(pos ...string) []returning.Row {
		r := returning.Row{[]byte("1"), []byte("5"), []byte("1"), []byte("100"), []byte("0"), nil, []byte("1")}
		for _, p := range pos {
			r = append(r, []byte(p))
		}
		return []returning.Row{r}
	}
	for _, c := range []struct {
		name string
		ch   alterSequenceChange
		keys []returning.Row
		want string // TiDB statement | state | PostgreSQL START, or the SQLSTATE
	}{
		{"restart", alterSequenceChange{restart: true}, def(),
			"ALTER SEQUENCE `s` START WITH 1 RESTART WITH 1 | 1 | 1"},
		{"restart off grid", alterSequenceChange{restart: true, restartWith: i64(13)}, def(),
			"ALTER SEQUENCE `s` START WITH 13 RESTART WITH 13 | 13 | 1"},
		{"start alone", alterSequenceChange{start: i64(7)}, def(),
			"DO 0 |  | 7"},
		{"start and restart", alterSequenceChange{start: i64(7), restart: true}, def(),
			"ALTER SEQUENCE `s` START WITH 7 RESTART WITH 7 | 7 | 7"},
		{"increment, called", alterSequenceChange{increment: i64(3)}, def("21", "called"),
			"ALTER SEQUENCE `s` INCREMENT BY 3 START WITH 21 | called | 1"},
		{"increment, not called", alterSequenceChange{increment: i64(3)}, def("21", "next"),
			"ALTER SEQUENCE `s` INCREMENT BY 3 START WITH 21 RESTART WITH 21 | 21 | 1"},
		{"increment, unknown", alterSequenceChange{increment: i64(3)}, def(), "0A000"},
		{"bounds keep START", alterSequenceChange{maxv: i64(50)}, def("21", "called"),
			"ALTER SEQUENCE `s` MAXVALUE 50 |  | "},
		{"bounds move START", alterSequenceChange{minv: i64(9)}, def("21", "called"),
			"ALTER SEQUENCE `s` MINVALUE 9 START WITH 11 |  | 1"},
	} {
		got := ""
		d, err := c.ch.decide(c.keys, "s")
		if err != nil {
			pe, ok := err.(*pgerror.Error)
			if !ok {
				t.Fatalf("%s: %v", c.name, err)
			}
			got = pe.Code
		} else {
			sql, err := restorePlain(c.ch.statement(&ast.TableName{Name: cistr("s")}, false, d))
			if err != nil {
				t.Fatal(err)
			}
			got = sql + " | " + d.state + " | " + d.pgStart
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
