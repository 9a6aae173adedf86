package catalog

import "slices"

// EmptyRelation reports whether pg_catalog relation name is one pgtidb answers with no row
// whatever the database holds (emptyRelations: pg_trigger, pg_inherits, pg_policy…). The
// translator answers pg_get_expr of such a relation's node-tree columns (psql's \d reads
// pg_policy.polqual) with NULL: no row holds one.
func EmptyRelation(name string) bool {
	return slices.Contains(emptyRelations, name)
}
