package catalog

import "slices"

// EmptyRelation reports whether pg_catalog relation name is one pgtidb answers with no row
// whatever the database holds (emptyRelations: pg_description, pg_trigger, pg_inherits…).
// The translator uses it for ORMs' reflection queries: an outer join with such a relation
// never evaluates its ON condition, so a condition TiDB cannot run there (a subquery in ON)
// need not reach TiDB.
func EmptyRelation(name string) bool {
	return slices.Contains(emptyRelations, name)
}
