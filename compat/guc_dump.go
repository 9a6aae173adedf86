package compat

// Settings pg_dump sends before it reads the catalog.
func init() {
	// synchronize_seqscans lets a PostgreSQL sequential scan start where a concurrent one is,
	// which changes only the order of rows a query without ORDER BY returns. TiDB has no such
	// synchronisation, so off (what pg_dump sets) is what pgtidb does; on promises nothing a
	// client could rely on either.
	define(&GUC{Name: "synchronize_seqscans", Default: "on", Normalize: normalizeBool, Description: "Enable synchronized sequential scans."})
}
