package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
)

// ALTER SEQUENCE [IF EXISTS] s RENAME TO s2 is TiDB's RENAME TABLE (which renames sequences).
// A TiDB column default names its sequence (NEXTVAL(`db`.`s`)), where PostgreSQL's names it by
// oid and so follows the rename: the default of the column owning the sequence (SERIAL,
// identity, OWNED BY) is set again to the new name, and the shadow catalog records the new
// owned sequence. A default of another column that draws from the sequence would break:
// the plan refuses (0A000) when TiDB shows one (a DDL plan):
//
//	collect  SELECT COUNT(*) FROM information_schema.COLUMNS WHERE <default draws from s, other column>
//	exec     RENAME TABLE `db`.`s` TO `db`.`s2`                  (undone if a later step fails)
//	exec     ALTER TABLE `db`.`t` ALTER COLUMN `c` SET DEFAULT NEXTVAL(`db`.`s2`)   (owned)
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
	if owners, ok := t.ctx.Resolver.(SequenceOwnerResolver); ok {
		if owner, ownerCol, err = owners.SequenceOwner(db, name); err != nil {
			return nil, err
		}
	}
	// Columns whose TiDB default draws from the sequence, other than its owner.
	col := func(c string) ast.ExprNode { return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c)}} }
	cond := ast.ExprNode(&ast.BinaryOperationExpr{Op: opcode.LogicAnd,
		L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("TABLE_SCHEMA"), R: strLit(db)},
		R: &ast.PatternLikeOrIlikeExpr{Expr: col("COLUMN_DEFAULT"), IsLike: true, Escape: '\\',
			Pattern: strLit("%" + escapeLikePattern("nextval(`"+db+"`.`"+name+"`)") + "%")}})
	if owner != nil {
		cond = &ast.BinaryOperationExpr{Op: opcode.LogicAnd, L: cond, R: &ast.UnaryOperationExpr{Op: opcode.Not,
			V: &ast.ParenthesesExpr{Expr: &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
				L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("TABLE_NAME"), R: strLit(owner.Name)},
				R: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("COLUMN_NAME"), R: strLit(ownerCol)}}}}}
	}
	count := newSelect()
	count.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: &ast.AggregateFuncExpr{F: ast.AggFuncCount,
		Args: []ast.ExprNode{ast.NewValueExpr(int64(1), "", "")}}}}}
	count.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{
		Schema: cistr("information_schema"), Name: cistr("COLUMNS")}}}}
	count.Where = cond
	b := &planBuilder{t: t}
	if err := b.step(returning.Collect, 1, nil, func([]returning.Row) (ast.StmtNode, error) { return count, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[0].Check = func(rows []returning.Row) error {
		if len(rows) == 1 && len(rows[0]) == 1 && string(rows[0][0]) != "0" {
			return pgerror.Unsupported("ALTER SEQUENCE ... RENAME TO of a sequence another column's default draws from").
				WithDetail("TiDB column defaults name their sequence, so the default would no longer find it.")
		}
		return nil
	}
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
	var changes []catalog.Change
	if owner != nil {
		alter := &ast.AlterTableStmt{Table: &ast.TableName{Schema: cistr(db), Name: cistr(owner.Name)},
			Specs: []*ast.AlterTableSpec{{Tp: ast.AlterTableAlterColumn,
				NewColumns: []*ast.ColumnDef{{Name: &ast.ColumnName{Name: cistr(ownerCol)}, Options: []*ast.ColumnOption{
					{Expr: nextvalCall(db, newName)}}}}}}}
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return alter, nil }); err != nil {
			return nil, err
		}
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

// escapeLikePattern escapes LIKE's wildcards and escape character (a backslash) in s.
func escapeLikePattern(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}
