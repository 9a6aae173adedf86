package e2e

import (
	"testing"
	"time"
)

// debianPython is the interpreter with Debian's python3-sqlalchemy and python3-psycopg2
// (.ci/run installs them); a python3 earlier on PATH (pyenv) does not have them.
const debianPython = "/usr/bin/python3"

// sqlalchemyGaps are the inspector calls whose result on pgtidb is known to differ from
// PostgreSQL's, with the KNOWN_GAPS.md entry explaining why. The test checks that each of them
// still differs, so that a fixed gap is noticed and removed from the list.
var sqlalchemyGaps = map[string]string{}

// TestSQLAlchemyInspect runs e2e/python/reflect.py (SQLAlchemy's inspect() over psycopg2)
// against PostgreSQL 15 and against pgtidb: it creates the same reference schema on both with
// SQL and prints one JSON line per inspector call (schemas, tables, views, sequences, columns
// with types/defaults/identity, primary and foreign keys, indexes, unique and check
// constraints, comments). The lines are compared call by call.
func TestSQLAlchemyInspect(t *testing.T) {
	run := pythonClient(t, "python/reflect.py", "sqlalchemy", "psycopg2")
	pgLines, ptLines := clientOutputs(t, "d_sqlalchemy", 3*time.Minute, run)
	compareClientRuns(t, pgLines, ptLines, objectSteps("call"), sqlalchemyGaps, 40)
}
