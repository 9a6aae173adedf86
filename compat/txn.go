package compat

import (
	"strings"

	"github.com/jackc/pgerrcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// TxnStatus is the transaction status byte of ReadyForQuery.
type TxnStatus byte

const (
	TxnIdle   TxnStatus = 'I' // not in a transaction block
	TxnBlock  TxnStatus = 'T' // in a transaction block
	TxnFailed TxnStatus = 'E' // in a failed transaction block
)

// ErrSerializable refuses SERIALIZABLE: TiDB offers snapshot isolation at most.
var ErrSerializable = pgerror.Unsupported("SERIALIZABLE isolation").
	WithHint("TiDB provides snapshot isolation at most; use REPEATABLE READ, which is snapshot isolation in PostgreSQL too.")

// ErrInFailedTxn is PostgreSQL's 25P02.
var ErrInFailedTxn = pgerror.New(pgerrcode.InFailedSQLTransaction,
	"current transaction is aborted, commands ignored until end of transaction block")

// Txn is the PostgreSQL transaction state of one session. TiDB's own transaction is opened
// lazily: BEGIN only changes this state, and the proxy starts the TiDB transaction right before
// the first statement that needs it (so SET TRANSACTION after BEGIN works, and REPEATABLE READ
// takes its snapshot at the first query, as in PostgreSQL).
type Txn struct {
	Status TxnStatus
	// Implicit is true for the implicit block of a multi-statement simple query.
	Implicit bool
	// Isolation of the block: "read committed" or "repeatable read".
	Isolation string
	ReadOnly  bool
	// TiDBOpen is true once the TiDB transaction of the block has been started.
	TiDBOpen bool
	// Wrote is true once the block has run a statement that may have written rows.
	Wrote bool
	// Queried is true once the block has run any statement (SET TRANSACTION must come first).
	Queried bool

	savepoints []savepoint
	gucSnap    map[string]string
	// locals holds, for each parameter SET LOCAL changed, the session value to put back at
	// the end of the block.
	locals map[string]localValue
	// constraints is what SET CONSTRAINTS set in the block (constraints.go).
	constraints constraintModes
}

type localValue struct {
	value string
	set   bool // false: the parameter was at its default
}

// SetLocal records the value a parameter had before SET LOCAL changed it (the first time in
// this block), so that End can put it back.
func (t *Txn) SetLocal(name string, gucs *GUCs) {
	key := strings.ToLower(name)
	if t.locals == nil {
		t.locals = map[string]localValue{}
	}
	if _, done := t.locals[key]; done {
		return
	}
	v, ok := gucs.values[key]
	t.locals[key] = localValue{value: v, set: ok}
}

type savepoint struct {
	name        string
	gucSnap     map[string]string
	wrote       bool
	constraints constraintModes
}

// InBlock reports whether a transaction block (explicit or implicit) is open.
func (t *Txn) InBlock() bool { return t.Status != TxnIdle }

// Begin opens a block. gucs is snapshotted so ROLLBACK can undo SET.
func (t *Txn) Begin(implicit bool, isolation string, readOnly bool, gucs *GUCs) {
	*t = Txn{Status: TxnBlock, Implicit: implicit, Isolation: isolation, ReadOnly: readOnly, gucSnap: gucs.Snapshot()}
}

// End closes the block (after COMMIT or ROLLBACK reached TiDB, or nothing needed to).
// committed=false restores the GUCs set inside the block.
func (t *Txn) End(committed bool, gucs *GUCs) {
	if !committed && t.gucSnap != nil {
		gucs.Restore(t.gucSnap)
	} else {
		for key, lv := range t.locals {
			if lv.set {
				gucs.values[key] = lv.value
			} else {
				delete(gucs.values, key)
			}
		}
	}
	*t = Txn{Status: TxnIdle}
}

// Fail marks the block failed after an error.
func (t *Txn) Fail() {
	if t.Status == TxnBlock {
		t.Status = TxnFailed
	}
}

// AddSavepoint records a savepoint (PostgreSQL allows the same name twice; the newest wins).
func (t *Txn) AddSavepoint(name string, gucs *GUCs) {
	t.savepoints = append(t.savepoints, savepoint{name: name, gucSnap: gucs.Snapshot(), wrote: t.Wrote,
		constraints: t.constraints.clone()})
}

func (t *Txn) findSavepoint(name string) int {
	for i := len(t.savepoints) - 1; i >= 0; i-- {
		if t.savepoints[i].name == name {
			return i
		}
	}
	return -1
}

// SavepointPos returns the stack position of the newest savepoint named name (what tells
// same-named savepoints apart on TiDB); the error is PostgreSQL's 3B001.
func (t *Txn) SavepointPos(name string) (int, error) {
	i := t.findSavepoint(name)
	if i < 0 {
		return 0, pgerror.Newf(pgerrcode.InvalidSavepointSpecification, "savepoint \"%s\" does not exist", name)
	}
	return i, nil
}

// NextSavepointPos is the stack position the next savepoint will take.
func (t *Txn) NextSavepointPos() int { return len(t.savepoints) }

// RollbackTo restores the state at savepoint name (which stays defined) and leaves a failed
// block.
func (t *Txn) RollbackTo(name string, gucs *GUCs) {
	i := t.findSavepoint(name)
	if i < 0 {
		return
	}
	gucs.Restore(t.savepoints[i].gucSnap)
	t.constraints = t.savepoints[i].constraints.clone()
	t.savepoints = t.savepoints[:i+1]
	t.Status = TxnBlock
}

// Release forgets savepoint name and every later one.
func (t *Txn) Release(name string) {
	if i := t.findSavepoint(name); i >= 0 {
		t.savepoints = t.savepoints[:i]
	}
}

// HasSavepoints reports whether any savepoint is active.
func (t *Txn) HasSavepoints() bool { return len(t.savepoints) > 0 }
