package catalog

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pgtidb/pgtidb/typemap"
)

// Database is the TiDB database that holds the shadow catalog.
const Database = "pgtidb_catalog"

// The shadow catalog's schema. These are fixed statements, not generated ones.
var bootstrapSQL = []string{
	"CREATE DATABASE IF NOT EXISTS `pgtidb_catalog`",
	"CREATE TABLE IF NOT EXISTS `pgtidb_catalog`.`columns` (" +
		"`tidb_db` VARCHAR(128) NOT NULL, `table_name` VARCHAR(128) NOT NULL, `column_name` VARCHAR(128) NOT NULL, " +
		"`pg_type` INT UNSIGNED NOT NULL, `typmod` INT NOT NULL, " +
		"PRIMARY KEY (`tidb_db`, `table_name`, `column_name`))",
	// Columns added after the first release (no-ops when present).
	"ALTER TABLE `pgtidb_catalog`.`columns` ADD COLUMN IF NOT EXISTS `attidentity` CHAR(1) NOT NULL DEFAULT ''",
	"ALTER TABLE `pgtidb_catalog`.`columns` ADD COLUMN IF NOT EXISTS `owned_sequence` VARCHAR(128) NOT NULL DEFAULT ''",
	"CREATE TABLE IF NOT EXISTS `pgtidb_catalog`.`version` (`id` INT PRIMARY KEY, `v` BIGINT NOT NULL)",
	"INSERT IGNORE INTO `pgtidb_catalog`.`version` VALUES (1, 0)",
}

const (
	columnsQuery = "SELECT `COLUMN_NAME`, `DATA_TYPE`, `COLUMN_TYPE`, `IS_NULLABLE`, `COLUMN_DEFAULT`, `EXTRA` " +
		"FROM `information_schema`.`COLUMNS` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? ORDER BY `ORDINAL_POSITION`"
	tableQuery   = "SELECT `TABLE_TYPE` FROM `information_schema`.`TABLES` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ?"
	shadowQuery  = "SELECT `column_name`, `pg_type`, `typmod`, `attidentity`, `owned_sequence` FROM `pgtidb_catalog`.`columns` WHERE `tidb_db` = ? AND `table_name` = ?"
	shadowInsert = "REPLACE INTO `pgtidb_catalog`.`columns` (`tidb_db`, `table_name`, `column_name`, `pg_type`, `typmod`, `attidentity`, `owned_sequence`) VALUES (?, ?, ?, ?, ?, ?, ?)"
	shadowForget = "DELETE FROM `pgtidb_catalog`.`columns` WHERE `tidb_db` = ? AND `table_name` = ?"
	shadowDropDB = "DELETE FROM `pgtidb_catalog`.`columns` WHERE `tidb_db` = ?"
	// shadowDropSchemas forgets the schema databases of a database (a LIKE pattern, `\` escapes).
	shadowDropSchemas = "DELETE FROM `pgtidb_catalog`.`columns` WHERE `tidb_db` LIKE ?"
	versionBump       = "UPDATE `pgtidb_catalog`.`version` SET `v` = `v` + 1 WHERE `id` = 1"
	versionRead       = "SELECT `v` FROM `pgtidb_catalog`.`version` WHERE `id` = 1"
)

// Querier is what the store needs of a TiDB connection: *sql.DB, *sql.Conn and *sql.Tx all are.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Store is the shadow catalog of one pgtidb process, with its cache.
type Store struct {
	mu      sync.RWMutex
	tables  map[[2]string]*Table // (tidb database, table) → table; nil value = known absent
	version int64
	// generation counts invalidations; caches derived from tables (translations) key on it.
	generation atomic.Uint64
}

// Generation changes whenever the cached catalog is dropped.
func (s *Store) Generation() uint64 { return s.generation.Load() }

// NewStore returns an empty store.
func NewStore() *Store { return &Store{tables: map[[2]string]*Table{}} }

// Bootstrap creates the shadow catalog's database and tables if they are missing.
func Bootstrap(ctx context.Context, q Querier) error {
	for _, s := range bootstrapSQL {
		if _, err := q.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// Invalidate drops every cached table.
func (s *Store) Invalidate() {
	s.mu.Lock()
	s.tables = map[[2]string]*Table{}
	s.generation.Add(1)
	s.mu.Unlock()
}

// Watch polls the catalog version every interval and drops the cache when another pgtidb
// instance has changed the schema. It returns when ctx is done.
func (s *Store) Watch(ctx context.Context, db *sql.DB, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		var v int64
		if err := db.QueryRowContext(ctx, versionRead).Scan(&v); err != nil {
			continue
		}
		s.mu.Lock()
		if v != s.version {
			s.version = v
			s.tables = map[[2]string]*Table{}
			s.generation.Add(1)
		}
		s.mu.Unlock()
	}
}

// Apply records the changes a DDL statement implies and bumps the catalog version.
func (s *Store) Apply(ctx context.Context, q Querier, changes []Change) error {
	if len(changes) == 0 {
		s.Invalidate()
		return nil
	}
	for _, c := range changes {
		switch c.Op {
		case DeclareTable:
			if _, err := q.ExecContext(ctx, shadowForget, c.Database, c.Table); err != nil {
				return err
			}
			for _, col := range c.Columns {
				identity := ""
				if col.Identity != 0 {
					identity = string(col.Identity)
				}
				if _, err := q.ExecContext(ctx, shadowInsert, c.Database, c.Table, col.Name, col.Type.OID, col.Type.Typmod, identity, col.Sequence); err != nil {
					return err
				}
			}
		case ForgetTable:
			if _, err := q.ExecContext(ctx, shadowForget, c.Database, c.Table); err != nil {
				return err
			}
		case ForgetDatabase:
			if _, err := q.ExecContext(ctx, shadowDropDB, c.Database); err != nil {
				return err
			}
			if c.Schemas {
				if _, err := q.ExecContext(ctx, shadowDropSchemas, SchemaPattern(c.Database)); err != nil {
					return err
				}
			}
		}
	}
	if _, err := q.ExecContext(ctx, versionBump); err != nil {
		return err
	}
	s.Invalidate()
	return nil
}

// Lookup returns the table tidbDB.name, or nil when it does not exist.
func (s *Store) Lookup(ctx context.Context, q Querier, tidbDB, name string) (*Table, error) {
	key := [2]string{tidbDB, name}
	s.mu.RLock()
	t, ok := s.tables[key]
	s.mu.RUnlock()
	if ok {
		return t, nil
	}
	t, err := load(ctx, q, tidbDB, name)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.tables[key] = t
	s.mu.Unlock()
	return t, nil
}

func load(ctx context.Context, q Querier, tidbDB, name string) (*Table, error) {
	rows, err := q.QueryContext(ctx, tableQuery, tidbDB, name)
	if err != nil {
		return nil, err
	}
	var tableType string
	found := rows.Next()
	if found {
		err = rows.Scan(&tableType)
	}
	rows.Close()
	if err != nil || !found {
		return nil, err
	}
	t := &Table{Name: name, Database: tidbDB, View: strings.EqualFold(tableType, "VIEW")}

	declared := map[string]Column{}
	rows, err = q.QueryContext(ctx, shadowQuery, tidbDB, name)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var col, identity, seq string
		var oid uint32
		var typmod int32
		if err := rows.Scan(&col, &oid, &typmod, &identity, &seq); err != nil {
			rows.Close()
			return nil, err
		}
		c := Column{Type: typemap.Type{OID: oid, Typmod: typmod}, Sequence: seq}
		if identity != "" {
			c.Identity = identity[0]
		}
		declared[col] = c
	}
	rows.Close()

	rows, err = q.QueryContext(ctx, columnsQuery, tidbDB, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var col, dataType, columnType, nullable, extra string
		var def sql.NullString
		if err := rows.Scan(&col, &dataType, &columnType, &nullable, &def, &extra); err != nil {
			return nil, err
		}
		c, ok := declared[col]
		if !ok {
			c.Type = typemap.FromMySQL(dataType, columnType)
		}
		c.Name = col
		c.NotNull = nullable == "NO"
		c.HasDefault = def.Valid || strings.Contains(strings.ToLower(extra), "auto_increment")
		c.Generated = strings.Contains(strings.ToLower(extra), "stored generated") ||
			strings.Contains(strings.ToLower(extra), "virtual generated")
		t.Columns = append(t.Columns, c)
	}
	return t, rows.Err()
}

func withSchema(t *Table, schema string) *Table {
	if t.Schema == schema {
		return t
	}
	c := *t
	c.Schema = schema
	return &c
}

// ParseSearchPath splits a search_path value ("$user", public, "My Schema") into names.
func ParseSearchPath(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		p := strings.TrimSpace(part)
		if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
			p = strings.ReplaceAll(p[1:len(p)-1], `""`, `"`)
		} else {
			p = strings.ToLower(p)
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
