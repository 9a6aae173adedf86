package catalog

import (
	"time"

	"github.com/pingcap/tidb/pkg/parser/ast"
)

// pg_views, pg_sequences and pg_stat_activity.

func init() {
	pgCatalogEmulations["pg_views"] = `SELECT pgtidb_schema(v.TABLE_SCHEMA) AS schemaname, v.TABLE_NAME AS viewname,
			CURRENT_USER() AS viewowner, ` + viewDefinition + ` AS definition
		FROM information_schema.VIEWS v ` + viewTexts + ` WHERE pgtidb_in_database(v.TABLE_SCHEMA)`

	// Sequences as pg_sequence shows them (data type from the maximum, CACHE 0 is 1; TiDB's
	// bigint maximum 9223372036854775806 is PostgreSQL's 9223372036854775807, as in
	// information_schema.sequences). TiDB
	// answers a sequence's current value only through SHOW TABLE … NEXT_ROW_ID, not in a
	// SELECT: last_value is NULL, as PostgreSQL shows it for a sequence never read
	// (KNOWN_GAPS.md). Sequences of identity columns are listed too, as in PostgreSQL.
	pgCatalogEmulations["pg_sequences"] = `SELECT pgtidb_schema(s.SEQUENCE_SCHEMA) AS schemaname, s.SEQUENCE_NAME AS sequencename,
			CURRENT_USER() AS sequenceowner, ` + sequenceType + ` AS data_type,
			s.START AS start_value, s.MIN_VALUE AS min_value, IF(s.MAX_VALUE = 9223372036854775806, 9223372036854775807, s.MAX_VALUE) AS max_value, s.INCREMENT AS increment_by,
			s.CYCLE AS cycle, IF(s.CACHE = 0, 1, s.CACHE_VALUE) AS cache_size, NULL AS ` + "`last_value`" + `
		FROM information_schema.SEQUENCES s ` + sequenceTypes + ` WHERE pgtidb_in_database(s.SEQUENCE_SCHEMA)`
}

// SessionActivity is what pg_stat_activity shows of the session running the statement,
// beyond its database, user, pid and parameters: the client's address and port (ClientAddr
// empty for a client on a Unix socket, whose client_port is -1), when the session started,
// and the text of the statement.
type SessionActivity struct {
	ClientAddr   string
	ClientPort   int32
	BackendStart time.Time
	Query        string
}

func init() {
	// One row: the session's own. The proxy's other sessions and other pgtidb instances'
	// sessions are not listed (KNOWN_GAPS.md). query_start and state_change are the
	// statement's start (TiDB's NOW(6), as statement_timestamp()), and so is xact_start, as
	// pgtidb's transaction_timestamp() is (KNOWN_GAPS.md: now() in a transaction block). pgtidb has no transaction ids: backend_xid and backend_xmin are
	// NULL; query_id is NULL as with PostgreSQL's default compute_query_id.
	pgCatalogEmulations["pg_stat_activity"] = `SELECT pgtidb_oid('db', '', DATABASE()) AS datid, DATABASE() AS datname,
			pgtidb_session('pid') AS pid, NULL AS leader_pid, 10 AS usesysid, CURRENT_USER() AS usename,
			pgtidb_setting('application_name') AS application_name, pgtidb_session('client_addr') AS client_addr,
			NULL AS client_hostname, pgtidb_session('client_port') AS client_port,
			pgtidb_session('backend_start') AS backend_start, NOW(6) AS xact_start,
			NOW(6) AS query_start, NOW(6) AS state_change, NULL AS wait_event_type, NULL AS wait_event,
			'active' AS state, NULL AS backend_xid, NULL AS backend_xmin, NULL AS query_id,
			pgtidb_session('query') AS query, 'client backend' AS backend_type
		FROM DUAL WHERE pgtidb_session('pid') IS NOT NULL`
}

// sessionValue is pgtidb_session(what) for env: NULL when the session does not know it.
func sessionValue(what string, env EmulationEnv) ast.ExprNode {
	null := ast.NewValueExpr(nil, "", "")
	if what == "pid" {
		if env.BackendPID == 0 {
			return null
		}
		return ast.NewValueExpr(int64(env.BackendPID), "", "")
	}
	a := env.Activity
	if a == nil {
		return null
	}
	switch what {
	case "client_addr":
		if a.ClientAddr != "" {
			return ast.NewValueExpr(a.ClientAddr, "", "")
		}
	case "client_port":
		if a.ClientAddr == "" {
			return ast.NewValueExpr(int64(-1), "", "")
		}
		return ast.NewValueExpr(int64(a.ClientPort), "", "")
	case "backend_start":
		if !a.BackendStart.IsZero() {
			return ast.NewValueExpr(a.BackendStart.UTC().Format("2006-01-02 15:04:05.000000"), "", "")
		}
	case "query":
		return ast.NewValueExpr(a.Query, "", "")
	}
	return null
}
