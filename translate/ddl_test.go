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
	// constraints maps "table.name" to pg_constraint's contype letter.
	constraints map[string]string
}

func (r *ddlResolver) ConstraintType(tbl *catalog.Table, name string) (string, error) {
	return r.constraints[tbl.Name+"."+name], nil
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
	_ KeyResolver        = (*ddlResolver)(nil)
	_ IndexResolver      = (*ddlResolver)(nil)
	_ SchemaResolver     = (*ddlResolver)(nil)
	_ ConstraintResolver = (*ddlResolver)(nil)
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
		constraints: map[string]string{"users.users_pkey": "p", "users.users_email_key": "u",
			"users.users_org_fkey": "f", "users.users_email_check": "c"},
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
		{"alter table users drop constraint users_pkey", "ALTER TABLE `app`.`users` DROP PRIMARY KEY"},
		{"alter table users drop constraint users_email_key", "ALTER TABLE `app`.`users` DROP INDEX `users_email_key`"},
		{"alter table users drop constraint users_org_fkey", "ALTER TABLE `app`.`users` DROP FOREIGN KEY `users_org_fkey`"},
		{"alter table users drop constraint users_email_check", "ALTER TABLE `app`.`users` DROP CHECK `users_email_check`"},
		{"alter table users drop constraint nosuch", `ERROR 42704: constraint "nosuch" of relation "users" does not exist`},
		{"alter table users drop constraint if exists nosuch", "DO 0"},
		{"alter table users drop constraint users_email_check, add column x int",
			"ERROR 0A000: ALTER TABLE adding or dropping a CHECK constraint together with other changes is not supported by pgtidb"},
		{"alter table users drop constraint users_email_key, drop constraint users_org_fkey",
			"ALTER TABLE `app`.`users` DROP INDEX `users_email_key`, DROP FOREIGN KEY `users_org_fkey`"},
		{"alter table users rename constraint users_email_key to users_mail_key",
			"ALTER TABLE `app`.`users` RENAME INDEX `users_email_key` TO `users_mail_key`"},
		{"alter table users rename constraint users_org_fkey to x",
			"ERROR 0A000: RENAME CONSTRAINT of a foreign key constraint is not supported by pgtidb"},
		{"alter index users_email_idx rename to users_mail_idx",
			"ALTER TABLE `app`.`users` RENAME INDEX `users_email_idx` TO `users_mail_idx`"},
		{"alter index users_pkey rename to x", "ERROR 0A000: renaming the index of a primary key is not supported by pgtidb"},
		{"alter index if exists nosuch rename to x", "DO 0"},
		{"alter table users alter column id drop not null", `ERROR 42P16: column "id" is in a primary key`},
		{"create schema busy", `ERROR 42P06: schema "busy" already exists`},
		{"create schema if not exists busy", "CREATE DATABASE IF NOT EXISTS `app__busy`"},
		{"create schema fresh", "CREATE DATABASE `app__fresh`"},
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

// TestCreationNamespace: an unqualified CREATE goes to the first existing schema of the
// session's search_path, as in PostgreSQL.
func TestCreationNamespace(t *testing.T) {
	r := newDDLResolver()
	cases := []struct{ path, sql, want string }{
		{`"$user", public`, "create table n1 (a int)", "CREATE TABLE `app`.`n1` (`a` INT)"},
		{"busy, public", "create table n1 (a int)", "CREATE TABLE `app__busy`.`n1` (`a` INT)"},
		{"nosuch, busy", "create view n2 as select 1 as x", "CREATE ALGORITHM = UNDEFINED DEFINER = CURRENT_USER SQL SECURITY DEFINER VIEW `app__busy`.`n2` (`x`) AS SELECT 1 AS `x`"},
		{`"$user", public`, "create table s.n1 (a int)", "CREATE TABLE `app__s`.`n1` (`a` INT)"},
		{"nosuch", "create table n1 (a int)", "ERROR 3F000: no schema has been selected to create in"},
		{"pg_catalog, empty", "create table n1 (a int)", "CREATE TABLE `app__empty`.`n1` (`a` INT)"},
	}
	for _, c := range cases {
		tree, err := pg_query.Parse(c.sql)
		if err != nil {
			t.Fatal(err)
		}
		path := c.path
		ctx := &Context{Resolver: r, Database: dbName, User: "nobody",
			Setting: func(name string) (string, bool) { return path, name == "search_path" }}
		st, err := Translate(ctx, tree.Stmts[0])
		got := ""
		if err != nil {
			got = "ERROR " + pgerror.Code(err) + ": " + err.Error()
		} else {
			got = st.SQL
		}
		if got != c.want {
			t.Errorf("%s [%s]\n got: %s\nwant: %s", c.sql, c.path, got, c.want)
		}
	}
}
