package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// IndexResolver is an optional extension of catalog.Resolver for DROP INDEX: PostgreSQL names
// an index within its schema, TiDB within its table, so the translator must learn the table.
// Without it DROP INDEX is refused (0A000).
type IndexResolver interface {
	// LookupIndex finds the index schema.name (an empty schema means the search path). It
	// returns the table that holds it and whether the index implements a PRIMARY KEY or
	// UNIQUE constraint (which DROP INDEX must not remove); tbl is nil when there is no such
	// index.
	LookupIndex(schema, name string) (tbl *catalog.Table, constraint bool, err error)
}

// SchemaResolver is an optional extension of catalog.Resolver for DROP SCHEMA without
// CASCADE, which PostgreSQL refuses for a schema that still holds objects. Without it such a
// DROP SCHEMA is refused (0A000) rather than dropping the objects.
type SchemaResolver interface {
	// SchemaIsEmpty reports whether schema holds no relation; ok is false when the schema
	// does not exist.
	SchemaIsEmpty(schema string) (empty, ok bool, err error)
}

// drop translates DROP TABLE, DROP VIEW, DROP INDEX and DROP SCHEMA.
func (t *translator) drop(n *pg_query.DropStmt) (*Statement, error) {
	switch n.GetRemoveType() {
	case pg_query.ObjectType_OBJECT_TABLE:
		return t.dropRelations(n, false)
	case pg_query.ObjectType_OBJECT_VIEW:
		return t.dropRelations(n, true)
	case pg_query.ObjectType_OBJECT_INDEX:
		return t.dropIndex(n)
	case pg_query.ObjectType_OBJECT_SCHEMA:
		return t.dropSchema(n)
	case pg_query.ObjectType_OBJECT_SEQUENCE:
		return t.dropSequence(n)
	case pg_query.ObjectType_OBJECT_MATVIEW:
		return nil, pgerror.Unsupported("DROP MATERIALIZED VIEW")
	}
	return nil, pgerror.Unsupported("DROP " + objectTypeName(n.GetRemoveType()))
}

// objectTypeName names an object type for messages (OBJECT_FOREIGN_TABLE → FOREIGN TABLE).
func objectTypeName(ot pg_query.ObjectType) string {
	return strings.ReplaceAll(strings.TrimPrefix(ot.String(), "OBJECT_"), "_", " ")
}

// dropRelations translates DROP TABLE / DROP VIEW. Every named relation is looked up first:
// PostgreSQL drops nothing when one of them is missing, while TiDB drops the ones it finds
// before failing, so the translator reports the missing one (42P01) itself.
//
// CASCADE is passed through as a plain DROP: TiDB refuses to drop a table another table's
// foreign key references (where PostgreSQL would drop that constraint) and leaves dependent
// views behind (where PostgreSQL would drop them) — see KNOWN_GAPS.md.
func (t *translator) dropRelations(n *pg_query.DropStmt, views bool) (*Statement, error) {
	kind, other, tag := "table", "view", "DROP TABLE"
	if views {
		kind, other, tag = "view", "table", "DROP VIEW"
	}
	stmt := &ast.DropTableStmt{IfExists: n.GetMissingOk(), IsView: views}
	var changes []catalog.Change
	var seqs []*ast.TableName
	type owned struct{ db, table, seq string }
	var owns []owned
	dropped := map[[2]string]bool{}
	for _, obj := range n.GetObjects() {
		names := stringList(obj.GetList().GetItems())
		rv, err := rangeVarOf(names)
		if err != nil {
			return nil, err
		}
		if db := rv.GetCatalogname(); db != "" && db != t.ctx.Database {
			return nil, pgerror.Newf(pgerrcode.FeatureNotSupported,
				"cross-database references are not implemented: %s", joinDots(names))
		}
		var tbl *catalog.Table
		if t.ctx.Resolver != nil {
			if tbl, err = t.ctx.Resolver.LookupTable(rv.GetSchemaname(), rv.GetRelname()); err != nil {
				return nil, err
			}
		}
		if tbl == nil {
			if !n.GetMissingOk() {
				return nil, pgerror.Newf(pgerrcode.UndefinedTable, "%s %q does not exist", kind, rangeVarName(rv))
			}
			schema, err := t.schemaName(rv.GetSchemaname())
			if err != nil {
				return nil, err
			}
			stmt.Tables = append(stmt.Tables, &ast.TableName{
				Schema: cistr(catalog.TiDBDatabase(t.ctx.Database, schema)), Name: cistr(rv.GetRelname()),
			})
			continue
		}
		if tbl.View != views {
			useVerb := "DROP TABLE"
			if tbl.View {
				useVerb = "DROP VIEW"
			}
			return nil, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a %s", tbl.Name, kind).
				WithHint("Use " + useVerb + " to remove a " + other + ".")
		}
		db := tbl.Database
		if db == "" {
			db = catalog.TiDBDatabase(t.ctx.Database, tbl.Schema)
		}
		stmt.Tables = append(stmt.Tables, &ast.TableName{Schema: cistr(db), Name: cistr(tbl.Name)})
		changes = append(changes, catalog.Change{Op: catalog.ForgetTable, Database: db, Table: tbl.Name})
		dropped[[2]string{db, tbl.Name}] = true
		for _, seq := range ownedSequences(tbl, db) {
			seqs = append(seqs, seq)
			owns = append(owns, owned{db, tbl.Name, seq.Name.O})
			changes = append(changes, catalog.Change{Op: catalog.ForgetTable, Database: db, Table: seq.Name.O})
		}
	}
	// The owned sequences go with their tables, and the defaults of other tables that draw
	// from them depend on them.
	drop := t.newSequenceDrop(n.GetBehavior() == pg_query.DropBehavior_DROP_CASCADE,
		func(c catalog.ColumnRef) bool { return dropped[[2]string{c.DB, c.Table}] })
	for _, o := range owns {
		if err := drop.defaultsOf(o.db, o.seq); err != nil {
			return nil, err
		}
		if err := drop.check(func() string { return "table " + t.describedName(o.db, o.table) }); err != nil {
			return nil, err
		}
	}
	out, err := t.dropWithSequences(stmt, seqs, tag, drop)
	if err != nil {
		return nil, err
	}
	out.Catalog = append(changes, drop.changes()...)
	out.Notices = append(out.Notices, drop.notices()...)
	return out, nil
}

// rangeVarOf turns a dotted name list ([[db.]schema.]name) into a RangeVar.
func rangeVarOf(names []string) (*pg_query.RangeVar, error) {
	switch len(names) {
	case 1:
		return &pg_query.RangeVar{Relname: names[0]}, nil
	case 2:
		return &pg_query.RangeVar{Schemaname: names[0], Relname: names[1]}, nil
	case 3:
		return &pg_query.RangeVar{Catalogname: names[0], Schemaname: names[1], Relname: names[2]}, nil
	}
	return nil, pgerror.Newf(pgerrcode.SyntaxError, "improper qualified name (too many dotted names): %s", joinDots(names))
}

func joinDots(names []string) string { return strings.Join(names, ".") }

// dropIndex translates DROP INDEX [CONCURRENTLY] [IF EXISTS] name. TiDB needs the index's
// table, which the IndexResolver supplies. CONCURRENTLY is dropped: TiDB's DDL is online.
func (t *translator) dropIndex(n *pg_query.DropStmt) (*Statement, error) {
	if len(n.GetObjects()) != 1 {
		return nil, pgerror.Unsupported("DROP INDEX of several indexes").
			WithHint("Drop one index per statement.")
	}
	ir, ok := t.ctx.Resolver.(IndexResolver)
	if !ok {
		return nil, pgerror.Unsupported("DROP INDEX").
			WithDetail("The catalog cannot map the index to its table.")
	}
	names := stringList(n.GetObjects()[0].GetList().GetItems())
	rv, err := rangeVarOf(names)
	if err != nil {
		return nil, err
	}
	tbl, constraint, err := ir.LookupIndex(rv.GetSchemaname(), rv.GetRelname())
	if err != nil {
		return nil, err
	}
	if tbl == nil {
		if n.GetMissingOk() {
			// PostgreSQL only notices; DO 0 is TiDB's statement that does nothing.
			return t.ddlStatement(doNothing(), "DROP INDEX")
		}
		return nil, pgerror.Newf(pgerrcode.UndefinedObject, "index %q does not exist", rangeVarName(rv))
	}
	if constraint {
		return nil, pgerror.Newf(pgerrcode.DependentObjectsStillExist,
			"cannot drop index %s because constraint %s on table %s requires it",
			rv.GetRelname(), rv.GetRelname(), tbl.Name).
			WithHint("You can drop constraint " + rv.GetRelname() + " on table " + tbl.Name + " instead.")
	}
	db := tbl.Database
	if db == "" {
		db = catalog.TiDBDatabase(t.ctx.Database, tbl.Schema)
	}
	return t.ddlStatement(&ast.DropIndexStmt{
		IfExists: n.GetMissingOk(), IndexName: rv.GetRelname(),
		Table: &ast.TableName{Schema: cistr(db), Name: cistr(tbl.Name)},
	}, "DROP INDEX")
}

// dropSchema translates DROP SCHEMA s to DROP DATABASE of the TiDB database holding s.
// Without CASCADE PostgreSQL refuses a schema that still holds objects; the SchemaResolver
// tells, and without one only CASCADE is accepted.
func (t *translator) dropSchema(n *pg_query.DropStmt) (*Statement, error) {
	if len(n.GetObjects()) != 1 {
		return nil, pgerror.Unsupported("DROP SCHEMA of several schemas").
			WithHint("Drop one schema per statement.")
	}
	schema := n.GetObjects()[0].GetString_().GetSval()
	if schema == catalog.PublicSchema {
		return nil, pgerror.Unsupported("DROP SCHEMA public").
			WithDetail("The public schema is the TiDB database of the PostgreSQL database itself.")
	}
	if _, err := t.schemaName(schema); err != nil {
		return nil, err
	}
	db := catalog.TiDBDatabase(t.ctx.Database, schema)
	if n.GetBehavior() != pg_query.DropBehavior_DROP_CASCADE {
		sr, ok := t.ctx.Resolver.(SchemaResolver)
		if !ok {
			return nil, pgerror.Unsupported("DROP SCHEMA without CASCADE").
				WithDetail("The catalog cannot tell whether the schema is empty.")
		}
		empty, exists, err := sr.SchemaIsEmpty(schema)
		if err != nil {
			return nil, err
		}
		if exists && !empty {
			return nil, pgerror.Newf(pgerrcode.DependentObjectsStillExist,
				"cannot drop schema %s because other objects depend on it", schema).
				WithHint("Use DROP ... CASCADE to drop the dependent objects too.")
		}
		if !exists && !n.GetMissingOk() {
			return nil, pgerror.Newf(pgerrcode.InvalidSchemaName, "schema %q does not exist", schema)
		}
	}
	out, err := t.ddlStatement(&ast.DropDatabaseStmt{IfExists: n.GetMissingOk(), Name: cistr(db)}, "DROP SCHEMA")
	if err != nil {
		return nil, err
	}
	out.Catalog = []catalog.Change{{Op: catalog.ForgetDatabase, Database: db}}
	return out, nil
}
