package translate

import (
	"fmt"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// cistr is model.NewCIStr, short for the many TiDB names built here.
func cistr(s string) model.CIStr { return model.NewCIStr(s) }

// table resolves a PostgreSQL table reference: schema-qualified, or through the search path
// (the Resolver decides for an empty schema). It returns the TiDB table name — qualified with
// the TiDB database that holds the schema — and the catalog table. A missing relation is
// PostgreSQL's 42P01 `relation "x" does not exist`.
func (t *translator) table(rv *pg_query.RangeVar) (*ast.TableName, *catalog.Table, error) {
	tn, tbl, err := t.tableAt(rv)
	if tbl != nil && tbl.View {
		// TiDB evaluates the view's query itself: whatever in it warns instead of erroring
		// (division by zero…) is invisible to mayWarn.
		t.readsView = true
	}
	return tn, tbl, atLocation(err, rv.GetLocation())
}

func (t *translator) tableAt(rv *pg_query.RangeVar) (*ast.TableName, *catalog.Table, error) {
	if rv == nil {
		return nil, nil, pgerror.New(pgerrcode.SyntaxError, "missing relation")
	}
	if db := rv.GetCatalogname(); db != "" && db != t.ctx.Database {
		return nil, nil, pgerror.Newf(pgerrcode.FeatureNotSupported,
			"cross-database references are not implemented: \"%s.%s\"", db, rangeVarName(rv))
	}
	if ctl, err := t.catalogRelation(rv); err != nil || ctl != nil {
		// pg_catalog and information_schema relations are emulated for reading in FROM only
		// (catalog_rel.go).
		if err == nil {
			err = pgerror.Unsupported(ctl.Schema + "." + ctl.Name + " outside a FROM clause")
		}
		return nil, nil, err
	}
	schema, name := rv.GetSchemaname(), rv.GetRelname()
	if t.ctx.Resolver == nil {
		return nil, nil, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", rangeVarName(rv))
	}
	tbl, err := t.ctx.Resolver.LookupTable(schema, name)
	if err != nil {
		return nil, nil, err
	}
	if tbl == nil {
		return nil, nil, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", rangeVarName(rv))
	}
	db := tbl.Database
	if db == "" {
		db = catalog.TiDBDatabase(t.ctx.Database, tbl.Schema)
	}
	return &ast.TableName{Schema: cistr(db), Name: cistr(tbl.Name)}, tbl, nil
}

// rangeVarName is the relation name as PostgreSQL prints it in messages: [schema.]name.
func rangeVarName(rv *pg_query.RangeVar) string {
	if s := rv.GetSchemaname(); s != "" {
		return s + "." + rv.GetRelname()
	}
	return rv.GetRelname()
}

// columnRefFields returns the dotted names of a ColumnRef and whether it ends in `*`.
func columnRefFields(cr *pg_query.ColumnRef) (names []string, star bool) {
	for _, f := range cr.GetFields() {
		if s := f.GetString_(); s != nil {
			names = append(names, s.GetSval())
		} else if f.GetAStar() != nil {
			star = true
		}
	}
	return names, star
}

// columnRef translates a column reference. Columns of the current query level are emitted
// qualified with their relation's visible name (so TiDB cannot take them for a select-list
// alias, as HAVING and ORDER BY would); columns of an enclosing query and USING-merged
// columns are emitted as written, which TiDB resolves by the same innermost-first rule.
func (t *translator) columnRef(cr *pg_query.ColumnRef, sc *scope) (ast.ExprNode, typemap.Type, error) {
	e, ty, err := t.columnRefAt(cr, sc)
	return e, ty, atLocation(err, cr.GetLocation())
}

// atLocation gives a name-resolution error the position of the name in the query text, as
// PostgreSQL's parser does (psql shows it as LINE n: … ^). location is pg_query's 0-based byte
// offset; the wire position is 1-based, in characters.
func atLocation(err error, location int32) error {
	pe, ok := pgerror.As(err)
	if !ok || pe.Position != 0 || location < 0 {
		return err
	}
	switch pe.Code {
	case pgerrcode.UndefinedTable, pgerrcode.UndefinedColumn, pgerrcode.AmbiguousColumn:
		c := *pe
		c.Position = location + 1
		return &c
	}
	return err
}

func (t *translator) columnRefAt(cr *pg_query.ColumnRef, sc *scope) (ast.ExprNode, typemap.Type, error) {
	names, star := columnRefFields(cr)
	if star {
		return nil, typemap.Type{}, pgerror.Unsupported("row reference " + strings.Join(append(names, "*"), "."))
	}
	var relName, relSchema, col string
	switch len(names) {
	case 1:
		col = names[0]
	case 2:
		relName, col = names[0], names[1]
	case 3:
		relSchema, relName, col = names[0], names[1], names[2]
	case 4:
		if names[0] != t.ctx.Database {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.FeatureNotSupported,
				"cross-database references are not implemented: %s", strings.Join(names, "."))
		}
		relSchema, relName, col = names[1], names[2], names[3]
	default:
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.SyntaxError,
			"improper qualified name (too many dotted names): %s", strings.Join(names, "."))
	}
	for level, s := 0, sc; s != nil; level, s = level+1, s.parent {
		if s.noColumns {
			continue
		}
		if relName == "" {
			var found *rel
			var fc *relColumn
			for _, r := range s.rels {
				if r.hidden[col] {
					continue
				}
				if c := r.column(col); c != nil {
					if found != nil || r.twice(col) {
						return nil, typemap.Type{}, pgerror.Newf(pgerrcode.AmbiguousColumn,
							"column reference %q is ambiguous", col)
					}
					found, fc = r, c
				}
			}
			if found == nil {
				if e, ty, ok, err := t.unqualifiedSystemColumn(s, col); ok {
					return e, ty, err
				}
				continue
			}
			cn := &ast.ColumnName{Name: cistr(col)}
			switch {
			case fc.src != nil:
				cn = fc.src
			case level == 0 || !shadowed(sc, s, found.name):
				// Qualified, so that TiDB cannot take it for a select-list alias of an
				// inner query (HAVING and ORDER BY see aliases in TiDB).
				cn.Table = cistr(found.name)
			}
			if fc.refused != "" {
				return nil, typemap.Type{}, pgerror.Unsupported(fc.refused)
			}
			if null := alwaysNullColumn(found, col, fc.typ); null != nil {
				return null, fc.typ, nil
			}
			e := &ast.ColumnNameExpr{Name: cn}
			if level == 0 && fc.notNull && !found.nullable {
				t.markNotNull(e)
			}
			return e, fc.typ, nil
		}
		for _, r := range s.rels {
			if r.merged || r.name != relName || (relSchema != "" && r.schema != relSchema) {
				continue
			}
			c := r.column(col)
			if c != nil && r.twice(col) {
				return nil, typemap.Type{}, pgerror.Newf(pgerrcode.AmbiguousColumn,
					"column reference %q is ambiguous", strings.Join(names, "."))
			}
			if c == nil {
				if e, ty, ok, err := t.systemColumn(r, col); ok {
					return e, ty, err
				}
				return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedColumn,
					"column %s.%s does not exist", relName, col)
			}
			if c.refused != "" {
				return nil, typemap.Type{}, pgerror.Unsupported(c.refused)
			}
			if null := alwaysNullColumn(r, col, c.typ); null != nil {
				return null, c.typ, nil
			}
			e := &ast.ColumnNameExpr{Name: r.columnName(c)}
			if level == 0 && c.notNull && !r.nullable {
				t.markNotNull(e)
			}
			return e, c.typ, nil
		}
	}
	if relName != "" {
		for s := sc; s != nil; s = s.parent {
			for _, r := range s.rels {
				if r.table == relName && r.name != relName {
					return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedTable,
						"invalid reference to FROM-clause entry for table %q", relName).
						WithHint(fmt.Sprintf("Perhaps you meant to reference the table alias %q.", r.name))
				}
			}
		}
		q := relName
		if relSchema != "" {
			q = relSchema + "." + relName
		}
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedTable,
			"missing FROM-clause entry for table %q", q)
	}
	for s := sc; s != nil; s = s.parent {
		for _, r := range s.rels {
			if !r.merged && r.name == col {
				return nil, typemap.Type{}, pgerror.Unsupported("whole-row reference " + col)
			}
		}
	}
	return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q does not exist", col)
}

// markNotNull records that e can never be NULL (a NOT NULL column outside the outer side of
// an outer join); ORDER BY then needs no NULL-ordering key for it.
func (t *translator) markNotNull(e ast.ExprNode) {
	if t.notNull == nil {
		t.notNull = map[ast.ExprNode]bool{}
	}
	t.notNull[e] = true
}

// shadowed reports whether a relation named name is visible in a scope between inner
// (inclusive) and outer (exclusive): then a reference qualified with name would resolve there.
func shadowed(inner, outer *scope, name string) bool {
	for s := inner; s != nil && s != outer; s = s.parent {
		for _, r := range s.rels {
			if r.name == name {
				return true
			}
		}
	}
	return false
}

// alwaysNullColumn is the NULL constant of type ty for column col of r when r is a pg_catalog
// relation whose emulation holds NULL in that column for every row (catalog.AlwaysNull), else
// nil.
func alwaysNullColumn(r *rel, col string, ty typemap.Type) ast.ExprNode {
	if r.source == nil || r.source.Schema != "pg_catalog" || !catalog.AlwaysNull(r.source.Name, col) {
		return nil
	}
	return castTo(nullLit(), ty)
}

// writeTarget resolves the target relation of INSERT, UPDATE or DELETE (what names the
// statement in the view refusal: "INSERT into", "UPDATE of", "DELETE from"). A view is refused
// (TiDB's updatable views differ from PostgreSQL's), a sequence is PostgreSQL's 42809.
func (t *translator) writeTarget(rv *pg_query.RangeVar, what string) (*ast.TableName, *catalog.Table, error) {
	tn, tbl, err := t.table(rv)
	switch {
	case err != nil:
		return nil, nil, err
	case tbl.View:
		return nil, nil, pgerror.Unsupported(what + " a view")
	case tbl.Sequence:
		return nil, nil, pgerror.Newf(pgerrcode.WrongObjectType, "cannot change sequence \"%s\"", tbl.Name)
	}
	return tn, tbl, nil
}
