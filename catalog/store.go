package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
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
	// PostgreSQL's text of a column's default and its comment (see Expr, Column).
	"ALTER TABLE `pgtidb_catalog`.`columns` ADD COLUMN IF NOT EXISTS `pg_default` TEXT NULL",
	"ALTER TABLE `pgtidb_catalog`.`columns` ADD COLUMN IF NOT EXISTS `pg_default_pretty` TEXT NULL",
	"ALTER TABLE `pgtidb_catalog`.`columns` ADD COLUMN IF NOT EXISTS `tidb_default` TEXT NULL",
	"ALTER TABLE `pgtidb_catalog`.`columns` ADD COLUMN IF NOT EXISTS `description` TEXT NULL",
	// The other texts of a relation (Text): comments, check expressions.
	"CREATE TABLE IF NOT EXISTS `pgtidb_catalog`.`texts` (" +
		"`tidb_db` VARCHAR(128) NOT NULL, `table_name` VARCHAR(128) NOT NULL, `kind` VARCHAR(16) NOT NULL, " +
		"`name` VARCHAR(128) NOT NULL, `plain` TEXT NOT NULL, `pretty` TEXT NULL, `tidb_text` TEXT NULL, " +
		"PRIMARY KEY (`tidb_db`, `table_name`, `kind`, `name`))",
	"CREATE TABLE IF NOT EXISTS `pgtidb_catalog`.`version` (`id` INT PRIMARY KEY, `v` BIGINT NOT NULL)",
	"INSERT IGNORE INTO `pgtidb_catalog`.`version` VALUES (1, 0)",
}

const (
	columnsQuery = "SELECT `COLUMN_NAME`, `DATA_TYPE`, `COLUMN_TYPE`, `IS_NULLABLE`, `COLUMN_DEFAULT`, `EXTRA` " +
		"FROM `information_schema`.`COLUMNS` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? ORDER BY `ORDINAL_POSITION`"
	tableQuery  = "SELECT `TABLE_TYPE` FROM `information_schema`.`TABLES` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ?"
	shadowQuery = "SELECT `column_name`, `pg_type`, `typmod`, `attidentity`, `owned_sequence`, " +
		"COALESCE(`pg_default`, ''), COALESCE(`pg_default_pretty`, ''), COALESCE(`tidb_default`, ''), COALESCE(`description`, '') " +
		"FROM `pgtidb_catalog`.`columns` WHERE `tidb_db` = ? AND `table_name` = ?"
	shadowInsert = "REPLACE INTO `pgtidb_catalog`.`columns` (`tidb_db`, `table_name`, `column_name`, `pg_type`, `typmod`, " +
		"`attidentity`, `owned_sequence`, `pg_default`, `pg_default_pretty`, `tidb_default`, `description`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	// shadowInsertFresh is shadowInsert with the default TiDB holds now (Expr.Fresh).
	shadowInsertFresh = "REPLACE INTO `pgtidb_catalog`.`columns` (`tidb_db`, `table_name`, `column_name`, `pg_type`, `typmod`, " +
		"`attidentity`, `owned_sequence`, `pg_default`, `pg_default_pretty`, `tidb_default`, `description`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " +
		"(SELECT `COLUMN_DEFAULT` FROM `information_schema`.`COLUMNS` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? AND `COLUMN_NAME` = ?), ?)"
	textsQuery = "SELECT `kind`, `name`, `plain`, COALESCE(`pretty`, ''), COALESCE(`tidb_text`, '') " +
		"FROM `pgtidb_catalog`.`texts` WHERE `tidb_db` = ? AND `table_name` = ? AND `kind` NOT IN " + stateKindList
	textInsert = "REPLACE INTO `pgtidb_catalog`.`texts` (`tidb_db`, `table_name`, `kind`, `name`, `plain`, `pretty`, `tidb_text`) " +
		"VALUES (?, ?, ?, ?, ?, ?, ?)"
	// textInsertCheck is textInsert of a check's expression with the clause TiDB holds now.
	// textInsertView is textInsert of a view's text with the definition TiDB holds now.
	textInsertView = "REPLACE INTO `pgtidb_catalog`.`texts` (`tidb_db`, `table_name`, `kind`, `name`, `plain`, `pretty`, `tidb_text`) " +
		"VALUES (?, ?, ?, ?, ?, ?, (SELECT `VIEW_DEFINITION` FROM `information_schema`.`VIEWS` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ?))"
	textInsertCheck = "REPLACE INTO `pgtidb_catalog`.`texts` (`tidb_db`, `table_name`, `kind`, `name`, `plain`, `pretty`, `tidb_text`) " +
		"VALUES (?, ?, ?, ?, ?, ?, (SELECT `CHECK_CLAUSE` FROM `information_schema`.`TIDB_CHECK_CONSTRAINTS` " +
		"WHERE `CONSTRAINT_SCHEMA` = ? AND `TABLE_NAME` = ? AND `CONSTRAINT_NAME` = ?))"
)

// The statements that forget a table, a database and a database's schema databases (a LIKE
// pattern, `\` escapes), for each shadow table.
var (
	shadowForget      = forEachShadowTable("DELETE FROM `pgtidb_catalog`.`%s` WHERE `tidb_db` = ? AND `table_name` = ?")
	shadowDropDB      = forEachShadowTable("DELETE FROM `pgtidb_catalog`.`%s` WHERE `tidb_db` = ?")
	shadowDropSchemas = forEachShadowTable("DELETE FROM `pgtidb_catalog`.`%s` WHERE `tidb_db` LIKE ?")
)

// The statements that forget a table's texts but its run-time state (stateKinds), and that move
// the state of a table (the last two arguments) to another (the first two).
const (
	textsForgetKeepState = "DELETE FROM `pgtidb_catalog`.`texts` WHERE `tidb_db` = ? AND `table_name` = ? AND `kind` NOT IN " + stateKindList
	stateForget          = "DELETE FROM `pgtidb_catalog`.`texts` WHERE `tidb_db` = ? AND `table_name` = ? AND `kind` IN " + stateKindList
	stateMove            = "UPDATE `pgtidb_catalog`.`texts` SET `tidb_db` = ?, `table_name` = ? WHERE `tidb_db` = ? AND `table_name` = ? AND `kind` IN " + stateKindList
)

func forEachShadowTable(format string) []string {
	return []string{fmt.Sprintf(format, "columns"), fmt.Sprintf(format, "texts")}
}

const (
	versionBump = "UPDATE `pgtidb_catalog`.`version` SET `v` = `v` + 1 WHERE `id` = 1"
	versionRead = "SELECT `v` FROM `pgtidb_catalog`.`version` WHERE `id` = 1"
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
			if err := declare(ctx, q, c); err != nil {
				return err
			}
		case ForgetTable:
			if err := execEach(ctx, q, shadowForget, c.Database, c.Table); err != nil {
				return err
			}
		case ForgetDatabase:
			if err := execEach(ctx, q, shadowDropDB, c.Database); err != nil {
				return err
			}
			if c.Schemas {
				if err := execEach(ctx, q, shadowDropSchemas, SchemaPattern(c.Database)); err != nil {
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

// declare writes a DeclareTable change: the table's columns and, with SetTexts, its texts.
func declare(ctx context.Context, q Querier, c Change) error {
	if _, err := q.ExecContext(ctx, shadowForget[0], c.Database, c.Table); err != nil {
		return err
	}
	for _, col := range c.Columns {
		identity := ""
		if col.Identity != 0 {
			identity = string(col.Identity)
		}
		d := col.Default
		var err error
		switch {
		case d.Fresh:
			_, err = q.ExecContext(ctx, shadowInsertFresh, c.Database, c.Table, col.Name, col.Type.OID, col.Type.Typmod, identity, col.Sequence,
				d.Plain, d.Pretty, c.Database, c.Table, col.Name, nullIfEmpty(col.Comment))
		default:
			_, err = q.ExecContext(ctx, shadowInsert, c.Database, c.Table, col.Name, col.Type.OID, col.Type.Typmod, identity, col.Sequence,
				nullIfEmpty(d.Plain), nullIfEmpty(d.Pretty), nullIfEmpty(d.TiDB), nullIfEmpty(col.Comment))
		}
		if err != nil {
			return err
		}
	}
	if c.StateFrom != "" {
		if _, err := q.ExecContext(ctx, stateForget, c.Database, c.Table); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, stateMove, c.Database, c.Table, c.Database, c.StateFrom); err != nil {
			return err
		}
	}
	if !c.SetTexts {
		return nil
	}
	forget := textsForgetKeepState
	for _, t := range c.Texts {
		if slices.Contains(stateKinds, t.Kind) {
			forget = shadowForget[1] // the change records state: a new relation
		}
	}
	if _, err := q.ExecContext(ctx, forget, c.Database, c.Table); err != nil {
		return err
	}
	for _, t := range c.Texts {
		e := t.Expr
		var err error
		switch {
		case e.Fresh && t.Kind == TextCheck:
			_, err = q.ExecContext(ctx, textInsertCheck, c.Database, c.Table, string(t.Kind), t.Name, e.Plain, nullIfEmpty(e.Pretty),
				c.Database, c.Table, t.Name)
		case e.Fresh && t.Kind == TextView:
			_, err = q.ExecContext(ctx, textInsertView, c.Database, c.Table, string(t.Kind), t.Name, e.Plain, nullIfEmpty(e.Pretty),
				c.Database, c.Table)
		default:
			_, err = q.ExecContext(ctx, textInsert, c.Database, c.Table, string(t.Kind), t.Name, e.Plain, nullIfEmpty(e.Pretty), nullIfEmpty(e.TiDB))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func execEach(ctx context.Context, q Querier, stmts []string, args ...any) error {
	for _, s := range stmts {
		if _, err := q.ExecContext(ctx, s, args...); err != nil {
			return err
		}
	}
	return nil
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
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
	t := &Table{Name: name, Database: tidbDB, View: strings.EqualFold(tableType, "VIEW"), Sequence: strings.EqualFold(tableType, "SEQUENCE")}

	declared := map[string]Column{}
	rows, err = q.QueryContext(ctx, shadowQuery, tidbDB, name)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var col, identity, seq, comment string
		var def Expr
		var oid uint32
		var typmod int32
		if err := rows.Scan(&col, &oid, &typmod, &identity, &seq, &def.Plain, &def.Pretty, &def.TiDB, &comment); err != nil {
			rows.Close()
			return nil, err
		}
		c := Column{Type: typemap.Type{OID: oid, Typmod: typmod}, Sequence: seq, Default: def, Comment: comment}
		if identity != "" {
			c.Identity = identity[0]
		}
		declared[col] = c
	}
	rows.Close()

	rows, err = q.QueryContext(ctx, textsQuery, tidbDB, name)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var x Text
		var kind string
		if err := rows.Scan(&kind, &x.Name, &x.Expr.Plain, &x.Expr.Pretty, &x.Expr.TiDB); err != nil {
			rows.Close()
			return nil, err
		}
		x.Kind = TextKind(kind)
		t.Texts = append(t.Texts, x)
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
		if def.Valid {
			c.DefaultSequence, _ = NextvalDefault(def.String)
		}
		if c.Default.Stored() && (!def.Valid || def.String != c.Default.TiDB) {
			// TiDB's default changed another way: pgtidb's text no longer describes it.
			c.Default = Expr{}
		}
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
