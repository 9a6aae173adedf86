package e2e

import (
	"testing"
	"time"
)

// nodeDir holds the Node.js client scripts and their locked dependencies (npm pg, sequelize).
const nodeDir = "node"

// TestNodePostgresReturning runs e2e/node/returning.js (node-postgres: simple and
// parameterized queries, INSERT … RETURNING id and RETURNING * over several types,
// transactions, a named prepared statement) against PostgreSQL 15 and against pgtidb and
// compares its JSON output line by line. node_modules is installed with `npm ci` from the
// committed package-lock.json when it is missing. The test skips only when node or npm is not
// installed (.ci/run installs them).
func TestNodePostgresReturning(t *testing.T) {
	run := nodeClient(t, "returning.js")
	pgLines, ptLines := clientOutputs(t, "d_node_pg", 2*time.Minute, run)
	compareClientRuns(t, pgLines, ptLines, wholeLineSteps("step"), nil, 25)
}

// sequelizeGaps are the steps of e2e/node/sequelize.js known to differ (none).
var sequelizeGaps = map[string]string{}

// TestSequelize runs e2e/node/sequelize.js (Sequelize 6 over node-postgres: sync, sync with
// alter, create/bulkCreate with RETURNING, finders, eager loading, aggregates, update with
// RETURNING, upsert, managed transactions, destroy, describeTable, showIndex) on both servers
// and compares its steps.
func TestSequelize(t *testing.T) {
	run := nodeClient(t, "sequelize.js")
	pgLines, ptLines := clientOutputs(t, "d_sequelize", 2*time.Minute, run)
	compareClientRuns(t, pgLines, ptLines, arraySteps, sequelizeGaps, 15)
}
