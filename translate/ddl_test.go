package translate

import (
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// ddlResolver is a catalog.Resolver that also implements the optional extensions DDL uses:
// KeyResolver, IndexResolver and SchemaResolver.
type ddlResolver struct {
	tables  map[string]*catalog.Table // "schema.name"
	pkeys   map[string][]string       // "schema.name"
	indexes map[string]string         // "schema.index" → table
	unique  map[string]bool           // "schema.index" implements a constraint
	schemas map[string]bool           // schema → empty
}

func (r *ddlResolver) LookupTable(schema, name string) (*catalog.Table, error) {
	if schema == "" {
		schema = "public"
	}
	return r.tables[schema+"."+name], nil
}

func (r *ddlResolver) PrimaryKey(schema, table string) ([]string, error) {
	if schema == "" {
		schema = "public"
	}
	return r.pkeys[schema+"."+table], nil
}

func (r *ddlResolver) LookupIndex(schema, name string) (*catalog.Table, bool, error) {
	if schema == "" {
		schema = "public"
	}
	tbl, ok := r.indexes[schema+"."+name]
	if !ok {
		return nil, false, nil
	}
	return r.tables[schema+"."+tbl], r.unique[schema+"."+name], nil
}

func (r *ddlResolver) SchemaIsEmpty(schema string) (bool, bool, error) {
	empty, ok := r.schemas[schema]
	return empty, ok, nil
}

var (
	_ KeyResolver    = (*ddlResolver)(nil)
	_ IndexResolver  = (*ddlResolver)(nil)
	_ SchemaResolver = (*ddlResolver)(nil)
)

func newDDLResolver() *ddlResolver {
	users := &catalog.Table{Schema: "public", Name: "users", Database: "app", Columns: []catalog.Column{
		{Name: "id", Type: typemap.Of(typemap.Int4), NotNull: true},
		{Name: "email", Type: typemap.Of(typemap.Text)},
	}}
	return &ddlResolver{
		tables:  map[string]*catalog.Table{"public.users": users},
		pkeys:   map[string][]string{"public.users": {"id"}},
		indexes: map[string]string{"public.users_email_idx": "users", "public.users_pkey": "users"},
		unique:  map[string]bool{"public.users_pkey": true},
		schemas: map[string]bool{"empty": true, "busy": false},
	}
}

// dbName is the PostgreSQL database translateOne translates in.
var dbName = "app"

func translateOne(t *testing.T, r catalog.Resolver, sql string) (*Statement, error) {
	t.Helper()
	tree, err := pg_query.Parse(sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	st, err := Translate(&Context{Resolver: r, Database: dbName}, tree.Stmts[0])
	if err == nil {
		if _, _, perr := parser.New().Parse(st.SQL, "", ""); perr != nil {
			t.Errorf("%s: TiDB cannot parse %q: %v", sql, st.SQL, perr)
		}
	}
	return st, err
}

func TestDDLWithResolverExtensions(t *testing.T) {
	r := newDDLResolver()
	cases := []struct{ sql, want string }{
		{"create table posts (id int primary key, author int references users on delete cascade)",
			"CREATE TABLE `app`.`posts` (`id` INT NOT NULL,`author` INT,PRIMARY KEY(`id`),CONSTRAINT `posts_author_fkey` FOREIGN KEY (`author`) REFERENCES `app`.`users`(`id`) ON DELETE CASCADE)"},
		{"create index on users (email)", "CREATE INDEX `users_email_idx1` ON `app`.`users` (`email`(768))"},
		{"create index users_email_idx on users (id)", `ERROR 42P07: relation "users_email_idx" already exists`},
		{"create index if not exists users_email_idx on users (id)", "DO 0"},
		{"create index users on users (id)", `ERROR 42P07: relation "users" already exists`},
		{"drop index users_email_idx", "DROP INDEX `users_email_idx` ON `app`.`users`"},
		{"drop index if exists public.nosuch", "DO 0"},
		{"drop index nosuch", `ERROR 42704: index "nosuch" does not exist`},
		{"drop index users_pkey", "ERROR 2BP01: cannot drop index users_pkey because constraint users_pkey on table users requires it"},
		{"drop schema empty", "DROP DATABASE `app__empty`"},
		{"drop schema busy", "ERROR 2BP01: cannot drop schema busy because other objects depend on it"},
		{"drop schema nosuch", `ERROR 3F000: schema "nosuch" does not exist`},
		{"drop schema if exists nosuch", "DROP DATABASE IF EXISTS `app__nosuch`"},
	}
	for _, c := range cases {
		st, err := translateOne(t, r, c.sql)
		got := ""
		if err != nil {
			got = "ERROR " + pgerror.Code(err) + ": " + err.Error()
		} else {
			got = st.SQL
		}
		if got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.sql, got, c.want)
		}
	}
}

func TestDDLWithoutResolverExtensions(t *testing.T) {
	r := &plainResolver{newDDLResolver()}
	for _, sql := range []string{
		"create table posts (author int references users)",
		"drop index users_email_idx",
		"drop schema empty",
	} {
		_, err := translateOne(t, r, sql)
		if pgerror.Code(err) != "0A000" {
			t.Errorf("%s: got %v, want 0A000", sql, err)
		}
	}
	st, err := translateOne(t, r, "create index on users (email)")
	if err != nil || !strings.Contains(st.SQL, "`users_email_idx`") {
		t.Errorf("unnamed index without IndexResolver: %v %v", st, err)
	}
}

// plainResolver hides the optional extensions of the resolver it wraps.
type plainResolver struct{ r *ddlResolver }

func (p *plainResolver) LookupTable(schema, name string) (*catalog.Table, error) {
	return p.r.LookupTable(schema, name)
}
