package translate

import (
	"fmt"
	"strings"

	"github.com/jackc/pgerrcode"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
)

// sequenceDrop is what dropping sequences takes with it: DROP SEQUENCE, and the owned
// sequences DROP TABLE and DROP COLUMN drop. PostgreSQL's column defaults depend on the
// sequences they draw from (SERIAL's, or any DEFAULT nextval('s')): without CASCADE such a
// dependent default is 2BP01, with CASCADE it is dropped first — ALTER TABLE … ALTER COLUMN …
// DROP DEFAULT steps ahead of the statement, each undone when a later step fails — with
// PostgreSQL's notice. TiDB's defaults name their sequence, so SequenceDefaults finds them.
type sequenceDrop struct {
	t       *translator
	cascade bool
	// skip reports the columns the statement drops itself (their defaults go with them).
	skip func(catalog.ColumnRef) bool
	// tables are the copies of the tables whose catalog columns change, in order.
	tables map[[2]string]*catalog.Table
	order  [][2]string
	alters []*ast.AlterTableStmt
	undos  []string
	// dependents are PostgreSQL's lines for the defaults: "default value for column c of
	// table t depends on sequence s" (without the last words for the notice).
	dependents, of []string
}

func (t *translator) newSequenceDrop(cascade bool, skip func(catalog.ColumnRef) bool) *sequenceDrop {
	if skip == nil {
		skip = func(catalog.ColumnRef) bool { return false }
	}
	return &sequenceDrop{t: t, cascade: cascade, skip: skip, tables: map[[2]string]*catalog.Table{}}
}

// table is the copy of table name of TiDB database db whose columns the statement changes.
func (d *sequenceDrop) table(db, name string) (*catalog.Table, error) {
	key := [2]string{db, name}
	if prev, ok := d.tables[key]; ok {
		return prev, nil
	}
	schema, _ := catalog.SchemaOf(d.t.ctx.Database, db)
	tbl, err := d.t.ctx.Resolver.LookupTable(schema, name)
	if err != nil || tbl == nil {
		return nil, err
	}
	cp := *tbl
	cp.Columns = append([]catalog.Column(nil), tbl.Columns...)
	d.tables[key] = &cp
	d.order = append(d.order, key)
	return &cp, nil
}

// defaultsOf adds the defaults that draw from sequence seq of TiDB database db.
func (d *sequenceDrop) defaultsOf(db, seq string) error {
	owners, ok := d.t.ctx.Resolver.(SequenceOwnerResolver)
	if !ok {
		return nil
	}
	users, err := owners.SequenceDefaults(db, seq)
	if err != nil {
		return err
	}
	for _, u := range users {
		if d.skip(u) {
			continue
		}
		tbl, err := d.table(u.DB, u.Table)
		if err != nil {
			return err
		}
		var c *catalog.Column
		if tbl != nil {
			c = tbl.Column(u.Column)
		}
		if c == nil {
			continue
		}
		d.dependents = append(d.dependents, fmt.Sprintf("default value for column %s of table %s", u.Column, d.t.describedName(u.DB, u.Table)))
		d.of = append(d.of, d.t.describedName(db, seq))
		c.HasDefault, c.DefaultSequence = false, catalog.SequenceName{}
		target := &ast.TableName{Schema: cistr(u.DB), Name: cistr(u.Table)}
		d.alters = append(d.alters, &ast.AlterTableStmt{Table: target, Specs: []*ast.AlterTableSpec{dropDefaultSpec(u.Column, c.NotNull)}})
		undo, err := restorePlain(setDefaultNextval(u, db, seq))
		if err != nil {
			return err
		}
		d.undos = append(d.undos, undo)
	}
	return nil
}

// describedName is relation name of TiDB database db as PostgreSQL's messages describe it:
// quoted as needed, qualified unless its schema is on the search path.
func (t *translator) describedName(db, name string) string {
	schema, _ := catalog.SchemaOf(t.ctx.Database, db)
	if path, err := t.searchPathSchemas(); err == nil {
		for _, s := range path {
			if s == schema {
				return quoteIdent(name)
			}
		}
	}
	return quoteIdent(schema) + "." + quoteIdent(name)
}

// check is PostgreSQL's 2BP01 for dropping what (`sequence s`, `table t`, `column c of table
// t`, named only when it fails) while defaults depend on it, unless CASCADE.
func (d *sequenceDrop) check(what func() string) error {
	if d.cascade || len(d.dependents) == 0 {
		return nil
	}
	lines := make([]string, len(d.dependents))
	for i, dep := range d.dependents {
		lines[i] = dep + " depends on sequence " + d.of[i]
	}
	return pgerror.Newf(pgerrcode.DependentObjectsStillExist, "cannot drop %s because other objects depend on it", what()).
		WithDetail(strings.Join(lines, "\n")).
		WithHint("Use DROP ... CASCADE to drop the dependent objects too.")
}

// steps adds the DROP DEFAULT steps to b, each undone when a later step fails.
func (d *sequenceDrop) steps(b *planBuilder) error {
	for i, a := range d.alters {
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return a, nil }); err != nil {
			return err
		}
		b.plan.Steps[len(b.plan.Steps)-1].Undo = d.undos[i]
	}
	return nil
}

// changes are the catalog changes of the tables whose columns changed.
func (d *sequenceDrop) changes() []catalog.Change {
	var out []catalog.Change
	for _, key := range d.order {
		out = append(out, catalog.Change{Op: catalog.DeclareTable, Database: key[0], Table: key[1], Columns: d.tables[key].Columns})
	}
	return out
}

// notices is PostgreSQL's notice of the defaults CASCADE dropped.
func (d *sequenceDrop) notices() []*pgerror.Error {
	switch len(d.dependents) {
	case 0:
		return nil
	case 1:
		return []*pgerror.Error{notice(pgerrcode.SuccessfulCompletion, "drop cascades to %s", d.dependents[0])}
	}
	lines := make([]string, len(d.dependents))
	for i, dep := range d.dependents {
		lines[i] = "drop cascades to " + dep
	}
	return []*pgerror.Error{notice(pgerrcode.SuccessfulCompletion, "drop cascades to %d other objects", len(d.dependents)).
		WithDetail(strings.Join(lines, "\n"))}
}
