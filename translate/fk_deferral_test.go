package translate

import (
	"strings"
	"testing"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// deferralsOf lists the TextDeferral texts of the statement's catalog change, "name=text".
func deferralsOf(st *Statement) []string {
	var out []string
	for _, c := range st.Catalog {
		for _, x := range c.Texts {
			if x.Kind == catalog.TextDeferral {
				out = append(out, x.Name+"="+x.Expr.Plain)
			}
		}
	}
	return out
}

func TestForeignKeyDeferral(t *testing.T) {
	withFK := newDDLResolver()
	withFK.tables["public.users"].Texts = []catalog.Text{{Kind: catalog.TextDeferral, Name: "users_org_fkey", Expr: catalog.Expr{Plain: catalog.Deferrable}}}
	cases := []struct{ sql, want string }{
		{"create table p (a int references users deferrable initially deferred, b int references users initially deferred, " +
			"c int references users deferrable, d int references users not deferrable initially immediate, e int, " +
			"constraint e_fk foreign key (e) references users deferrable)",
			"p_a_fkey=DEFERRABLE INITIALLY DEFERRED p_b_fkey=DEFERRABLE INITIALLY DEFERRED p_c_fkey=DEFERRABLE e_fk=DEFERRABLE"},
		{"create table p (a int references users)", ""},
		{"alter table users add constraint users_x_fkey foreign key (id) references users (id) deferrable initially deferred",
			"users_org_fkey=DEFERRABLE users_x_fkey=DEFERRABLE INITIALLY DEFERRED"},
		{"alter table users drop constraint users_org_fkey", ""},
		{"create table p (a int not null deferrable)", "ERROR 42601: misplaced DEFERRABLE clause"},
		{"create table p (a int check (a > 0) initially deferred)", "ERROR 42601: misplaced INITIALLY DEFERRED clause"},
		{"create table p (a int references users deferrable not deferrable)", "ERROR 42601: multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed"},
		{"create table p (a int references users not deferrable initially deferred)", "ERROR 42601: constraint declared INITIALLY DEFERRED must be DEFERRABLE"},
		{"create table p (a int references users initially deferred initially immediate)", "ERROR 42601: multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed"},
		{"create table p (a int unique deferrable)", "ERROR 0A000: DEFERRABLE UNIQUE constraints is not supported by pgtidb"},
		{"create table p (a int, primary key (a) deferrable)", "ERROR 0A000: DEFERRABLE PRIMARY KEY constraints is not supported by pgtidb"},
		{"create table p (a int unique not deferrable initially immediate)", ""},
	}
	for _, c := range cases {
		st, err := translateOne(t, withFK, c.sql)
		got := ""
		if err != nil {
			pe, _ := pgerror.As(err)
			got = "ERROR " + pe.Code + ": " + pe.Message
		} else {
			got = strings.Join(deferralsOf(st), " ")
		}
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.sql, got, c.want)
		}
	}
}
