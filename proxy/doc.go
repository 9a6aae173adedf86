// Package proxy is pgtidb's PostgreSQL server: it speaks the PostgreSQL v3 wire protocol to
// clients (server side of github.com/jackc/pgx/v5/pgproto3) and runs what they ask on TiDB over
// the MySQL protocol (github.com/go-sql-driver/mysql).
//
// Files and what each owns:
//
//	server.go    listener, accept loop, session registry (CancelRequest, pg_stat_activity), shutdown
//	activity.go  each connection's pg_stat_activity row and the sessions' snapshots of them
//	conn.go      one client connection: startup, the message loop, panic containment
//	session.go   the session's pinned TiDB connection, its setup and the statement runner
//	simple.go    the simple query protocol (Query), with PostgreSQL's implicit-block rules
//	extended.go  the extended protocol (Parse/Bind/Describe/Execute/Close/Sync/Flush)
//	utility.go   SET/SHOW/RESET/BEGIN/COMMIT/SAVEPOINT/SET CONSTRAINTS… through package compat
//	rows.go      TiDB rows → RowDescription/DataRow through package typemap, streamed
//	limits.go    bounds on input checked before pg_query.Parse sees it
//	errors.go    error → ErrorResponse (SQLSTATE; never Go text or panics); session.go explain
//	             adds what TiDB's errors lack (relation, key), fkDeferred refuses a deferred key's violation
//
// Connection lifecycle:
//
//  1. Startup: SSLRequest and GSSENCRequest are answered 'N'; a CancelRequest is matched to a
//     session by its BackendKeyData and acted on with KILL QUERY on that session's TiDB
//     connection; a StartupMessage names the user and database.
//  2. The session opens its own TiDB connection (never shared, never pooled), sets the session
//     variables PostgreSQL semantics need (time zone, isolation, sql_mode…) and USEs the
//     database; an unknown database is 3D000.
//  3. AuthenticationOk (trust), ParameterStatus for every GUC_REPORT parameter, BackendKeyData,
//     ReadyForQuery.
//  4. The message loop until Terminate or EOF. A panic inside a session is recovered, logged,
//     reported to that client as XX000 and ends only that session.
//
// Each statement: bounds check → pg_query.Parse (cached by text) → compat (utility statements)
// or translate (cached per text, search path and catalog generation; a translation that read
// session state, Statement.Uncacheable, is not cached and is made anew at each Execute of a
// prepared statement, as PostgreSQL reads that state when the statement runs) → TiDB →
// typemap. Rows are
// streamed to the client as TiDB returns them and flushed every few hundred rows; a result is
// never held whole in memory, except that a suspended portal is read to its end when another
// statement needs the connection.
//
// Session state beyond GUCs and the transaction: the sequence the session last called nextval
// on (translate.Statement.Nextvals), for lastval(), whose value the runner reads and binds just
// before a statement that calls it (translate.Statement.Lastval); and the session's blocks of
// CACHE n > 1 sequences with the values it last drew from them (seqcache.go): the runner draws
// a statement's translate.Statement.SessionValues before it runs, taking a new block of n
// values under TiDB's advisory lock of the sequence (NEXTVAL, then SETVAL to the block's end)
// when one is used up; setval and ALTER SEQUENCE drop the session's block, ALTER SEQUENCE and
// TRUNCATE … RESTART IDENTITY every session's (catalog.SequenceEpoch, checked when the catalog
// generation moved).
//
// pg_stat_activity (activity.go): each connection owns its row — state, statement text and
// start, transaction start, application_name — written by its own goroutine when a Query,
// Parse, Bind or Execute message starts and at ReadyForQuery, under the row's mutex. A session
// reading pg_stat_activity copies every registered connection's row (Server.activities) at its
// first read in a transaction and keeps that snapshot until the transaction ends, as
// PostgreSQL does; the translator turns it into literal rows (catalog.EmulationEnv.Sessions).
// Times are the pgtidb host's clock.
package proxy
