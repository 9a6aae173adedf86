package catalog

// internalEmulations are relations of pgtidb's own that the translator reads like pg_catalog
// relations (Emulation) to answer system functions; no client can name them.
var internalEmulations = map[string]string{
	// pgtidb_constraintdef is pg_get_constraintdef's text of every constraint pg_constraint
	// lists, by oid: def (pretty_def for pretty output) up to a foreign key's referenced
	// table, which the translator names as the search path requires (qualified unless
	// visible), followed by ref_tail. ref_nsp and ref_rel are quoted as quote_ident quotes;
	// all three are '' for constraints other than foreign keys, confrelid 0.
	"pgtidb_constraintdef": `SELECT pgtidb_oid('con', k.TABLE_SCHEMA, k.TABLE_NAME, k.conname) AS oid,
			CASE k.CONSTRAINT_TYPE WHEN 'PRIMARY KEY' THEN CONCAT('PRIMARY KEY (', k.cols, ')')
				WHEN 'UNIQUE' THEN CONCAT('UNIQUE (', k.cols, ')')
				WHEN 'FOREIGN KEY' THEN CONCAT('FOREIGN KEY (', k.cols, ') REFERENCES ')
				ELSE CONCAT('CHECK (', k.check_plain, ')') END AS def,
			CASE k.CONSTRAINT_TYPE WHEN 'PRIMARY KEY' THEN CONCAT('PRIMARY KEY (', k.cols, ')')
				WHEN 'UNIQUE' THEN CONCAT('UNIQUE (', k.cols, ')')
				WHEN 'FOREIGN KEY' THEN CONCAT('FOREIGN KEY (', k.cols, ') REFERENCES ')
				ELSE CONCAT('CHECK (', k.check_pretty, ')') END AS pretty_def,
			IF(k.CONSTRAINT_TYPE = 'FOREIGN KEY', pgtidb_quote_ident(pgtidb_schema(k.ref_schema)), '') AS ref_nsp,
			IF(k.CONSTRAINT_TYPE = 'FOREIGN KEY', pgtidb_quote_ident(k.ref_table), '') AS ref_rel,
			IF(k.CONSTRAINT_TYPE = 'FOREIGN KEY', CONCAT('(', k.refcols, ')',
				IF(k.UPDATE_RULE = 'NO ACTION', '', CONCAT(' ON UPDATE ', k.UPDATE_RULE)),
				IF(k.DELETE_RULE = 'NO ACTION', '', CONCAT(' ON DELETE ', k.DELETE_RULE)),
				IF(` + fkDeferral + ` = '', '', CONCAT(' ', ` + fkDeferral + `))), '') AS ref_tail,
			IF(k.CONSTRAINT_TYPE = 'FOREIGN KEY', pgtidb_oid('rel', k.ref_schema, k.ref_table), 0) AS confrelid
		FROM (SELECT u.TABLE_SCHEMA, u.TABLE_NAME,
				IF(u.CONSTRAINT_NAME = 'PRIMARY', CONCAT(u.TABLE_NAME, '_pkey'), u.CONSTRAINT_NAME) AS conname,
				MIN(tc.CONSTRAINT_TYPE) AS CONSTRAINT_TYPE,
				GROUP_CONCAT(pgtidb_quote_ident(u.COLUMN_NAME) ORDER BY u.ORDINAL_POSITION SEPARATOR ', ') AS cols,
				GROUP_CONCAT(pgtidb_quote_ident(u.REFERENCED_COLUMN_NAME) ORDER BY u.ORDINAL_POSITION SEPARATOR ', ') AS refcols,
				MIN(u.REFERENCED_TABLE_SCHEMA) AS ref_schema, MIN(u.REFERENCED_TABLE_NAME) AS ref_table,
				MIN(r.UPDATE_RULE) AS UPDATE_RULE, MIN(r.DELETE_RULE) AS DELETE_RULE,
				NULL AS check_plain, NULL AS check_pretty
			FROM information_schema.KEY_COLUMN_USAGE u
			JOIN information_schema.TABLE_CONSTRAINTS tc ON pgtidb_in_database(tc.TABLE_SCHEMA) AND tc.TABLE_SCHEMA = u.TABLE_SCHEMA
				AND tc.TABLE_NAME = u.TABLE_NAME AND tc.CONSTRAINT_NAME = u.CONSTRAINT_NAME
			LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON pgtidb_in_database(r.CONSTRAINT_SCHEMA)
				AND r.CONSTRAINT_SCHEMA = u.TABLE_SCHEMA AND r.TABLE_NAME = u.TABLE_NAME AND r.CONSTRAINT_NAME = u.CONSTRAINT_NAME
			WHERE pgtidb_in_database(u.TABLE_SCHEMA) AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
			  AND (u.TABLE_SCHEMA, u.TABLE_NAME, u.CONSTRAINT_NAME) NOT IN ` + uniqueIndexes + `
			GROUP BY u.TABLE_SCHEMA, u.TABLE_NAME, u.CONSTRAINT_NAME
			UNION ALL
			SELECT ck.CONSTRAINT_SCHEMA, ck.TABLE_NAME, ck.CONSTRAINT_NAME, 'CHECK', '', '', NULL, NULL, NULL, NULL,
				ck.check_plain, ck.check_pretty
			FROM (` + checkTexts + `) ck) k` + fkDeferralJoin("k.CONSTRAINT_TYPE = 'FOREIGN KEY'"),
}

// fkDeferralJoin joins the stored deferral (TextDeferral) of the constraint in row k (its
// TiDB database TABLE_SCHEMA, table TABLE_NAME and name conname) when isFK holds; fkDeferral is
// that deferral ("DEFERRABLE", "DEFERRABLE INITIALLY DEFERRED"), ” for a key that is not
// DEFERRABLE and for other constraints.
func fkDeferralJoin(isFK string) string {
	return ` LEFT JOIN pgtidb_catalog.texts fkd ON ` + isFK + ` AND fkd.tidb_db = k.TABLE_SCHEMA
			AND fkd.table_name = k.TABLE_NAME AND fkd.kind = '` + string(TextDeferral) + `' AND fkd.name = k.conname`
}

const fkDeferral = "IFNULL(fkd.plain, '')"
