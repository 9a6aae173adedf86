package catalog

// A sequence's data type (CREATE SEQUENCE … AS type): TiDB keeps none, so pgtidb stores it as
// a text of kind TextSequenceType (the type's OID) when the statement names it. Without one,
// the type is derived from the maximum: smallint's or integer's maximum gives that type (as
// SERIAL's and identity's sequences have), any other bigint.
//
// sequenceTypes joins each sequence s of TiDB's information_schema.SEQUENCES to its stored
// type st and to its PostgreSQL START ss (TextSequenceStart), recorded when TiDB's START holds
// another value; sequenceCaches joins it to its PostgreSQL CACHE sc (TextSequenceCache,
// recorded when above 1);
// sequenceType is the type's OID, sequenceStart PostgreSQL's START, sequenceCache its CACHE.
const (
	sequenceTypes = `LEFT JOIN pgtidb_catalog.texts st ON st.tidb_db = s.SEQUENCE_SCHEMA AND st.table_name = s.SEQUENCE_NAME
			AND st.kind = 'seqtype' AND st.name = ''
		LEFT JOIN pgtidb_catalog.texts ss ON ss.tidb_db = s.SEQUENCE_SCHEMA AND ss.table_name = s.SEQUENCE_NAME
			AND ss.kind = 'seqstart' AND ss.name = ''`
	sequenceCaches = `LEFT JOIN pgtidb_catalog.texts sc ON sc.tidb_db = s.SEQUENCE_SCHEMA AND sc.table_name = s.SEQUENCE_NAME
			AND sc.kind = 'seqcache' AND sc.name = ''`
	sequenceStart = `COALESCE(CAST(ss.plain AS SIGNED), s.START)`
	sequenceCache = `COALESCE(CAST(sc.plain AS SIGNED), 1)`
	sequenceType  = `COALESCE(CAST(st.plain AS UNSIGNED), CASE s.MAX_VALUE WHEN 32767 THEN 21 WHEN 2147483647 THEN 23 ELSE 20 END)`
)
