package translate

import (
	"sort"
	"testing"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

var _ SequenceOwnerResolver = keyedResolver{}

// SequenceOwner implements SequenceOwnerResolver over the plan tests' tables.
func (r keyedResolver) SequenceOwner(tidbDB, seq string) (*catalog.Table, string, error) {
	for name := range keyedTables {
		tbl, err := r.LookupTable("", name)
		if err != nil || tbl == nil || tbl.Database != tidbDB {
			continue
		}
		for _, c := range tbl.Columns {
			if c.Sequence == seq {
				return tbl, c.Name, nil
			}
		}
	}
	return nil, "", nil
}

// SequenceDefaults implements SequenceOwnerResolver over the plan tests' tables.
func (r keyedResolver) SequenceDefaults(tidbDB, seq string) ([]catalog.ColumnRef, error) {
	var out []catalog.ColumnRef
	for name := range keyedTables {
		tbl, err := r.LookupTable("", name)
		if err != nil || tbl == nil {
			continue
		}
		for _, c := range tbl.Columns {
			if c.DefaultSequence == (catalog.SequenceName{DB: tidbDB, Name: seq}) {
				out = append(out, catalog.ColumnRef{DB: tbl.Database, Table: tbl.Name, Column: c.Name})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Table < out[j].Table })
	return out, nil
}

func init() {
	// seq1 is a sequence (a relation without columns) and ser_id_seq the one ser.id owns.
	keyedTables["seq1"] = struct {
		tbl *catalog.Table
		pk  []string
	}{&catalog.Table{Schema: "public", Name: "seq1", Sequence: true}, nil}
	keyedTables["ser_id_seq"] = struct {
		tbl *catalog.Table
		pk  []string
	}{&catalog.Table{Schema: "public", Name: "ser_id_seq", Sequence: true}, nil}
	// cseq is a CACHE 20 sequence; cached.id draws from it (seqcache.go).
	keyedTables["cseq"] = struct {
		tbl *catalog.Table
		pk  []string
	}{&catalog.Table{Schema: "public", Name: "cseq", Sequence: true,
		Texts: []catalog.Text{{Kind: catalog.TextSequenceCache, Expr: catalog.Expr{Plain: "20"}}}}, nil}
	keyedTables["cached"] = struct {
		tbl *catalog.Table
		pk  []string
	}{&catalog.Table{Schema: "public", Name: "cached", Columns: []catalog.Column{
		{Name: "id", Type: typemap.Of(typemap.Int8), NotNull: true, HasDefault: true, Sequence: "cseq"},
		{Name: "other", Type: typemap.Of(typemap.Int8)},
		{Name: "v", Type: typemap.Of(typemap.Text)}}}, []string{"id"}}
}

// TestAlterSequenceCheck runs ALTER SEQUENCE's run-time check on a sequence TiDB describes as
// START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775806 (PostgreSQL's bigint default).
func TestAlterSequenceCheck(t *testing.T) {
	def := []returning.Row{{[]byte("1"), []byte("1"), []byte("1"), []byte("9223372036854775806")}}
	i := func(v int64) *int64 { return &v }
	b := func(v bool) *bool { return &v }
	for _, c := range []struct {
		ch   alterSequenceChange
		want string // SQLSTATE, "" for accepted
	}{
		{alterSequenceChange{maxv: i(1000), restart: true}, ""},
		{alterSequenceChange{maxv: i(1000)}, ""},    // narrowing without RESTART: checkCurrent decides
		{alterSequenceChange{minv: i(-5)}, ""},      // widening
		{alterSequenceChange{minv: i(10)}, "22023"}, // START below MINVALUE
		{alterSequenceChange{minv: i(10), maxv: i(5)}, "22023"},
		{alterSequenceChange{restart: true, restartWith: i(0)}, "22023"},
		{alterSequenceChange{restart: true, restartWith: i(7)}, ""},
		{alterSequenceChange{increment: i(5)}, ""}, // decide moves TiDB's grid
		{alterSequenceChange{increment: i(5), restart: true, restartWith: i(11)}, ""},
		{alterSequenceChange{increment: i(5), restart: true, restartWith: i(12)}, ""},
		{alterSequenceChange{increment: i(1)}, ""},
		{alterSequenceChange{increment: i(-1)}, ""},
		{alterSequenceChange{start: i(9)}, ""},
		{alterSequenceChange{start: i(0)}, "22023"},
		// A CYCLE sequence restarting off its MINVALUE grid: TiDB may have gone round.
		{alterSequenceChange{increment: i(5), cycle: b(true), restart: true, restartWith: i(12)}, "0A000"},
		{alterSequenceChange{increment: i(5), cycle: b(true), restart: true, restartWith: i(11)}, ""},
	} {
		err := c.ch.check(def, "s")
		got := ""
		if pe, ok := pgerror.As(err); ok {
			got = pe.Code
		} else if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%+v: got %q, want %q (%v)", c.ch, got, c.want, err)
		}
	}
}

// TestSetvalCheck runs setval's check: bounds (22003), grid and extremes (0A000), NULLs.
func TestSetvalCheck(t *testing.T) {
	row := func(n, called, start, inc, lo, hi string) returning.Row {
		r := returning.Row{}
		for _, v := range []string{n, called, start, inc, lo, hi, n} {
			if v == "" {
				r = append(r, nil)
			} else {
				r = append(r, []byte(v))
			}
		}
		return r
	}
	for _, c := range []struct {
		rows []returning.Row
		want string
	}{
		{[]returning.Row{row("5", "1", "1", "1", "1", "9223372036854775806")}, ""},
		{[]returning.Row{row("0", "1", "1", "1", "1", "9223372036854775806")}, "22003"},
		{[]returning.Row{row("9223372036854775807", "1", "1", "1", "1", "9223372036854775806")}, "0A000"},
		// Off TiDB's grid or before its START: setval restarts there (setvalOnGrid).
		{[]returning.Row{row("7", "1", "1", "5", "1", "100")}, ""},
		{[]returning.Row{row("11", "1", "1", "5", "1", "100")}, ""},
		{[]returning.Row{row("5", "1", "10", "5", "0", "100")}, ""},
		{[]returning.Row{row("-5", "1", "-10", "-5", "-100", "0")}, ""},
		{[]returning.Row{row("5", "1", "10", "1", "0", "100")}, ""},
		{[]returning.Row{row("", "1", "1", "1", "1", "100")}, ""},
		{[]returning.Row{row("5", "1", "", "", "", "")}, "42P01"},
		{[]returning.Row{row("5", "1", "1", "1", "1", "100"), row("6", "1", "1", "1", "1", "100")}, "0A000"},
	} {
		err := checkSetval(c.rows, sequenceRef{db: "db", name: "s"})
		got := ""
		if pe, ok := pgerror.As(err); ok {
			got = pe.Code
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q (%v)", c.rows, got, c.want, err)
		}
	}
}
