// node-postgres (npm pg) as an application uses it: INSERT … RETURNING id on a SERIAL key,
// RETURNING * over int, text, numeric, timestamptz, bool, jsonb and uuid columns, the simple
// query protocol (no parameters) and the extended one (parameters, named prepared statements),
// transactions that commit and roll back. Run by e2e/node_test.go against PostgreSQL 15 and
// pgtidb: it prints one JSON line per step (rows as pg's type parsers decode them, field names
// and type OIDs, command and row count, or the error's SQLSTATE), and the two outputs must be
// identical. Usage: node returning.js postgres://user@host:port/db
'use strict';

const { Client } = require('pg');

async function main() {
  const client = new Client({ connectionString: process.argv[2] });
  await client.connect();
  const step = async (name, query, values) => {
    let line;
    try {
      const res = await client.query(query, values);
      line = {
        step: name,
        command: res.command,
        rowCount: res.rowCount,
        fields: res.fields.map((f) => `${f.name}:${f.dataTypeID}`),
        rows: res.rows,
      };
    } catch (err) {
      if (!err.code) throw err; // not an error from the server: the script itself failed
      line = { step: name, error: err.code };
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  };

  await step('create', `CREATE TABLE nt (
    id serial PRIMARY KEY, n int NOT NULL, t text, amount numeric(10,2), at timestamptz,
    flag bool DEFAULT true, doc jsonb, u uuid UNIQUE)`);
  // Simple protocol: no parameters.
  await step('simple RETURNING id', "INSERT INTO nt (n, t) VALUES (1, 'one') RETURNING id");
  await step('simple multi-row RETURNING id',
    "INSERT INTO nt (n, t) VALUES (2, 'two'), (3, 'three') RETURNING id, n");
  await step('simple RETURNING *', `INSERT INTO nt (n, t, amount, at, flag, doc, u)
    VALUES (4, 'four', 12.5, '2024-02-29 13:14:15.25+02', false, '{"b": [1, 2], "a": null}',
    'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11') RETURNING *`);
  // Extended protocol: parameters, typed by the server.
  await step('parameterized RETURNING id', 'INSERT INTO nt (n, t) VALUES ($1, $2) RETURNING id', [5, 'five']);
  await step('parameterized RETURNING *',
    'INSERT INTO nt (n, t, amount, at, flag, doc, u) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
    [6, 'six', '-0.07', new Date(Date.UTC(2001, 0, 2, 3, 4, 5, 678)), true, { k: 'v', n: 3 },
      'b1c2d3e4-0000-4000-8000-000000000006']);
  await step('parameterized several rows',
    'INSERT INTO nt (n, t, doc) VALUES ($1, $2, $3), ($1 + 1, $2 || $2, NULL) RETURNING id, n, t, doc, flag',
    [7, 'x', JSON.stringify([1, 'two'])]);
  await step('duplicate uuid', 'INSERT INTO nt (n, u) VALUES ($1, $2) RETURNING id',
    [9, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']);
  // Transactions.
  await step('begin', 'BEGIN');
  await step('in rolled-back transaction', 'INSERT INTO nt (n, t) VALUES ($1, $2) RETURNING id, t', [10, 'rolled back']);
  await step('rollback', 'ROLLBACK');
  await step('after rollback', "INSERT INTO nt (n, t) VALUES (11, 'after rollback') RETURNING id");
  await step('begin again', 'BEGIN');
  await step('in committed transaction', 'INSERT INTO nt (n, amount) VALUES ($1, $2), ($3, $4) RETURNING id, amount',
    [12, 1.25, 13, '99999999.99']);
  await step('failing in transaction', 'INSERT INTO nt (id, n) VALUES ($1, $2) RETURNING id', [1, 14]);
  await step('after the failure', 'SELECT 1 AS one');
  await step('commit of a failed transaction', 'COMMIT');
  await step('begin a third time', 'BEGIN');
  await step('committed', 'INSERT INTO nt (n, t) VALUES ($1, $2) RETURNING id, n, t', [15, 'committed']);
  await step('commit', 'COMMIT');
  // A named prepared statement, reused.
  for (let i = 0; i < 3; i++) {
    await step(`prepared ${i}`, {
      name: 'ins_nt',
      text: 'INSERT INTO nt (n, t, flag) VALUES ($1, $2, $3) RETURNING id, n, t, flag',
      values: [100 + i, `p${i}`, i % 2 === 0],
    });
  }
  await step('update RETURNING', 'UPDATE nt SET amount = coalesce(amount, 0) + $1 WHERE n IN (1, 4, 6) RETURNING id, amount, at', ['0.5']);
  await step('delete RETURNING', 'DELETE FROM nt WHERE n = $1 RETURNING *', [2]);
  await step('contents', 'SELECT * FROM nt ORDER BY id');
  await step('currval', "SELECT currval('nt_id_seq') AS c");
  await client.end();
}

main().catch((err) => {
  process.stderr.write(`returning.js: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
