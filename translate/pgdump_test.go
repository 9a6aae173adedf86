package translate

import (
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func init() {
	// The plan tests' tables for pg_dump's forms (testdata/pgdump.txt): dumped is a table as
	// pg_dump restores a SERIAL column, after ALTER SEQUENCE dumped_id_seq OWNED BY
	// dumped.id and before its SET DEFAULT (id is its primary key); bare has a NOT NULL column without a default and
	// bare_seq is a free sequence.
	for _, k := range []*catalog.Table{
		{Schema: "public", Name: "dumped", Columns: []catalog.Column{
			{Name: "id", Type: ty(typemap.Int4), NotNull: true, Sequence: "dumped_id_seq"},
			col("v", ty(typemap.Text), false)}},
		{Schema: "public", Name: "dumped_id_seq", Sequence: true},
		{Schema: "public", Name: "bare", Columns: []catalog.Column{
			col("id", ty(typemap.Int8), true), col("n", ty(typemap.Int4), false), col("t", ty(typemap.Text), true)}},
		{Schema: "public", Name: "bare_seq", Sequence: true},
	} {
		var pk []string
		if k.Name == "dumped" {
			pk = []string{"id"}
		}
		keyedTables[k.Name] = struct {
			tbl *catalog.Table
			pk  []string
		}{k, pk}
	}
}

// TestOwnerTo: OWNER TO the session user (by name or as CURRENT_USER / SESSION_USER) changes
// nothing and is accepted; another role is refused with 0A000.
func TestOwnerTo(t *testing.T) {
	for _, c := range []struct {
		sql, want string // want: SQLSTATE, "" for accepted
	}{
		{"ALTER TABLE public.emp OWNER TO postgres", ""},
		{"ALTER TABLE ONLY emp OWNER TO CURRENT_USER", ""},
		{"ALTER TABLE public.tv OWNER TO postgres", ""},
		{"ALTER VIEW public.tv OWNER TO SESSION_USER", ""},
		{"ALTER SEQUENCE public.bare_seq OWNER TO postgres", ""},
		{"ALTER TABLE public.bare_seq OWNER TO postgres", ""},
		{"ALTER SCHEMA public OWNER TO postgres", ""},
		{"ALTER TABLE IF EXISTS nosuch OWNER TO postgres", ""},
		{"ALTER TABLE public.emp OWNER TO alice", "0A000"},
		{"ALTER SCHEMA public OWNER TO alice", "0A000"},
		{"ALTER TABLE nosuch OWNER TO postgres", "42P01"},
		{"ALTER VIEW public.emp OWNER TO postgres", "42809"},
		{"ALTER SEQUENCE public.emp OWNER TO postgres", "42809"},
		{"ALTER TABLE public.emp OWNER TO postgres, ADD COLUMN x int", "0A000"},
		{"ALTER DATABASE db OWNER TO postgres", "0A000"},
		{"ALTER INDEX emp_pkey OWNER TO postgres", "0A000"},
		{"ALTER MATERIALIZED VIEW tv OWNER TO postgres", "0A000"},
	} {
		tree, err := pg_query.Parse(c.sql)
		if err != nil {
			t.Fatal(err)
		}
		ctx := &Context{Resolver: keyedResolver{}, Database: testDatabase, User: "postgres"}
		stmt, err := Translate(ctx, tree.GetStmts()[0])
		if got := pgerror.Code(err); got != c.want && !(c.want == "" && err == nil) {
			t.Errorf("%s: SQLSTATE %q (%v), want %q", c.sql, got, err, c.want)
			continue
		}
		if err == nil && (stmt.SQL != "DO 0" || len(stmt.Catalog) > 0) {
			t.Errorf("%s: %q with catalog changes %v, want DO 0 and nothing else", c.sql, stmt.SQL, stmt.Catalog)
		}
	}
}
