package translate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// keyedResolver is testResolver with primary keys (KeyResolver), for plans: every test table
// has the primary key (id) except types and those listed in keyedTables.
type keyedResolver struct{ testResolver }

// keyedTables are extra tables of the plan tests, with their primary keys.
var keyedTables = map[string]struct {
	tbl *catalog.Table
	pk  []string
}{
	"pair": {&catalog.Table{Schema: "public", Name: "pair", Columns: []catalog.Column{
		col("a", ty(typemap.Int8), true), col("b", ty(typemap.Text), true), col("v", ty(typemap.Int4), false)}},
		[]string{"a", "b"}},
	"nokey": {&catalog.Table{Schema: "public", Name: "nokey", Columns: []catalog.Column{
		col("a", ty(typemap.Int4), false), col("b", ty(typemap.Text), false)}}, nil},
	// nokeyt has no primary key and columns whose stored value differs from the literal.
	"nokeyt": {&catalog.Table{Schema: "public", Name: "nokeyt", Columns: []catalog.Column{
		{Name: "s", Type: ty(typemap.Int4), NotNull: true, HasDefault: true, Sequence: "nokeyt_s_seq"},
		col("n", typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(5, 2)}, false),
		col("c", typemap.Type{OID: typemap.Varchar, Typmod: typemap.CharTypmod(3)}, false),
		col("ch", typemap.Type{OID: typemap.BPChar, Typmod: typemap.CharTypmod(4)}, false),
		{Name: "at", Type: ty(typemap.Timestamptz), HasDefault: true},
		col("j", ty(typemap.JSONB), false), col("f", ty(typemap.Float8), false)}}, nil},
	"dkey": {&catalog.Table{Schema: "public", Name: "dkey", Columns: []catalog.Column{
		col("d", ty(typemap.Date), true), col("v", ty(typemap.Int4), false)}}, []string{"d"}},
	// ser has a SERIAL key, ident a GENERATED ALWAYS and identd a BY DEFAULT identity key;
	// taken_id_seq is a relation whose name CREATE TABLE taken (id serial) must avoid.
	"ser": {&catalog.Table{Schema: "public", Name: "ser", Columns: []catalog.Column{
		{Name: "id", Type: ty(typemap.Int4), NotNull: true, HasDefault: true, Sequence: "ser_id_seq"},
		col("b", ty(typemap.Text), false)}}, []string{"id"}},
	"ident": {&catalog.Table{Schema: "public", Name: "ident", Columns: []catalog.Column{
		{Name: "id", Type: ty(typemap.Int8), NotNull: true, HasDefault: true, Identity: 'a', Sequence: "ident_id_seq"},
		col("v", ty(typemap.Text), false)}}, []string{"id"}},
	"identd": {&catalog.Table{Schema: "public", Name: "identd", Columns: []catalog.Column{
		{Name: "id", Type: ty(typemap.Int2), NotNull: true, HasDefault: true, Identity: 'd', Sequence: "identd_id_seq"},
		col("v", ty(typemap.Text), false)}}, []string{"id"}},
	"taken_id_seq": {&catalog.Table{Schema: "public", Name: "taken_id_seq", Columns: []catalog.Column{
		col("last_value", ty(typemap.Int8), true)}}, nil},
	// up has a primary key and a UNIQUE text column (see uniqueKeys); ujson a json column.
	"up": {&catalog.Table{Schema: "public", Name: "up", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true), col("u", ty(typemap.Text), false), col("v", ty(typemap.Int4), false),
		{Name: "d", Type: ty(typemap.Int4), HasDefault: true}}}, []string{"id"}},
	"nn": {&catalog.Table{Schema: "public", Name: "nn", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true), col("name", ty(typemap.Text), true),
		{Name: "q", Type: ty(typemap.Int4), NotNull: true, HasDefault: true}}}, []string{"id"}},
	"withf": {&catalog.Table{Schema: "public", Name: "withf", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true), col("f", ty(typemap.Float8), false)}}, []string{"id"}},
	"uexpr": {&catalog.Table{Schema: "public", Name: "uexpr", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true), col("u", ty(typemap.Text), false)}}, []string{"id"}},
	"nokeyu": {&catalog.Table{Schema: "public", Name: "nokeyu", Columns: []catalog.Column{
		col("a", ty(typemap.Int4), false), col("b", ty(typemap.Text), false)}}, nil},
	"ujson": {&catalog.Table{Schema: "public", Name: "ujson", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true), col("j", ty(typemap.JSONB), false)}}, []string{"id"}},
	// tkeys has arbiter keys of the types ON CONFLICT reads back cast to the column's type.
	"tkeys": {&catalog.Table{Schema: "public", Name: "tkeys", Columns: []catalog.Column{
		col("id", ty(typemap.UUID), true), col("d", ty(typemap.Date), false),
		col("p", typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(6, 2)}, false),
		col("b", ty(typemap.Bool), false), col("t", ty(typemap.Timestamptz), false),
		col("v", ty(typemap.Int4), false)}}, []string{"id"}},
	// nokeyf has no primary key and float columns (d with a default).
	"nokeyf": {&catalog.Table{Schema: "public", Name: "nokeyf", Columns: []catalog.Column{
		col("r", ty(typemap.Float4), false), {Name: "d", Type: ty(typemap.Float8), HasDefault: true},
		col("n", ty(typemap.Int4), false)}}, nil},
	// fu has a real arbiter column besides its primary key.
	"fu": {&catalog.Table{Schema: "public", Name: "fu", Columns: []catalog.Column{
		col("id", ty(typemap.Int4), true), col("r", ty(typemap.Float4), false), col("v", ty(typemap.Int4), false)}},
		[]string{"id"}},
	"fkey": {&catalog.Table{Schema: "public", Name: "fkey", Columns: []catalog.Column{
		col("f", ty(typemap.Float8), true), col("v", ty(typemap.Int4), false)}}, []string{"f"}},
}

// uniqueKeys are the unique indexes of the plan tests' tables besides their primary keys.
var uniqueKeys = map[string][]catalog.UniqueKey{
	"up":     {{Name: "up_u_key", Columns: []string{"u"}}},
	"uexpr":  {{Name: "uexpr_lower", Columns: []string{""}, Expression: true, Expressions: []string{"lower(`u`)"}}},
	"nokeyu": {{Name: "nokeyu_a_b_key", Columns: []string{"a", "b"}}},
	"tkeys":  {{Name: "tkeys_d_p_b_t_key", Columns: []string{"d", "p", "b", "t"}}},
	"fu":     {{Name: "fu_r_key", Columns: []string{"r"}}},
}

// UniqueKeys implements UniqueKeyResolver.
func (r keyedResolver) UniqueKeys(tbl *catalog.Table) ([]catalog.UniqueKey, error) {
	pk, err := r.PrimaryKey(tbl.Schema, tbl.Name)
	if err != nil {
		return nil, err
	}
	var keys []catalog.UniqueKey
	if len(pk) > 0 {
		keys = append(keys, catalog.UniqueKey{Name: tbl.Name + "_pkey", Primary: true, Columns: pk})
	}
	return append(keys, uniqueKeys[tbl.Name]...), nil
}

// ConstraintType implements ConstraintResolver: up has CHECK constraint up_v_check.
func (r keyedResolver) ConstraintType(tbl *catalog.Table, name string) (string, error) {
	if tbl.Name == "up" && name == "up_v_check" {
		return "c", nil
	}
	return "", nil
}

func (r keyedResolver) LookupTable(schema, name string) (*catalog.Table, error) {
	if k, ok := keyedTables[name]; ok && (schema == "" || schema == "public") {
		cp := *k.tbl
		cp.Database = catalog.TiDBDatabase(testDatabase, "public")
		// As TiDB shows it: a SERIAL or identity column's default draws from its sequence.
		cp.Columns = append([]catalog.Column(nil), cp.Columns...)
		for i, c := range cp.Columns {
			if c.Sequence != "" && c.HasDefault {
				cp.Columns[i].DefaultSequence = catalog.SequenceName{DB: cp.Database, Name: c.Sequence}
			}
		}
		return &cp, nil
	}
	return r.testResolver.LookupTable(schema, name)
}

func (r keyedResolver) PrimaryKey(schema, table string) ([]string, error) {
	if k, ok := keyedTables[table]; ok {
		return k.pk, nil
	}
	if table == "types" {
		return nil, nil
	}
	return []string{"id"}, nil
}

// runPlan is the `plan [params=…]` command: like translate, with a resolver that knows
// primary keys, printing a plan's steps in order (key-dependent steps with sample keys 1, 2).
func runPlan(t *testing.T, d *datadriven.TestData) string {
	tree, err := pg_query.Parse(d.Input)
	if err != nil {
		return fmt.Sprintf("error: 42601 %s\n", err)
	}
	ctx := &Context{Resolver: keyedResolver{}, Database: testDatabase, ParamTypes: paramTypesArg(t, d)}
	stmt, err := Translate(ctx, tree.GetStmts()[0])
	if err != nil {
		pe, ok := pgerror.As(err)
		if !ok {
			t.Fatalf("%s: error without SQLSTATE: %v", d.Pos, err)
		}
		return fmt.Sprintf("error: %s %s\n", pe.Code, pe.Message)
	}
	if stmt.Plan == nil {
		if _, err := parser.New().ParseOneStmt(stmt.SQL, "", ""); err != nil {
			t.Errorf("%s: TiDB cannot parse the translation %q: %v", d.Pos, stmt.SQL, err)
		}
		return formatStatement(stmt)
	}
	var b strings.Builder
	for i, st := range stmt.Plan.Steps {
		if st.Kind == returning.ReturnCollected || st.Kind == returning.Compute {
			fmt.Fprintf(&b, "%d %s\n", i+1, st.Kind)
			continue
		}
		if st.BuildFrom != nil && st.Explain == "" {
			fmt.Fprintf(&b, "%d %s: (nothing to do for the sample rows)\n", i+1, st.Kind)
			continue
		}
		fmt.Fprintf(&b, "%d %s", i+1, st.Kind)
		if st.Keys > 0 {
			fmt.Fprintf(&b, " keys=%d", st.Keys)
		}
		if st.PerKey {
			b.WriteString(" per key")
		}
		if st.Outside {
			b.WriteString(" outside")
		}
		fmt.Fprintf(&b, ": %s\n", st.Explain)
		if len(st.ParamOrder) > 0 {
			var order []string
			for _, p := range st.ParamOrder {
				order = append(order, fmt.Sprintf("$%d", p+1))
			}
			fmt.Fprintf(&b, "  params: %s\n", strings.Join(order, " "))
		}
		if len(st.RetryKeys) > 0 {
			fmt.Fprintf(&b, "  rerun from step %d on a duplicate key in: %s\n", st.RetryFrom+1, strings.Join(st.RetryKeys, ", "))
		}
		if _, err := parser.New().ParseOneStmt(st.Explain, "", ""); err != nil {
			t.Errorf("%s: TiDB cannot parse step %d %q: %v", d.Pos, i+1, st.Explain, err)
		}
		if got := countMarkers(st.Explain); got != len(st.ParamOrder) {
			t.Errorf("%s: step %d has %d markers but %d params", d.Pos, i+1, got, len(st.ParamOrder))
		}
		if st.BuildFrom != nil {
			// Built from what earlier steps read: nothing to build without it.
			if sql, _, err := st.BuildFrom(nil); err == nil || sql != "" {
				t.Errorf("%s: step %d builds %q without collected rows", d.Pos, i+1, sql)
			}
			continue
		}
		// A static step builds the explained SQL; a key-dependent one builds nothing without keys.
		sql, err := st.Build(nil)
		if err != nil {
			t.Errorf("%s: step %d: Build: %v", d.Pos, i+1, err)
		}
		if st.Keys == 0 && sql != "" && sql != strings.ReplaceAll(st.Explain, "", "") {
			t.Errorf("%s: step %d builds %q, explained %q", d.Pos, i+1, sql, st.Explain)
		}
	}
	s := formatStatement(stmt)
	// The statement's own SQL is the first step's; show the rest of the description.
	b.WriteString(s[strings.Index(s, "\n")+1:])
	return b.String()
}

// countMarkers counts the `?` markers of a restored TiDB statement, outside quoted names and
// strings (`?column?`).
func countMarkers(sql string) int {
	n := 0
	var quote byte
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case quote != 0 && c == '\\' && quote == '\'':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '`' || c == '\'':
			quote = c
		case c == '?':
			n++
		}
	}
	return n
}
