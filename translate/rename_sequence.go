package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
)

// ALTER SEQUENCE [IF EXISTS] s RENAME TO s2 is TiDB's RENAME TABLE (which renames sequences).
// A TiDB column default names its sequence (NEXTVAL(`db`.`s`)), where PostgreSQL's names it by
// oid and so follows the rename: every default that draws from the sequence (SERIAL's, or a
// DEFAULT nextval('s') of any column, in any schema) is set again to the new name, and the
// shadow catalog records the new name of the sequence a column owns (a DDL plan; a failed
// step undoes the ones before it):
//
//	exec     RENAME TABLE `db`.`s` TO `db`.`s2`
//	exec     ALTER TABLE `db`.`t` ALTER COLUMN `c` SET DEFAULT NEXTVAL(`db`.`s2`)   (each default)
func (t *translator) renameSequence(n *pg_query.RenameStmt) (*Statement, error) {
	rv := n.GetRelation()
	schema, err := t.schemaName(rv.GetSchemaname())
	if err != nil {
		return nil, err
	}
	db := catalog.TiDBDatabase(t.ctx.Database, schema)
	name, newName := rv.GetRelname(), n.GetNewname()
	if t.ctx.Resolver == nil {
		return nil, pgerror.Unsupported("ALTER SEQUENCE ... RENAME TO without the catalog")
	}
	if skip, err := t.alteredSequence(rv, schema, n.GetMissingOk()); skip != nil || err != nil {
		return skip, err
	}
	if newName != name {
		other, err := t.ctx.Resolver.LookupTable(schema, newName)
		if err != nil {
			return nil, err
		}
		if other != nil {
			return nil, pgerror.Newf(pgerrcode.DuplicateTable, "relation %q already exists", newName)
		}
	} else {
		return nil, pgerror.Newf(pgerrcode.DuplicateTable, "relation %q already exists", newName)
	}
	var owner *catalog.Table
	var ownerCol string
	var users []catalog.ColumnRef
	if owners, ok := t.ctx.Resolver.(SequenceOwnerResolver); ok {
		if owner, ownerCol, err = owners.SequenceOwner(db, name); err != nil {
			return nil, err
		}
		if users, err = owners.SequenceDefaults(db, name); err != nil {
			return nil, err
		}
	}
	b := &planBuilder{t: t}
	from := &ast.TableName{Schema: cistr(db), Name: cistr(name)}
	to := &ast.TableName{Schema: cistr(db), Name: cistr(newName)}
	rename := &ast.RenameTableStmt{TableToTables: []*ast.TableToTable{{OldTable: from, NewTable: to}}}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return rename, nil }); err != nil {
		return nil, err
	}
	undo, err := restorePlain(&ast.RenameTableStmt{TableToTables: []*ast.TableToTable{{
		OldTable: &ast.TableName{Schema: cistr(db), Name: cistr(newName)},
		NewTable: &ast.TableName{Schema: cistr(db), Name: cistr(name)}}}})
	if err != nil {
		return nil, err
	}
	b.plan.Steps[len(b.plan.Steps)-1].Undo = undo
	// Every default that draws from the sequence names it again (undone if a later step fails).
	for _, u := range users {
		alter := setDefaultNextval(u, db, newName)
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return alter, nil }); err != nil {
			return nil, err
		}
		if b.plan.Steps[len(b.plan.Steps)-1].Undo, err = restorePlain(setDefaultNextval(u, db, name)); err != nil {
			return nil, err
		}
	}
	var changes []catalog.Change
	if owner != nil {
		cols := append([]catalog.Column(nil), owner.Columns...)
		for i := range cols {
			if cols[i].Name == ownerCol {
				cols[i].Sequence = newName
			}
		}
		changes = []catalog.Change{{Op: catalog.DeclareTable, Database: db, Table: owner.Name, Columns: cols}}
	}
	// The sequence's texts (its declared type, its comment) and its run-time state
	// (seqstate.go) move with it.
	if t.ctx.Resolver != nil {
		if seq, err := t.ctx.Resolver.LookupTable(schema, name); err != nil {
			return nil, err
		} else if seq != nil {
			changes = append(changes,
				catalog.Change{Op: catalog.DeclareTable, Database: db, Table: newName, SetTexts: true, Texts: seq.Texts, StateFrom: name},
				catalog.Change{Op: catalog.ForgetTable, Database: db, Table: name})
		}
	}
	out, err := b.finish("ALTER SEQUENCE", KindDDL, nil)
	if err != nil {
		return nil, err
	}
	out.Catalog = changes
	return out, nil
}
