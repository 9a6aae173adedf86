package translate

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser"
	_ "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

var _ = flag.Bool // datadriven registers -rewrite

// TestGolden runs testdata/*.txt. Command `translate [params=int4,text]` takes one PostgreSQL
// statement and prints the TiDB SQL (which must re-parse with TiDB's parser), the command tag,
// the result columns, the parameter map and types — or `error: SQLSTATE message`.
func TestGolden(t *testing.T) {
	// Only the .txt files: testdata/fuzz holds the fuzzer's corpus.
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
				switch d.Cmd {
				case "translate":
					return runTranslate(t, d)
				case "plan":
					return runPlan(t, d)
				}
				t.Fatalf("%s: unknown command %s", d.Pos, d.Cmd)
				return ""
			})
		})
	}
}

func paramTypesArg(t *testing.T, d *datadriven.TestData) []typemap.OID {
	var oids []typemap.OID
	for _, a := range d.CmdArgs {
		if a.Key != "params" {
			continue
		}
		for _, v := range a.Vals {
			if v == "0" || v == "-" {
				oids = append(oids, 0)
				continue
			}
			var found typemap.OID
			for _, oid := range []typemap.OID{typemap.Bool, typemap.Int2, typemap.Int4, typemap.Int8, typemap.Text,
				typemap.Numeric, typemap.Float8, typemap.Date, typemap.Timestamptz, typemap.Timestamp, typemap.Varchar,
				typemap.JSONB, typemap.UUID, typemap.Bytea} {
				if typemap.Lookup(oid).Name == v {
					found = oid
				}
			}
			if found == 0 {
				t.Fatalf("%s: unknown type %s", d.Pos, v)
			}
			oids = append(oids, found)
		}
	}
	return oids
}

func runTranslate(t *testing.T, d *datadriven.TestData) string {
	var tz string
	for _, a := range d.CmdArgs {
		if a.Key == "tz" && len(a.Vals) == 1 {
			tz = a.Vals[0]
		}
	}
	stmt, err := translateSQLZone(d.Input, paramTypesArg(t, d), tz)
	if err != nil {
		pe, ok := pgerror.As(err)
		if !ok {
			t.Fatalf("%s: error without SQLSTATE: %v", d.Pos, err)
		}
		return fmt.Sprintf("error: %s %s\n", pe.Code, pe.Message)
	}
	if _, err := parser.New().ParseOneStmt(stmt.SQL, "", ""); err != nil {
		t.Errorf("%s: TiDB cannot parse the translation %q: %v", d.Pos, stmt.SQL, err)
	}
	if got := strings.Count(stmt.SQL, "?"); got < len(stmt.ParamOrder) {
		t.Errorf("%s: %d markers in SQL but ParamOrder has %d", d.Pos, got, len(stmt.ParamOrder))
	}
	return formatStatement(stmt)
}

func translateSQL(sql string, paramTypes []typemap.OID) (*Statement, error) {
	return translateSQLZone(sql, paramTypes, "")
}

// translateSQLZone translates with the session TimeZone tz ("" = no session settings).
func translateSQLZone(sql string, paramTypes []typemap.OID, tz string) (*Statement, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, pgerror.New("42601", err.Error())
	}
	if len(tree.GetStmts()) != 1 {
		return nil, pgerror.New("42601", "one statement expected")
	}
	ctx := &Context{Resolver: testResolver{}, Database: testDatabase, ParamTypes: paramTypes}
	if tz != "" {
		ctx.Setting = func(name string) (string, bool) {
			if name == "TimeZone" {
				return tz, true
			}
			return "", false
		}
	}
	return Translate(ctx, tree.GetStmts()[0])
}

func formatStatement(s *Statement) string {
	var b strings.Builder
	fmt.Fprintf(&b, "sql: %s\n", s.SQL)
	fmt.Fprintf(&b, "tag: %s\n", s.Tag)
	if len(s.Columns) > 0 {
		var cols []string
		for _, c := range s.Columns {
			cols = append(cols, fmt.Sprintf("%s %s", c.Name, c.Type))
		}
		fmt.Fprintf(&b, "columns: %s\n", strings.Join(cols, ", "))
	}
	if len(s.ParamOrder) > 0 || len(s.ParamTypes) > 0 {
		var order []string
		for _, i := range s.ParamOrder {
			order = append(order, fmt.Sprintf("$%d", i+1))
		}
		var types []string
		for i, ty := range s.ParamTypes {
			types = append(types, fmt.Sprintf("$%d %s", i+1, ty))
		}
		fmt.Fprintf(&b, "params: %s\n", strings.Join(order, " "))
		fmt.Fprintf(&b, "param types: %s\n", strings.Join(types, ", "))
	}
	for _, c := range s.Catalog {
		fmt.Fprintf(&b, "catalog: op=%d %s.%s", c.Op, c.Database, c.Table)
		if c.Schemas {
			b.WriteString(" and its schemas")
		}
		for _, col := range c.Columns {
			fmt.Fprintf(&b, " %s:%s", col.Name, col.Type)
			if col.Identity != 0 {
				fmt.Fprintf(&b, "(identity %c)", col.Identity)
			}
			if col.Sequence != "" {
				fmt.Fprintf(&b, "(owns %s)", col.Sequence)
			}
		}
		for _, x := range c.Texts {
			if x.Kind == catalog.TextSequenceCache {
				fmt.Fprintf(&b, " cache %s", x.Expr.Plain)
			}
		}
		b.WriteString("\n")
	}
	for _, v := range s.SessionValues {
		if v.Cache > 0 {
			fmt.Fprintf(&b, "session value: next of %s.%s from blocks of %d\n", v.Seq.DB, v.Seq.Name, v.Cache)
		} else {
			fmt.Fprintf(&b, "session value: currval of %s.%s\n", v.Seq.DB, v.Seq.Name)
		}
	}
	for _, seq := range s.SequenceResets {
		fmt.Fprintf(&b, "resets this session's block of %s.%s\n", seq.DB, seq.Name)
	}
	for _, seq := range s.SequenceRenews {
		fmt.Fprintf(&b, "renews %s.%s for every session\n", seq.DB, seq.Name)
	}
	return b.String()
}
