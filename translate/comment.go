package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// COMMENT ON.
//
// Comments live in the shadow catalog (catalog.Text, catalog.Column.Comment), which
// pg_description, obj_description and col_description read. The statement runs no TiDB
// statement of its own: it is a catalog-only write (Statement.CatalogOnly) that the proxy
// applies on the session's connection, inside the open transaction block like a write — so
// ROLLBACK undoes it, as in PostgreSQL. An empty comment or NULL removes the comment.

// comment translates COMMENT ON TABLE | VIEW | SEQUENCE | COLUMN | CONSTRAINT … ON | SCHEMA.
func (t *translator) comment(n *pg_query.CommentStmt) (*Statement, error) {
	if t.ctx.Resolver == nil {
		return nil, pgerror.Unsupported("COMMENT without a catalog")
	}
	text := n.GetComment()
	var change catalog.Change
	switch ot := n.GetObjtype(); ot {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_SEQUENCE:
		tbl, err := t.commentedRelation(stringList(n.GetObject().GetList().GetItems()), ot)
		if err != nil {
			return nil, err
		}
		change = t.commentChange(tbl, catalog.TextComment, "", text)
	case pg_query.ObjectType_OBJECT_COLUMN:
		names := stringList(n.GetObject().GetList().GetItems())
		if len(names) < 2 {
			return nil, pgerror.New(pgerrcode.SyntaxError, "column name must be qualified")
		}
		tbl, err := t.commentedRelation(names[:len(names)-1], ot)
		if err != nil {
			return nil, err
		}
		col := names[len(names)-1]
		change = t.commentChange(tbl, "", "", "")
		found := false
		for i := range change.Columns {
			if change.Columns[i].Name == col {
				change.Columns[i].Comment = text
				found = true
			}
		}
		if !found {
			return nil, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", col, tbl.Name)
		}
	case pg_query.ObjectType_OBJECT_TABCONSTRAINT:
		names := stringList(n.GetObject().GetList().GetItems())
		if len(names) < 2 {
			return nil, pgerror.New(pgerrcode.SyntaxError, "constraint name must be qualified")
		}
		tbl, err := t.commentedRelation(names[:len(names)-1], ot)
		if err != nil {
			return nil, err
		}
		name := names[len(names)-1]
		cr, ok := t.ctx.Resolver.(ConstraintResolver)
		if !ok {
			return nil, pgerror.Unsupported("COMMENT ON CONSTRAINT without a constraint resolver")
		}
		kind, err := cr.ConstraintType(tbl, name)
		if err != nil {
			return nil, err
		}
		if kind == "" {
			return nil, pgerror.Newf(pgerrcode.UndefinedObject, "constraint %q for table %q does not exist", name, tbl.Name)
		}
		change = t.commentChange(tbl, catalog.TextConstraintComment, name, text)
	case pg_query.ObjectType_OBJECT_SCHEMA:
		schema := n.GetObject().GetString_().GetSval()
		if sr, ok := t.ctx.Resolver.(SchemaResolver); ok {
			_, exists, err := sr.SchemaIsEmpty(schema)
			if err != nil {
				return nil, err
			}
			if !exists {
				return nil, pgerror.Newf(pgerrcode.InvalidSchemaName, "schema %q does not exist", schema)
			}
		} else {
			return nil, pgerror.Unsupported("COMMENT ON SCHEMA without a schema resolver")
		}
		change = catalog.Change{Op: catalog.DeclareTable, Database: catalog.TiDBDatabase(t.ctx.Database, schema), SetTexts: true}
		switch {
		case text != "":
			change.Texts = []catalog.Text{{Kind: catalog.TextComment, Expr: catalog.Expr{Plain: text}}}
		case schema == "public":
			// public's comment is PostgreSQL's "standard public schema" unless removed: an
			// empty text records the removal (catalog's pg_description).
			change.Texts = []catalog.Text{{Kind: catalog.TextComment, Expr: catalog.Expr{Plain: ""}}}
		}
	default:
		return nil, pgerror.Unsupported("COMMENT ON " + objectTypeName(ot))
	}
	out, err := t.statement(doNothing(), "COMMENT", KindDML, nil)
	if err != nil {
		return nil, err
	}
	out.CatalogOnly = true
	out.Catalog = []catalog.Change{change}
	return out, nil
}

// commentedRelation resolves the relation a COMMENT names; a relation of another kind than the
// command names is 42809 as in PostgreSQL.
func (t *translator) commentedRelation(names []string, ot pg_query.ObjectType) (*catalog.Table, error) {
	rv, err := rangeVarOf(names)
	if err != nil {
		return nil, err
	}
	if db := rv.GetCatalogname(); db != "" && db != t.ctx.Database {
		return nil, pgerror.Newf(pgerrcode.FeatureNotSupported, "cross-database references are not implemented: %s", joinDots(names))
	}
	tbl, err := t.ctx.Resolver.LookupTable(rv.GetSchemaname(), rv.GetRelname())
	if err != nil {
		return nil, err
	}
	if tbl == nil {
		return nil, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", rangeVarName(rv))
	}
	kind := ""
	switch {
	case ot == pg_query.ObjectType_OBJECT_TABLE && (tbl.View || tbl.Sequence):
		kind = "table"
	case ot == pg_query.ObjectType_OBJECT_VIEW && !tbl.View:
		kind = "view"
	case ot == pg_query.ObjectType_OBJECT_SEQUENCE && !tbl.Sequence:
		kind = "sequence"
	case ot == pg_query.ObjectType_OBJECT_TABCONSTRAINT && (tbl.View || tbl.Sequence):
		kind = "table"
	}
	if kind != "" {
		return nil, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a %s", tbl.Name, kind)
	}
	if tbl.Database == "" {
		tbl.Database = catalog.TiDBDatabase(t.ctx.Database, tbl.Schema)
	}
	return tbl, nil
}

// commentChange is the DeclareTable change that rewrites tbl's shadow rows as they are, with
// the text of kind and name set to text (removed when text is empty; kind "" changes none).
func (t *translator) commentChange(tbl *catalog.Table, kind catalog.TextKind, name, text string) catalog.Change {
	c := catalog.Change{Op: catalog.DeclareTable, Database: tbl.Database, Table: tbl.Name,
		Columns: append([]catalog.Column(nil), tbl.Columns...), SetTexts: true}
	for _, x := range tbl.Texts {
		if kind == "" || x.Kind != kind || x.Name != name {
			c.Texts = append(c.Texts, x)
		}
	}
	if kind != "" && text != "" {
		c.Texts = append(c.Texts, catalog.Text{Kind: kind, Name: name, Expr: catalog.Expr{Plain: text}})
	}
	return c
}
