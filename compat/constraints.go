package compat

// SET CONSTRAINTS: which DEFERRABLE constraints a transaction defers. PostgreSQL keeps the
// modes until the end of the transaction, restores them when a savepoint they were set after
// is rolled back to, and lets SET CONSTRAINTS ALL replace every mode set before by name.

// ConstraintKey names a constraint: its TiDB database and name (PostgreSQL's SET CONSTRAINTS
// names constraints by schema and name, whatever their table).
type ConstraintKey struct {
	Database, Name string
}

// constraintModes is the state SET CONSTRAINTS leaves: all (0: not set, 1: ALL DEFERRED,
// -1: ALL IMMEDIATE), then the modes set by name since.
type constraintModes struct {
	all   int8
	named map[ConstraintKey]bool
}

func (m constraintModes) clone() constraintModes {
	out := constraintModes{all: m.all}
	if len(m.named) > 0 {
		out.named = make(map[ConstraintKey]bool, len(m.named))
		for k, v := range m.named {
			out.named[k] = v
		}
	}
	return out
}

// SetConstraints records SET CONSTRAINTS ALL (keys nil) or SET CONSTRAINTS keys, DEFERRED or
// IMMEDIATE, for the rest of the block.
func (t *Txn) SetConstraints(keys []ConstraintKey, deferred bool) {
	mode := int8(-1)
	if deferred {
		mode = 1
	}
	if keys == nil {
		t.constraints = constraintModes{all: mode}
		return
	}
	if t.constraints.named == nil {
		t.constraints.named = map[ConstraintKey]bool{}
	}
	for _, k := range keys {
		t.constraints.named[k] = deferred
	}
}

// Deferred reports whether the DEFERRABLE constraint key is deferred now, given whether it
// was declared INITIALLY DEFERRED. Outside a block a statement is its own transaction, whose
// end is the statement's: nothing is deferred past it.
func (t *Txn) Deferred(key ConstraintKey, initiallyDeferred bool) bool {
	if !t.InBlock() {
		return false
	}
	if d, ok := t.constraints.named[key]; ok {
		return d
	}
	if t.constraints.all != 0 {
		return t.constraints.all > 0
	}
	return initiallyDeferred
}
