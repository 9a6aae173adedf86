package e2e

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// GORM models covering what its migrator reflects: serial (uint), bigint and int keys, sized
// strings, text, bool with a default, timestamps, numeric, uuid, a unique index, a
// multi-column index and a belongs-to foreign key.
type gormUser struct {
	ID        uint      `gorm:"primaryKey"`
	Name      string    `gorm:"size:64;not null"`
	Email     string    `gorm:"size:120;uniqueIndex"`
	Bio       string    `gorm:"type:text"`
	Active    bool      `gorm:"default:true"`
	Age       int32     `gorm:"default:18"`
	Balance   float64   `gorm:"type:numeric(12,2)"`
	Born      time.Time `gorm:"type:date"`
	CreatedAt time.Time
}

type gormAccount struct {
	ID     int64     `gorm:"primaryKey;autoIncrement"`
	UserID uint      `gorm:"not null"`
	User   gormUser  `gorm:"constraint:OnDelete:CASCADE"`
	Code   string    `gorm:"size:16;index:gacc_code_kind,priority:1"`
	Kind   string    `gorm:"size:8;index:gacc_code_kind,priority:2"`
	Ref    string    `gorm:"type:uuid"`
	Score  float64   `gorm:"type:double precision"`
	Seen   time.Time `gorm:"type:timestamptz"`
}

type gormTag struct {
	ID    int32  `gorm:"primaryKey;autoIncrement:false"`
	Label string `gorm:"type:varchar(30);not null;unique"`
	Small int16
}

// gormGaps are the steps whose result on pgtidb is known to differ from PostgreSQL's, with the
// KNOWN_GAPS.md entry ("ORM reflection") explaining why; compareSteps checks they still differ.
var gormGaps = map[string]string{}

// gormNote belongs to gormTag; with gormTag it is a group without unique indexes, whose second
// AutoMigrate must match PostgreSQL's exactly.
type gormNote struct {
	ID    uint64    `gorm:"primaryKey"`
	TagID int32     `gorm:"index"`
	Tag   gormTag   `gorm:"constraint:OnUpdate:CASCADE"`
	Body  string    `gorm:"type:text;not null"`
	Done  bool      `gorm:"not null;default:false"`
	At    time.Time `gorm:"index:gnote_at_rank,priority:1"`
	Rank  int       `gorm:"index:gnote_at_rank,priority:2"`
}

// gormLog records every statement GORM sends (with its error) so that the runs on both servers
// can be compared.
type gormLog struct {
	mu    sync.Mutex
	stmts []string
}

func (l *gormLog) LogMode(logger.LogLevel) logger.Interface      { return l }
func (l *gormLog) Info(context.Context, string, ...interface{})  {}
func (l *gormLog) Warn(context.Context, string, ...interface{})  {}
func (l *gormLog) Error(context.Context, string, ...interface{}) {}
func (l *gormLog) Trace(_ context.Context, _ time.Time, fc func() (string, int64), err error) {
	sql, _ := fc()
	if err != nil && err != gorm.ErrRecordNotFound {
		sql += " -- error: " + err.Error()
	}
	l.mu.Lock()
	l.stmts = append(l.stmts, sql)
	l.mu.Unlock()
}

func (l *gormLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stmts
	l.stmts = nil
	return s
}

// TestGormMigrator runs GORM's PostgreSQL migrator (gorm.io/driver/postgres over pgx) on
// PostgreSQL 15 and on pgtidb: AutoMigrate of the models, the migrator's reflection
// (HasTable, HasColumn, ColumnTypes with every property GORM reads, HasIndex, HasConstraint,
// GetIndexes, GetTables), then AutoMigrate again per group of models, which must send the same
// statements on both servers (on PostgreSQL: only reflection, no DDL). Each step's result on pgtidb must equal
// PostgreSQL's; the reference is PostgreSQL's answer, nothing is hard-coded.
func TestGormMigrator(t *testing.T) {
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const db = "d_gorm"
	type run struct {
		steps  []string
		second map[string][]string // statements of the second AutoMigrate, by group
	}
	// The second AutoMigrate runs per group of models (GORM adds the models a model belongs to).
	groups := []struct {
		name   string
		models []any
	}{{"tags", []any{&gormTag{}, &gormNote{}}}, {"users", []any{&gormUser{}, &gormAccount{}}}}
	runs := map[string]*run{}
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
		log := &gormLog{}
		gdb, err := gorm.Open(postgres.Open(ep.DSN(db)), &gorm.Config{Logger: log})
		if err != nil {
			t.Fatalf("%s: gorm.Open: %v", ep.name, err)
		}
		r := &run{second: map[string][]string{}}
		runs[ep.name] = r
		step := func(name string, v any) {
			r.steps = append(r.steps, fmt.Sprintf("%s: %v", name, v))
		}
		models := []any{&gormUser{}, &gormAccount{}, &gormTag{}, &gormNote{}}
		step("AutoMigrate", errText(gdb.AutoMigrate(models...)))
		log.take()
		m := gdb.Migrator()
		tables, err := m.GetTables()
		sort.Strings(tables)
		step("GetTables", fmt.Sprint(tables, " ", errText(err)))
		for _, model := range models {
			stmt := &gorm.Statement{DB: gdb}
			if err := stmt.Parse(model); err != nil {
				t.Fatal(err)
			}
			tbl := stmt.Schema.Table
			step("HasTable "+tbl, m.HasTable(model))
			for _, f := range stmt.Schema.Fields {
				if f.DBName != "" {
					step("HasColumn "+tbl+"."+f.DBName, m.HasColumn(model, f.DBName))
				}
			}
			step("HasColumn "+tbl+".missing", m.HasColumn(model, "missing"))
			cols, err := m.ColumnTypes(model)
			step("ColumnTypes "+tbl, errText(err))
			for _, c := range cols {
				step("ColumnType "+tbl+"."+c.Name(), describeColumnType(c))
			}
			for _, idx := range stmt.Schema.ParseIndexes() {
				step("HasIndex "+tbl+" "+idx.Name, m.HasIndex(model, idx.Name))
			}
			step("HasIndex "+tbl+" missing", m.HasIndex(model, "missing_idx"))
			for _, rel := range stmt.Schema.Relationships.Relations {
				for _, c := range []string{rel.Name} {
					step("HasConstraint "+tbl+" "+c, m.HasConstraint(model, c))
				}
				if cons := rel.ParseConstraint(); cons != nil {
					step("HasConstraint "+tbl+" "+cons.Name, m.HasConstraint(model, cons.Name))
				}
			}
			step("HasConstraint "+tbl+" missing", m.HasConstraint(model, "missing_fk"))
			idxs, err := m.GetIndexes(model)
			step("GetIndexes "+tbl, errText(err))
			sort.Slice(idxs, func(i, j int) bool { return idxs[i].Name() < idxs[j].Name() })
			for _, ix := range idxs {
				step("Index "+tbl+" "+ix.Name(), describeIndex(ix))
			}
		}
		for _, g := range groups {
			log.take()
			step("AutoMigrate again "+g.name, errText(gdb.AutoMigrate(g.models...)))
			r.second[g.name] = log.take()
		}
		if sqlDB, err := gdb.DB(); err == nil {
			sqlDB.Close()
		}
	}
	p, q := runs[pg.name], runs[pt.name]
	if len(p.steps) < 40 {
		t.Fatalf("PostgreSQL's run has %d steps, want the whole reflection:\n%s", len(p.steps), strings.Join(p.steps, "\n"))
	}
	for g, stmts := range p.second {
		if len(stmts) == 0 {
			t.Fatalf("PostgreSQL's second AutoMigrate of %s sent nothing; GORM reflects before it migrates", g)
		}
		for _, s := range stmts {
			if up := strings.ToUpper(strings.TrimSpace(s)); strings.HasPrefix(up, "ALTER") || strings.HasPrefix(up, "CREATE") {
				t.Fatalf("PostgreSQL's second AutoMigrate of %s sent DDL (the models must be stable): %s", g, s)
			}
		}
	}
	compareSteps(t, readSteps(t, "PostgreSQL's run", p.steps, colonStep), readSteps(t, "pgtidb's run", q.steps, colonStep), gormGaps)
	// GORM checks a model's indexes in Go map order, so the order of its statements varies
	// from run to run: the transcripts are compared as sorted lists.
	second := func(r *run) []string {
		var out []string
		for _, g := range groups {
			stmts := slices.Clone(r.second[g.name])
			slices.Sort(stmts)
			out = append(out, "AutoMigrate again "+g.name+", statements: "+strings.Join(stmts, "\n        "))
		}
		return out
	}
	compareSteps(t, readSteps(t, "PostgreSQL's run", second(p), colonStep), readSteps(t, "pgtidb's run", second(q), colonStep), gormGaps)
	t.Logf("%d reflection steps and %d second-AutoMigrate transcripts compared, %d known gaps", len(p.steps), len(groups), len(gormGaps))
}

func errText(err error) string {
	if err == nil {
		return "ok"
	}
	return "error: " + err.Error()
}

// describeColumnType prints every property of a gorm.ColumnType, with whether the driver
// reported it.
func describeColumnType(c gorm.ColumnType) (s string) {
	var b strings.Builder
	// GORM's ColumnType dereferences a nil *sql.ColumnType when the column was missing from
	// the driver's RowDescription of SELECT * FROM the table.
	defer func() {
		if recover() != nil {
			s = b.String() + " <panic: no driver column type>"
		}
	}()
	fmt.Fprintf(&b, "name=%s dbtype=%s", c.Name(), c.DatabaseTypeName())
	if s, ok := c.ColumnType(); ok {
		fmt.Fprintf(&b, " type=%q", s)
	}
	if n, ok := c.Length(); ok {
		fmt.Fprintf(&b, " length=%d", n)
	}
	if p, s, ok := c.DecimalSize(); ok {
		fmt.Fprintf(&b, " decimal=%d,%d", p, s)
	}
	for _, p := range []struct {
		name string
		get  func() (bool, bool)
	}{{"nullable", c.Nullable}, {"pk", c.PrimaryKey}, {"unique", c.Unique}, {"autoinc", c.AutoIncrement}} {
		if v, ok := p.get(); ok {
			fmt.Fprintf(&b, " %s=%v", p.name, v)
		}
	}
	for _, p := range []struct {
		name string
		get  func() (string, bool)
	}{{"default", c.DefaultValue}, {"comment", c.Comment}} {
		if v, ok := p.get(); ok {
			fmt.Fprintf(&b, " %s=%q", p.name, v)
		}
	}
	if st := c.ScanType(); st != nil {
		fmt.Fprintf(&b, " scan=%s", st)
	}
	return b.String()
}

func describeIndex(ix gorm.Index) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s table=%s cols=%v", ix.Name(), ix.Table(), ix.Columns())
	if v, ok := ix.PrimaryKey(); ok {
		fmt.Fprintf(&b, " pk=%v", v)
	}
	if v, ok := ix.Unique(); ok {
		fmt.Fprintf(&b, " unique=%v", v)
	}
	if s := ix.Option(); s != "" {
		fmt.Fprintf(&b, " option=%s", s)
	}
	return b.String()
}
