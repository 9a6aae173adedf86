package catalog

// pg_views and pg_sequences (pg_stat_activity: pgcatalog_activity.go).

func init() {
	pgCatalogEmulations["pg_views"] = `SELECT pgtidb_schema(v.TABLE_SCHEMA) AS schemaname, v.TABLE_NAME AS viewname,
			CURRENT_USER() AS viewowner, ` + viewDefinition + ` AS definition
		FROM information_schema.VIEWS v ` + viewTexts + ` WHERE pgtidb_in_database(v.TABLE_SCHEMA)`

	// Sequences as pg_sequence shows them (data type from the maximum, the recorded CACHE; TiDB's
	// bigint maximum 9223372036854775806 is PostgreSQL's 9223372036854775807, as in
	// information_schema.sequences). TiDB
	// answers a sequence's current value only through SHOW TABLE … NEXT_ROW_ID, not in a
	// SELECT: last_value is NULL, as PostgreSQL shows it for a sequence never read
	// (KNOWN_GAPS.md). Sequences of identity columns are listed too, as in PostgreSQL.
	pgCatalogEmulations["pg_sequences"] = `SELECT pgtidb_schema(s.SEQUENCE_SCHEMA) AS schemaname, s.SEQUENCE_NAME AS sequencename,
			CURRENT_USER() AS sequenceowner, ` + sequenceType + ` AS data_type,
			` + sequenceStart + ` AS start_value, s.MIN_VALUE AS min_value, IF(s.MAX_VALUE = 9223372036854775806, 9223372036854775807, s.MAX_VALUE) AS max_value, s.INCREMENT AS increment_by,
			s.CYCLE AS cycle, ` + sequenceCache + ` AS cache_size, NULL AS ` + "`last_value`" + `
		FROM information_schema.SEQUENCES s ` + sequenceTypes + sequenceCaches + ` WHERE pgtidb_in_database(s.SEQUENCE_SCHEMA)`
}
