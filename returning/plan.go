package returning

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// StepKind says what the executor does with a step's statement.
type StepKind int

const (
	// Exec runs a statement that returns no rows (INSERT, UPDATE, DELETE).
	Exec StepKind = iota + 1
	// Collect runs a query and keeps its rows: the first Step.Keys columns are the keys later
	// steps are built from; the rest is payload a ReturnCollected step can emit.
	Collect
	// Return runs a query whose rows are the statement's result; they are streamed.
	Return
	// ReturnCollected emits the payload of the rows the latest Collect step kept (DELETE …
	// RETURNING: the pre-image is read before the rows are gone). It runs no SQL.
	ReturnCollected
	// Compute runs no SQL: Step.Compute derives rows from the rows of every earlier Collect
	// and Compute step (INSERT … ON CONFLICT decides there which proposed row is inserted,
	// which updates an existing row and which is skipped), or fails the statement. Its rows
	// count as collected rows for the steps after it.
	Compute
)

func (k StepKind) String() string {
	switch k {
	case Exec:
		return "exec"
	case Collect:
		return "collect"
	case Return:
		return "return"
	case ReturnCollected:
		return "return-collected"
	case Compute:
		return "compute"
	}
	return fmt.Sprintf("StepKind(%d)", int(k))
}

// Value is one column value as TiDB sent it in the text protocol; nil is NULL.
type Value = []byte

// Row is one collected row.
type Row = []Value

// Step is one TiDB statement of a plan.
type Step struct {
	Kind StepKind
	// Build returns the step's TiDB SQL given the key columns of the rows the latest Collect
	// step kept (nil before any Collect). An empty SQL skips the step (no keys to act on).
	// Build must not mutate shared state: it builds fresh AST nodes on every call.
	Build func(keys []Row) (string, error)
	// ParamOrder maps the i-th `?` of the built SQL to the 0-based PostgreSQL parameter.
	ParamOrder []int
	// BuildFrom, when set, replaces Build and ParamOrder: given the rows of every earlier
	// Collect and Compute step in step order (a skipped Collect read no rows), it returns the
	// step's SQL (empty to skip it) and the PostgreSQL parameter of each of its `?` — for
	// statements whose rows, and so whose markers, depend on what earlier steps read.
	// Like Build, it must not mutate shared state.
	BuildFrom func(collected [][]Row) (string, []int, error)
	// Compute is the function of a Compute step (see Compute).
	Compute func(collected [][]Row) ([]Row, error)
	// RetryKeys, for an Exec step, are TiDB index names (PRIMARY for the primary key): when
	// the step fails with a duplicate key on one of them — a row another transaction inserted
	// after the plan's locking read, which READ COMMITTED point reads do not lock while absent —
	// the executor runs the plan again from step RetryFrom (0-based), up to maxRetries times, as
	// PostgreSQL's speculative insertion retries. TiDB undid the failed statement; the steps
	// from RetryFrom up to this one must not write.
	RetryKeys []string
	RetryFrom int
	// Keys is, for Collect, the number of leading columns that are keys (the rest is payload).
	Keys int
	// Check, for Collect, validates the collected rows (e.g. raises PostgreSQL's error when a
	// guard query found nothing).
	Check func(rows []Row) error
	// Undo, for an Exec step of a DDL plan, is the statement that reverses it; when a later
	// step fails, the executor runs the Undo of every step that succeeded, latest first (TiDB
	// commits each DDL at once, so a failed plan must clean up after itself).
	Undo string
	// Whole, for a Return step, makes the executor fail the statement when the step returns
	// another number of rows than the Exec steps before it affected (a read-back that missed
	// a row must not pass for a complete RETURNING).
	Whole bool
	// PerKey, for an Exec step, runs the step once per key row the latest Collect step kept,
	// Build given that one row (a skipped row builds empty SQL): DROP DATABASE drops each of
	// the database's schema databases, however many TiDB lists at run time.
	PerKey bool
	// Explain describes the step for golden tests when its SQL depends on keys: it is the SQL
	// Build gives for the sample keys.
	Explain string
	// Outside, for an Exec or Collect step, runs it on a TiDB connection of its own in autocommit, not on
	// the session's and not in the caller's transaction: a change PostgreSQL does not undo
	// with the transaction (setval's ALTER SEQUENCE … RESTART, which TiDB would otherwise run
	// as DDL committing the session's open transaction; the sequence state pgtidb records).
	Outside bool
}

// Plan is a statement run as several TiDB statements in one transaction.
type Plan struct {
	Steps []Step
	// CountExec makes the command tag count the rows the Exec steps affected; otherwise it
	// counts the rows returned.
	CountExec bool
}

// Querier is the session's TiDB connection (*sql.Conn, *sql.Tx).
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Sink receives a plan's result rows.
type Sink interface {
	// Stream sends every row of rows (a Return step) and returns how many it sent; it closes
	// rows.
	Stream(rows *sql.Rows) (int64, error)
	// Emit sends one row given as TiDB text values (a ReturnCollected step).
	Emit(row Row) error
}

// maxRetries bounds the reruns of a plan whose retrying step met a duplicate key.
const maxRetries = 100

// duplicateOn reports whether err is TiDB's duplicate-key error on one of the indexes.
func duplicateOn(err error, indexes []string) bool {
	var me *mysql.MySQLError
	if len(indexes) == 0 || !errors.As(err, &me) || me.Number != 1062 {
		return false
	}
	// Duplicate entry '…' for key '<table>.<index>'
	at := strings.LastIndex(me.Message, "for key '")
	if at < 0 {
		return false
	}
	key := strings.TrimSuffix(me.Message[at+len("for key '"):], "'")
	key = key[strings.LastIndex(key, ".")+1:]
	for _, ix := range indexes {
		if strings.EqualFold(ix, key) {
			return true
		}
	}
	return false
}

// Execute runs plan on q with the client's parameters (PostgreSQL order) inside the transaction
// the caller opened. It returns the row count of PostgreSQL's command tag. A plan with Outside
// steps needs ExecuteWith.
func Execute(ctx context.Context, q Querier, plan *Plan, params []any, sink Sink) (n int64, err error) {
	return ExecuteWith(ctx, q, nil, plan, params, sink)
}

// ExecuteWith is Execute with outside, the autocommit connections the Outside steps run on.
func ExecuteWith(ctx context.Context, q, outside Querier, plan *Plan, params []any, sink Sink) (n int64, err error) {
	var undo []string
	defer func() {
		if err != nil {
			for i := len(undo) - 1; i >= 0; i-- {
				_, _ = q.ExecContext(context.Background(), undo[i])
			}
		}
	}()
	var collected []Row
	var keys []Row
	var keyWidth int
	var affected, returned int64
	// all holds the rows of every Collect and Compute step so far (BuildFrom, Compute).
	var all [][]Row
	// allAt[i] is len(all) when step i starts (for a retry from step i).
	allAt := make([]int, len(plan.Steps))
	retries := 0
	for i := 0; i < len(plan.Steps); i++ {
		st := &plan.Steps[i]
		allAt[i] = len(all)
		switch st.Kind {
		case ReturnCollected:
			for _, r := range collected {
				if err := sink.Emit(r[keyWidth:]); err != nil {
					return 0, err
				}
				returned++
			}
			continue
		case Compute:
			if collected, err = st.Compute(all); err != nil {
				return 0, err
			}
			all = append(all, collected)
			keys, keyWidth = collected, 0
			continue
		}
		if st.Kind == Exec && st.PerKey {
			for _, k := range keys {
				query, err := st.Build([]Row{k})
				if err != nil {
					return 0, err
				}
				if query == "" {
					continue
				}
				res, err := q.ExecContext(ctx, query)
				if err != nil {
					return 0, err
				}
				n, _ := res.RowsAffected()
				affected += n
			}
			continue
		}
		var query string
		order := st.ParamOrder
		if st.BuildFrom != nil {
			query, order, err = st.BuildFrom(all)
		} else {
			query, err = st.Build(keys)
		}
		if err != nil {
			return 0, err
		}
		if query == "" {
			if st.Kind == Collect {
				all = append(all, nil)
			}
			continue
		}
		args := make([]any, len(order))
		for j, idx := range order {
			if idx < 0 || idx >= len(params) {
				return 0, fmt.Errorf("plan step %d: parameter $%d not bound", i+1, idx+1)
			}
			args[j] = params[idx]
		}
		on := q
		if st.Outside {
			if outside == nil {
				return 0, fmt.Errorf("plan step %d: no connection for a step outside the transaction", i+1)
			}
			on = outside
		}
		switch st.Kind {
		case Exec:
			res, err := on.ExecContext(ctx, query, args...)
			if err != nil {
				if retries < maxRetries && st.RetryFrom < i && duplicateOn(err, st.RetryKeys) {
					retries++
					all = all[:allAt[st.RetryFrom]]
					i = st.RetryFrom - 1
					continue
				}
				return 0, err
			}
			n, _ := res.RowsAffected()
			affected += n
			if st.Undo != "" {
				undo = append(undo, st.Undo)
			}
		case Collect:
			if collected, err = collect(ctx, on, query, args); err != nil {
				return 0, err
			}
			all = append(all, collected)
			if st.Check != nil {
				if err := st.Check(collected); err != nil {
					return 0, err
				}
			}
			keyWidth = st.Keys
			keys = make([]Row, len(collected))
			for j, r := range collected {
				keys[j] = r[:min(keyWidth, len(r))]
			}
		case Return:
			rows, err := q.QueryContext(ctx, query, args...)
			if err != nil {
				return 0, err
			}
			n, err := sink.Stream(rows)
			returned += n
			if err != nil {
				return 0, err
			}
			if st.Whole && n != affected {
				return 0, fmt.Errorf("plan step %d: read back %d of the %d rows written", i+1, n, affected)
			}
		default:
			return 0, fmt.Errorf("plan step %d: unknown kind %v", i+1, st.Kind)
		}
	}
	if plan.CountExec {
		return affected, nil
	}
	return returned, nil
}

// collect reads every row of a query, copying the values.
func collect(ctx context.Context, q Querier, query string, args []any) ([]Row, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	raw := make([]sql.RawBytes, len(cols))
	dest := make([]any, len(cols))
	for i := range raw {
		dest[i] = &raw[i]
	}
	var out []Row
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		r := make(Row, len(raw))
		for i, v := range raw {
			if v != nil {
				r[i] = append([]byte{}, v...)
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
