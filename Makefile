# pgtidb — see README.md.
#   make run    pgtidb on its embedded TiDB (127.0.0.1:5433)
#   make test   every test: unit, golden, differential against PostgreSQL 15, clients
#   make fuzz   the fuzz targets, a fixed number of inputs each (FUZZ_TRANSLATE, FUZZ_WIRE)
#   make bench  the INSERT … RETURNING benchmarks (pgtidb against TiDB directly)

GO          ?= go
TIDB_SERVER ?= bin/tidb-server
# Counts, not durations: with a duration, Go's fuzz coordinator (Go ≤ 1.26) can report its own
# deadline as a failure ("context deadline exceeded", golang/go#75804). About 2–3 minutes each here.
FUZZ_TRANSLATE ?= 800000x
FUZZ_WIRE      ?= 20000x

.PHONY: run test fuzz bench build tidb-server

build:
	$(GO) build -o bin/pgtidb ./cmd/pgtidb

# The stock TiDB the embedded mode runs: the version pinned in go.mod. Go's build cache makes a
# rebuild cheap when nothing changed.
tidb-server: $(TIDB_SERVER)
$(TIDB_SERVER): go.mod go.sum
	$(GO) build -o $(TIDB_SERVER) github.com/pingcap/tidb/cmd/tidb-server

run: build $(TIDB_SERVER)
	bin/pgtidb --tidb-server $(TIDB_SERVER)

test: $(TIDB_SERVER)
	PGTIDB_TIDB_SERVER=$(abspath $(TIDB_SERVER)) $(GO) test -count=1 -timeout 40m ./...

fuzz: $(TIDB_SERVER)
	$(GO) test ./translate -run '^$$' -fuzz '^FuzzTranslate$$' -fuzztime $(FUZZ_TRANSLATE)
	PGTIDB_TIDB_SERVER=$(abspath $(TIDB_SERVER)) $(GO) test ./e2e -run '^$$' -fuzz '^FuzzWire$$' -fuzztime $(FUZZ_WIRE) -parallel 1

bench: $(TIDB_SERVER)
	PGTIDB_TIDB_SERVER=$(abspath $(TIDB_SERVER)) $(GO) test ./e2e -run '^$$' -bench 'Insert|Nextval' -benchtime 2000x
