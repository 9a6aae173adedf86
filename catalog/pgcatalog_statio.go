package catalog

// The block I/O statistics views list the tables (Sequelize's describeTable joins
// pg_statio_all_tables to pg_description to find column comments by relid). TiDB keeps no
// PostgreSQL buffer statistics: the counters are NULL (KNOWN_GAPS.md). pg_statio_all_tables
// lists the database's tables, as every pgtidb catalog view lists user objects only, so it
// equals pg_statio_user_tables; pg_statio_sys_tables is empty.
func init() {
	const statio = `SELECT pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME) AS relid, pgtidb_schema(t.TABLE_SCHEMA) AS schemaname,
			t.TABLE_NAME AS relname, NULL AS heap_blks_read, NULL AS heap_blks_hit, NULL AS idx_blks_read,
			NULL AS idx_blks_hit, NULL AS toast_blks_read, NULL AS toast_blks_hit, NULL AS tidx_blks_read, NULL AS tidx_blks_hit
		FROM information_schema.TABLES t WHERE pgtidb_in_database(t.TABLE_SCHEMA) AND t.TABLE_TYPE = 'BASE TABLE'`
	pgCatalogEmulations["pg_statio_all_tables"] = statio
	pgCatalogEmulations["pg_statio_user_tables"] = statio
	pgCatalogEmulations["pg_statio_sys_tables"] = statio + ` AND FALSE`
}
