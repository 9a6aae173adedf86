package catalog

import (
	"time"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
)

// pg_stat_activity: one row per client session of this pgtidb instance, every database and
// user, as PostgreSQL lists every backend. The rows come from EmulationEnv.Sessions, a
// snapshot the proxy takes of its sessions (the caller's own among them, read the same way);
// the macro table pgtidb_sessions becomes a derived table of those rows, literals built on the
// AST (sessionRows), so a translation over pg_stat_activity is never cached
// (DependsOnSession).
//
// Columns as PostgreSQL 15 shows a client backend: wait_event_type/wait_event are
// Client/ClientRead while the session waits for its client (every state but active; pgtidb
// does not know what a running statement waits for: NULL). usesysid is 10, the OID every
// pgtidb user has (pg_roles). pgtidb has no parallel workers (leader_pid NULL), no
// transaction ids (backend_xid, backend_xmin NULL), no query ids (query_id NULL, as with
// PostgreSQL's default compute_query_id) and no reverse lookups (client_hostname NULL, as
// with log_hostname off). Background processes PostgreSQL also lists (checkpointer,
// walwriter, autovacuum launcher…) have no counterpart in pgtidb and no row (KNOWN_GAPS.md).

// Values of pg_stat_activity.state pgtidb reports.
const (
	StateActive           = "active"
	StateIdle             = "idle"
	StateIdleInTxn        = "idle in transaction"
	StateIdleInTxnAborted = "idle in transaction (aborted)"
)

const (
	// sessionsMacro is the macro table of the session rows (sessionsTable).
	sessionsMacro = "pgtidb_sessions"
	// activityTimestampFormat is how a time travels to TiDB (UTC, the sessions' time_zone).
	activityTimestampFormat = "2006-01-02 15:04:05.000000"
)

// SessionActivity is one client session as pg_stat_activity shows it: a copy the proxy
// takes, never shared with the session that goes on changing its own.
type SessionActivity struct {
	PID             int32
	Database, User  string
	ApplicationName string
	// ClientAddr is empty for a client on a Unix socket (client_addr NULL, client_port -1).
	ClientAddr string
	ClientPort int32
	// BackendStart is when the client connected; XactStart, QueryStart and StateChange are
	// NULL when zero (no open transaction, no statement run yet).
	BackendStart, XactStart, QueryStart, StateChange time.Time
	// State is one of the State constants.
	State string
	// Query is the text of the session's running statement, or of its last one when idle.
	Query string
}

func init() {
	pgCatalogEmulations["pg_stat_activity"] = `SELECT pgtidb_oid('db', '', a.datname) AS datid, a.datname AS datname,
			a.pid AS pid, NULL AS leader_pid, 10 AS usesysid, a.usename AS usename,
			a.application_name AS application_name, a.client_addr AS client_addr, NULL AS client_hostname,
			a.client_port AS client_port, CAST(a.backend_start AS DATETIME(6)) AS backend_start,
			CAST(a.xact_start AS DATETIME(6)) AS xact_start, CAST(a.query_start AS DATETIME(6)) AS query_start,
			CAST(a.state_change AS DATETIME(6)) AS state_change,
			IF(a.state = 'active', NULL, 'Client') AS wait_event_type, IF(a.state = 'active', NULL, 'ClientRead') AS wait_event,
			a.state AS state, NULL AS backend_xid, NULL AS backend_xmin, NULL AS query_id, a.query AS query,
			'client backend' AS backend_type
		FROM ` + sessionsMacro + ` a`
}

// sessionColumns are the columns of the pgtidb_sessions rows, in sessionRow's order.
var sessionColumns = []string{"datname", "pid", "usename", "application_name", "client_addr", "client_port",
	"backend_start", "xact_start", "query_start", "state_change", "state", "query"}

// sessionRows is the derived table the macro table pgtidb_sessions stands for: SELECT of one
// session's literals per session, UNION ALL; without sessions, one row of NULLs WHERE FALSE.
func sessionRows(env EmulationEnv) ast.ResultSetNode {
	var sessions []SessionActivity
	if env.Sessions != nil {
		sessions = env.Sessions()
	}
	row := func(values []ast.ExprNode) *ast.SelectStmt {
		fields := make([]*ast.SelectField, len(values))
		for i, v := range values {
			fields[i] = &ast.SelectField{Expr: v, AsName: model.NewCIStr(sessionColumns[i])}
		}
		return &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Kind: ast.SelectStmtKindSelect,
			Fields: &ast.FieldList{Fields: fields}}
	}
	if len(sessions) == 0 {
		values := make([]ast.ExprNode, len(sessionColumns))
		for i := range values {
			values[i] = ast.NewValueExpr(nil, "", "")
		}
		empty := row(values)
		empty.Where = ast.NewValueExpr(false, "", "")
		return empty
	}
	unionAll := ast.UnionAll
	selects := make([]ast.Node, len(sessions))
	for i, a := range sessions {
		sel := row(sessionRow(a))
		if i > 0 {
			sel.AfterSetOperator = &unionAll
		}
		selects[i] = sel
	}
	if len(selects) == 1 {
		return selects[0].(*ast.SelectStmt)
	}
	return &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: selects}}
}

// sessionRow is a's values in sessionColumns' order.
func sessionRow(a SessionActivity) []ast.ExprNode {
	str := func(s string) ast.ExprNode { return ast.NewValueExpr(s, "", "") }
	null := func() ast.ExprNode { return ast.NewValueExpr(nil, "", "") }
	ts := func(t time.Time) ast.ExprNode {
		if t.IsZero() {
			return null()
		}
		return str(t.UTC().Format(activityTimestampFormat))
	}
	addr, port := null(), ast.NewValueExpr(int64(-1), "", "")
	if a.ClientAddr != "" {
		addr, port = str(a.ClientAddr), ast.NewValueExpr(int64(a.ClientPort), "", "")
	}
	return []ast.ExprNode{str(a.Database), ast.NewValueExpr(int64(a.PID), "", ""), str(a.User), str(a.ApplicationName),
		addr, port, ts(a.BackendStart), ts(a.XactStart), ts(a.QueryStart), ts(a.StateChange), str(a.State), str(a.Query)}
}

// sessionsTable expands the macro table pgtidb_sessions of a FROM item.
func sessionsTable(ts *ast.TableSource, env EmulationEnv) bool {
	name, ok := ts.Source.(*ast.TableName)
	if !ok || name.Schema.L != "" || name.Name.L != sessionsMacro {
		return false
	}
	ts.Source = sessionRows(env)
	return true
}
