package translate

import "sort"

// FunctionNames lists the PostgreSQL functions and aggregates the translator knows (the
// functions and aggregates tables, sorted). catalog/internal/gencatalog reads it to dump the
// pg_proc rows of these functions from PostgreSQL 15 (catalog.BuiltinFunctions).
func FunctionNames() []string {
	seen := map[string]bool{}
	for name := range functions {
		seen[name] = true
	}
	for name := range aggregates {
		seen[name] = true
	}
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
