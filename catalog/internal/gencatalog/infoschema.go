package main

// infoSchemaColumns writes the columns of PostgreSQL 15's information_schema views. Their
// columns are of the domains sql_identifier, cardinal_number, character_data, yes_or_no and
// time_stamp; PostgreSQL's RowDescription carries a domain's base type and modifier (name,
// integer, character varying, character varying(3), timestamp(2) with time zone), so those are
// the types recorded.
func infoSchemaColumns() []byte {
	version := query("SHOW server_version")[0][0]
	rows := query(`SELECT c.relname, c.relkind, a.attname,
			CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END,
			format_type(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END,
				CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END),
			CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END
		FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
		WHERE c.relnamespace = 'information_schema'::regnamespace AND c.relkind IN ('r', 'v')
		  AND a.attnum > 0 AND NOT a.attisdropped
		ORDER BY c.relname, a.attnum`)
	return columnMap(version, "infoSchemaColumns", []string{
		"infoSchemaColumns are the columns of PostgreSQL 15's information_schema tables and views,",
		"in attnum order, with the types PostgreSQL's RowDescription gives them (a domain's base",
		"type and modifier).",
	}, rows, false)
}
