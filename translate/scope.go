package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/typemap"
)

// scope is the set of relations whose columns a PostgreSQL expression can name: the FROM
// items of one query level, chained to the enclosing query's scope for correlated subqueries.
type scope struct {
	parent *scope
	rels   []*rel
	// ctes are the WITH queries visible at this level (looked up before catalog tables).
	ctes map[string]*cte
	// noColumns is set for scopes that must not resolve columns at all (VALUES items).
	noColumns bool
}

// rel is one FROM item as PostgreSQL sees it.
type rel struct {
	// name is the name the relation is visible under: its alias, or the table's own name.
	name string
	// schema is the PG schema for an unaliased catalog table (qualified refs s.t.c), else "".
	schema string
	// tidbDB is the TiDB database to qualify column references with when the query named the
	// relation schema-qualified and without alias; usually "".
	tidbDB string
	cols   []relColumn
	// merged marks a join's USING/NATURAL output: visible unqualified only.
	merged bool
	// hidden lists column names of this relation shadowed by a merged USING column for
	// unqualified references.
	hidden map[string]bool
	// table is the catalog table's own name when the relation is an aliased table.
	table string
	// source is the table of a FROM item naming one (user or catalog table, or view), for its
	// system columns (syscol.go); nil for other items.
	source *catalog.Table
	// nullable is set for relations on the outer side of an outer join: their columns can
	// be NULL whatever the catalog says.
	nullable bool
	// lateral is the derived table a function in FROM built over this relation, or is
	// (from_function.go); the columns then read it (relColumn.src).
	lateral string
}

// relColumn is one column of a rel.
type relColumn struct {
	name string
	typ  typemap.Type
	// notNull is known non-nullness, used to skip NULL-ordering keys.
	notNull bool
	// src is the column a USING/NATURAL merged column stands for, or the derived table's
	// column a relation taken into a function in FROM reads (from_function.go).
	src *ast.ColumnName
	// refused, when set, names a column pgtidb cannot give (a sequence's log_cnt): reading it
	// is 0A000.
	refused string
}

// cte is a WITH query: its name and output columns.
type cte struct {
	name string
	cols []relColumn
}

// newTableScope returns a scope with one catalog table visible under alias (its own name when
// alias is empty). UPDATE and DELETE use it for WHERE and SET.
func newTableScope(alias string, tbl *catalog.Table) *scope {
	return &scope{rels: []*rel{tableRel(alias, tbl)}}
}

// tableRel builds the rel of a catalog table.
func tableRel(alias string, tbl *catalog.Table) *rel {
	r := &rel{name: alias, table: tbl.Name}
	if alias == "" {
		r.name = tbl.Name
		r.schema = tbl.Schema
	}
	for _, c := range tbl.Columns {
		r.cols = append(r.cols, relColumn{name: c.Name, typ: c.Type, notNull: c.NotNull})
	}
	return r
}

// child returns a new scope nested in sc (for a subquery); sc may be nil.
func (sc *scope) child() *scope { return &scope{parent: sc} }

// add makes r visible in sc.
func (sc *scope) add(r *rel) { sc.rels = append(sc.rels, r) }

// lookupCTE finds a WITH query by name in sc or its parents.
func (sc *scope) lookupCTE(name string) *cte {
	for s := sc; s != nil; s = s.parent {
		if c, ok := s.ctes[name]; ok {
			return c
		}
	}
	return nil
}

// twice reports whether r has two columns named name (a reference to it is ambiguous).
func (r *rel) twice(name string) bool {
	n := 0
	for i := range r.cols {
		if r.cols[i].name == name {
			n++
		}
	}
	return n > 1
}

// column finds a column of r.
func (r *rel) column(name string) *relColumn {
	for i := range r.cols {
		if r.cols[i].name == name {
			return &r.cols[i]
		}
	}
	return nil
}
