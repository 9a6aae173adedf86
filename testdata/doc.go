// Package testdata holds the data of pgtidb's end-to-end tests; it has no code. (The go tool
// ignores directories named testdata, so this file documents the directory and is never built.)
//
// diff/NNN_name.sql — differential scripts, read by e2e.TestDifferential (simple query protocol)
// and e2e.TestDifferentialExtended (extended protocol). Each script runs in a fresh database
// (d_NNN_name, dx_NNN_name) on a real PostgreSQL 15 and on pgtidb, one statement at a time
// (split by pg_query's parser; a script made of deliberate syntax errors is split by its
// scanner). Per statement the runner compares column names, column type OIDs, rows (in order
// when the outermost SELECT has ORDER BY, otherwise as multisets), the command tag, the
// SQLSTATE of an error (never its message) and the transaction status afterwards. Scripts must
// be deterministic on PostgreSQL: no now(), random() or gen_random_uuid() values in compared
// output (compare their type or a predicate instead), and every statement should be able to
// fail — no filler. Write what a PostgreSQL user expects; check it against PostgreSQL first:
//
//	createdb -h 127.0.0.1 -U postgres scratch
//	PGTZ=UTC psql -X -h 127.0.0.1 -U postgres -f testdata/diff/NNN_name.sql scratch
//
// Concurrent scripts drive several sessions (one connection per side each), with directive
// comment lines before a statement:
//
//	-- session: B   this statement and the following ones run on session B (the first is A)
//	-- async        start this statement in the background: it waits for a lock another
//	                session holds (an uncommitted row with the same key, a row being updated,
//	                SELECT … FOR UPDATE)
//	-- wait         collect every pending background statement before this one
//
// The runner keeps both sides in step: after each statement it waits until every background
// statement has either finished on PostgreSQL (then it waits for pgtidb's and compares) or is
// blocked on PostgreSQL (pg_blocking_pids; it must then not have finished on pgtidb either).
// A background statement is also collected before its session's next statement and at the
// end of the script; it must no longer be blocked then. A statement without "-- async" that
// blocks on PostgreSQL fails the script. Waiting on one side only is a difference of that
// statement: PostgreSQL blocks and pgtidb finishes, or PostgreSQL finishes and TiDB shows
// pgtidb's statement waiting for a lock (INFORMATION_SCHEMA.TIDB_TRX); such a statement is
// cancelled if its session is needed before the lock is released. Put the statement that
// releases the lock next, so that the rest of the script still compares. Deadlocks are not
// scriptable this way: PostgreSQL detects them after deadlock_timeout, TiDB at once. PostgreSQL thus decides when each blocked statement
// resumes, and the transcript is the same on every run (diff/024_concurrent.sql).
//
// diff/gaps/NNN_name.sql — scripts that exercise known gaps: a comment line "-- gap: KEY"
// marks the next statement as expected to differ, for the reason KNOWN_GAPS.md gives under
// "Differential suite" for KEY. Marked statements are counted as "known gaps still differ"
// and never fail the suite; when one starts to match, the runner says so and it should move
// to a regular script. Unmarked statements in these files are ordinary differential
// statements. A statement belongs here only when the gap is a TiDB limitation the project has
// decided not to close (TIDB_GAPS.md, KNOWN_GAPS.md) — not merely because it fails today.
// A construct that pgtidb refuses today but will translate later keeps its statement in the
// regular script where the feature is tested, marked "-- gap: not-yet" (or a more specific
// key), so the gap stays visible there and the runner says when it starts to match.
//
// psql/*.sql — psql scripts (meta-commands included) run by e2e.TestPsql with
// `psql -X -v ON_ERROR_STOP=0 -f` against both servers; the outputs must be identical.
package testdata
