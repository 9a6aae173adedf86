// Package e2e holds pgtidb's end-to-end tests: real PostgreSQL clients talking to pgtidb on an
// embedded TiDB, compared with the same clients talking to a real, throw-away PostgreSQL 15.
//
// The package has no code of its own; everything is in _test.go files:
//
//	main_test.go  TestMain and the shared environment: one embedded TiDB, one in-process pgtidb
//	              proxy and one PostgreSQL 15 cluster per test binary, each started on first use
//	diff_test.go  TestDifferential / TestDifferentialExtended: the SQL scripts under
//	              testdata/diff run statement by statement on both servers (simple and extended
//	              protocol); column names, type OIDs, rows, command tags, SQLSTATEs and the
//	              transaction status are compared; a script can drive several sessions, with
//	              statements that wait for another session's lock (testdata/doc.go)
//	pgx_test.go   TestPgxTypes: every supported type inserted and selected with parameters under
//	              every pgx v5 QueryExecMode (binary and text formats), compared value by value
//	libpq_test.go TestLibpqReturning: database/sql with lib/pq, INSERT … RETURNING id on
//	              SERIAL and identity keys (QueryRow, Query, Exec, transactions, prepared
//	              statements), transcripts compared step by step
//	clients_test.go the client tests' shared runner: a client program on both servers in
//	              fresh databases, its printed steps compared by name; listed gaps must differ
//	node_test.go  TestNodePostgresReturning: node/returning.js (node-postgres, npm pg; npm ci
//	              when node_modules is missing) on both servers, its JSON output compared;
//	              TestSequelize: node/sequelize.js (Sequelize 6: sync, sync alter, CRUD with
//	              RETURNING, upsert, transactions, describeTable, showIndex)
//	gorm_test.go  TestGormMigrator: GORM's PostgreSQL migrator (AutoMigrate twice, HasTable,
//	              HasColumn, ColumnTypes, HasIndex, HasConstraint, GetIndexes) on both servers,
//	              step by step; known gaps listed in gormGaps must still differ
//	sqlalchemy_test.go TestSQLAlchemyInspect: python/reflect.py (Debian's SQLAlchemy inspect()
//	              over psycopg2, /usr/bin/python3) on both servers, its JSON lines compared call
//	              by call; known gaps listed in sqlalchemyGaps must still differ
//	django_test.go TestDjangoORM: python/django_orm.py (Debian's Django 3.2 over psycopg2:
//	              contrib migrations, introspection, ORM writes, lookups and transactions) on
//	              both servers, step by step; known gaps listed in djangoGaps must still differ
//	psql_test.go  TestPsql: testdata/psql/*.sql run through the psql binary on both servers;
//	              the outputs must be equal
//	fuzz_test.go  FuzzWire: arbitrary bytes after a valid startup must never take the proxy down
//
// Running (from the module root):
//
//	go test ./e2e -v                                # everything, about 30 s with a built tidb-server
//	go test ./e2e -run TestDifferential -v          # the differential suite with its report
//	go test ./e2e -run XXX -fuzz FuzzWire -fuzztime 5m -parallel 1   # each fuzz worker starts its own TiDB
//
// Environment:
//
//	PGTIDB_TIDB_SERVER   tidb-server binary (default <repo>/bin/tidb-server, else built by
//	                     package embedded, which takes minutes)
//	PGTIDB_E2E=skip      skip the package (otherwise a missing tidb-server or PostgreSQL binary
//	                     is a test failure, never a silent skip)
//	PGTIDB_E2E_KEEP=1    keep the temporary directory (TiDB log, proxy log, PostgreSQL log)
//	PGTIDB_E2E_SCRIPTS   regular expression selecting differential scripts by file name
//
// The differential scripts' format and the known-gap markers are described in testdata/doc.go;
// the reasons for each known gap are in KNOWN_GAPS.md ("Differential suite").
package e2e
