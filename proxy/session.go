package proxy

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"go.uber.org/zap"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/tidbsql"
	"github.com/pgtidb/pgtidb/translate"
	"github.com/pgtidb/pgtidb/typemap"
)

// sessionVars are set on every session's TiDB connection: what PostgreSQL semantics need.
var sessionVars = []tidbsql.Var{
	// timestamptz values are stored as UTC in DATETIME(6); NOW() must be UTC too.
	{Name: "time_zone", Value: "+00:00"},
	// PostgreSQL's default isolation; only honoured in pessimistic mode.
	{Name: "tidb_txn_mode", Value: "pessimistic"},
	{Name: "transaction_isolation", Value: tidbsql.ReadCommitted},
	// Strict: bad values are errors, not warnings with a stored default.
	{Name: "sql_mode", Value: "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"},
	// string_agg becomes GROUP_CONCAT, which TiDB cuts at 1024 bytes by default.
	{Name: "group_concat_max_len", Value: int64(4294967295)},
	// PostgreSQL has no recursion limit for WITH RECURSIVE.
	{Name: "cte_max_recursion_depth", Value: int64(4294967295)},
	// Literals compare byte-wise and NO PAD, as under PostgreSQL's C collation.
	{Name: "collation_connection", Value: "utf8mb4_0900_bin"},
	// Numeric division keeps 16 more digits, the closest TiDB gets to PostgreSQL's scale rule.
	{Name: "div_precision_increment", Value: int64(16)},
	// Savepoints need constraint checks in place in pessimistic transactions.
	{Name: "tidb_constraint_check_in_place_pessimistic", Value: true},
}

type cancelReason int32

const (
	cancelNone cancelReason = iota
	cancelByUser
	cancelByTimeout
)

// session is the server side of one client session: its GUCs, its PostgreSQL transaction
// state and its own pinned TiDB connection.
type session struct {
	srv      *Server
	c        *conn
	log      *zap.Logger
	user     string
	database string
	gucs     *compat.GUCs
	txn      compat.Txn

	tidb          *sql.Conn
	tidbID        uint64
	tidbIsolation string // transaction_isolation currently set on the TiDB session

	busy   atomic.Bool
	reason atomic.Int32 // cancelReason of a pending cancel
	killMu sync.Mutex

	// suspended is the portal whose rows are still open on the TiDB connection.
	suspended *portal
	// lastSeq is the sequence nextval was last called on in this session (lastval()).
	lastSeq *translate.SequenceRef
	// seqBlocks are the session's blocks of CACHE n > 1 sequences, seqCurrvals the values it
	// last drew from them (currval, lastval; seqcache.go).
	seqBlocks   map[translate.SequenceRef]*seqBlock
	seqCurrvals map[translate.SequenceRef]int64
	// sessionsView is the transaction's pg_stat_activity snapshot, nil until first read
	// (activity.go).
	sessionsView []catalog.SessionActivity
	// parsing is set while a Parse message translates its statement (sessions).
	parsing bool
}

func openSession(ctx context.Context, srv *Server, c *conn, user, database string, gucs *compat.GUCs) (*session, error) {
	started := time.Now()
	s := &session{srv: srv, c: c, log: c.log, user: user, database: database, gucs: gucs, tidbIsolation: "read committed"}
	s.txn.Status = compat.TxnIdle
	conn, err := srv.sessionDB().Conn(ctx)
	if err != nil {
		srv.log.Warn("cannot connect to TiDB", zap.Error(err))
		return nil, pgerror.New(pgerrcode.ConnectionFailure, "pgtidb cannot connect to TiDB")
	}
	s.tidb = conn
	if _, err := conn.ExecContext(ctx, tidbsql.SetVars(false, sessionVars...)); err != nil {
		conn.Close()
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, tidbsql.Use(catalog.TiDBDatabase(database, catalog.PublicSchema))); err != nil {
		conn.Close()
		var me *mysql.MySQLError
		if errors.As(err, &me) && me.Number == 1049 {
			return nil, pgerror.Newf(pgerrcode.InvalidCatalogName, "database \"%s\" does not exist", database)
		}
		return nil, err
	}
	if err := conn.QueryRowContext(ctx, tidbsql.ConnectionID()).Scan(&s.tidbID); err != nil {
		conn.Close()
		return nil, err
	}
	s.activityOpened(started)
	return s, nil
}

func (s *session) close() {
	if s.suspended != nil {
		s.suspended.closeRows()
	}
	// Closing the connection ends any open TiDB transaction: it rolls back, as PostgreSQL
	// does when a client disconnects inside a block.
	_ = s.tidb.Raw(func(any) error { return errBadConn })
	_ = s.tidb.Close()
}

// cancel stops the statement the session is running, if any, with KILL QUERY on TiDB.
func (s *session) cancel(reason cancelReason) {
	s.killMu.Lock()
	defer s.killMu.Unlock()
	if !s.busy.Load() {
		return
	}
	s.reason.Store(int32(reason))
	ctx, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	if _, err := s.srv.admin.ExecContext(ctx, tidbsql.KillQuery(s.tidbID)); err != nil {
		s.log.Warn("KILL QUERY failed", zap.Error(err))
	}
}

// valueSettings are the session GUCs that change how values are read and written.
func (s *session) valueSettings() typemap.Settings {
	return typemap.Settings{TimeZone: s.gucs.Location(), ExtraFloatDigits: s.gucs.Int("extra_float_digits")}
}

// noticeWanted applies client_min_messages.
func (s *session) noticeWanted(severity string) bool {
	min, _ := s.gucs.Get("client_min_messages")
	r, ok := messageRank[min]
	if !ok {
		r = 0 // debug levels
	}
	return messageRank[severity] >= r
}

// messageRank orders client_min_messages levels and notice severities.
var messageRank = map[string]int{"debug": 0, "log": 1, "notice": 2, pgerror.SeverityNotice: 2,
	"warning": 3, pgerror.SeverityWarning: 3, "error": 4}

// The session's resolver gives the translator everything it can ask for.
var (
	_ translate.KeyResolver        = (*catalog.SessionResolver)(nil)
	_ translate.IndexResolver      = (*catalog.SessionResolver)(nil)
	_ translate.SchemaResolver     = (*catalog.SessionResolver)(nil)
	_ translate.ConstraintResolver = (*catalog.SessionResolver)(nil)
)

// resolver returns the catalog view of this session for one translation.
func (s *session) resolver(ctx context.Context) *catalog.SessionResolver {
	sp, _ := s.gucs.Get("search_path")
	return &catalog.SessionResolver{Store: s.srv.catalog, Conn: s.tidb, Ctx: ctx, Database: s.database, SearchPath: catalog.ParseSearchPath(sp)}
}

// prepared is one parsed (and, unless it is a utility statement, translated) statement.
type prepared struct {
	text    string
	raw     *pg_query.RawStmt
	utility bool
	tr      *translate.Statement
	// paramTypes are the final types of $1..$n (client-declared or inferred).
	paramTypes []typemap.Type
	// declared are the parameter types the client declared (Parse), for a new translation of
	// an Uncacheable statement at each execution (extended.go).
	declared []uint32
}

// prepare classifies and translates one statement; translations are cached.
func (s *session) prepare(ctx context.Context, raw *pg_query.RawStmt, text string, declared []uint32) (*prepared, error) {
	if isUtility(raw.GetStmt()) {
		return &prepared{text: text, raw: raw, utility: true}, nil
	}
	sp, _ := s.gucs.Get("search_path")
	tz, _ := s.gucs.Get("TimeZone")
	key := translationKey{text: text, database: s.database, searchPath: sp, timeZone: tz,
		generation: s.srv.catalog.Generation(), params: paramKey(declared)}
	if p, ok := s.srv.cache.getTranslation(key); ok {
		return p, nil
	}
	tctx := &translate.Context{Resolver: s.resolver(ctx), Database: s.database, ParamTypes: declared,
		User: s.user, Setting: s.gucs.Get, BackendPID: int32(s.c.pid), Sessions: s.sessions}
	tr, err := translate.Translate(tctx, raw)
	if err != nil {
		return nil, err
	}
	p := &prepared{text: text, raw: raw, tr: tr, paramTypes: tr.ParamTypes, declared: declared}
	if !tr.Uncacheable {
		s.srv.cache.putTranslation(key, p)
	}
	return p, nil
}

// retranslate translates an Uncacheable statement anew for one execution: it read session
// state (parameters, pg_stat_activity) that PostgreSQL reads when the statement runs, not
// when it is prepared. The parameters and result columns the client was told must stay as
// they were (PostgreSQL's "cached plan must not change result type").
func (s *session) retranslate(ctx context.Context, p *prepared) (*prepared, error) {
	fresh, err := s.prepare(ctx, p.raw, p.text, p.declared)
	if err != nil {
		return nil, err
	}
	same := len(fresh.paramTypes) == len(p.paramTypes) && len(fresh.tr.Columns) == len(p.tr.Columns)
	for i := 0; same && i < len(p.paramTypes); i++ {
		same = fresh.paramTypes[i] == p.paramTypes[i]
	}
	for i := 0; same && i < len(p.tr.Columns); i++ {
		same = fresh.tr.Columns[i] == p.tr.Columns[i]
	}
	if !same {
		return nil, pgerror.New(pgerrcode.FeatureNotSupported, "cached plan must not change result type")
	}
	return fresh, nil
}

func paramKey(oids []uint32) string {
	if len(oids) == 0 {
		return ""
	}
	b := make([]byte, 0, len(oids)*5)
	for _, o := range oids {
		b = strconv.AppendUint(b, uint64(o), 10)
		b = append(b, ',')
	}
	return string(b)
}

// beforeStatement applies the transaction rules every statement passes: 25P02 in a failed
// block, the lazy start of the block's TiDB transaction, and the DDL-in-block policy.
func (s *session) beforeStatement(ctx context.Context, p *prepared) error {
	if s.txn.Status == compat.TxnFailed {
		return compat.ErrInFailedTxn
	}
	if !s.txn.InBlock() {
		if p.tr.NeedsBlock {
			return pgerror.Newf(pgerrcode.NoActiveSQLTransaction, "%s can only be used in transaction blocks", p.tr.Tag)
		}
		if ro, _ := s.gucs.Get("default_transaction_read_only"); ro == "on" {
			if err := readOnlyRefusal(p.tr); err != nil {
				return err
			}
		}
		return nil
	}
	switch p.raw.GetStmt().GetNode().(type) {
	case *pg_query.Node_CreatedbStmt, *pg_query.Node_DropdbStmt:
		return pgerror.Newf(pgerrcode.ActiveSQLTransaction, "%s cannot run inside a transaction block", p.tr.Tag)
	}
	s.txn.Queried = true
	if s.txn.ReadOnly {
		if err := readOnlyRefusal(p.tr); err != nil {
			return err
		}
	}
	if p.tr.Kind == translate.KindDDL {
		if s.txn.Wrote || s.txn.HasSavepoints() {
			return pgerror.New(pgerrcode.ActiveSQLTransaction,
				"pgtidb cannot run DDL after writes or savepoints in the same transaction block").
				WithDetail("TiDB commits the open transaction before DDL, which would commit the block's earlier writes.").
				WithHint("Run the DDL before the writes, or in its own transaction.")
		}
		return nil
	}
	return s.openTiDBTxn(ctx)
}

// readOnlyRefusal is PostgreSQL's 25006 for a statement a read-only transaction may not run:
// one that is not a query, or a query that changes a sequence (Statement.ReadOnlyName).
func readOnlyRefusal(tr *translate.Statement) error {
	switch {
	case tr.ReadOnlyName != "":
		return pgerror.Newf(pgerrcode.ReadOnlySQLTransaction, "cannot execute %s in a read-only transaction", tr.ReadOnlyName)
	case tr.Kind != translate.KindQuery:
		return pgerror.Newf(pgerrcode.ReadOnlySQLTransaction, "cannot execute %s in a read-only transaction", tr.Tag)
	}
	return nil
}

// openTiDBTxn starts the TiDB transaction of the current block if it is not open yet.
func (s *session) openTiDBTxn(ctx context.Context) error {
	if !s.txn.InBlock() || s.txn.TiDBOpen {
		return nil
	}
	iso := compat.EffectiveIsolation(s.txn.Isolation)
	if iso != s.tidbIsolation {
		level := tidbsql.ReadCommitted
		if iso == "repeatable read" {
			level = tidbsql.RepeatableRead
		}
		if _, err := s.tidb.ExecContext(ctx, tidbsql.SetVars(false, tidbsql.Var{Name: "transaction_isolation", Value: level})); err != nil {
			return err
		}
		s.tidbIsolation = iso
	}
	// READ ONLY is enforced by pgtidb (beforeStatement): TiDB's START TRANSACTION READ ONLY is
	// a no-op it refuses unless tidb_enable_noop_functions is set.
	if _, err := s.tidb.ExecContext(ctx, tidbsql.Begin(false)); err != nil {
		return err
	}
	s.txn.TiDBOpen = true
	return nil
}

// endTxn commits or rolls back the block on TiDB (if its transaction was opened) and closes it.
func (s *session) endTxn(ctx context.Context, commit bool) error {
	var err error
	if s.txn.TiDBOpen {
		s.detach()
		if commit {
			_, err = s.tidb.ExecContext(ctx, tidbsql.Commit())
		} else {
			_, err = s.tidb.ExecContext(ctx, tidbsql.Rollback())
		}
	}
	s.txn.End(commit && err == nil, s.gucs)
	s.reportChanges()
	return err
}

// failed records an error: a block becomes failed; an implicit block is rolled back at once.
func (s *session) failed(ctx context.Context) {
	if !s.txn.InBlock() {
		return
	}
	if s.txn.Implicit {
		_ = s.endTxn(ctx, false)
		return
	}
	s.txn.Fail()
}

// run executes a translated statement with its TiDB arguments and streams its rows into w.
// It returns the command tag.
func (s *session) run(ctx context.Context, p *prepared, args []any, w *rowWriter) (tag string, err error) {
	defer func() {
		if err != nil {
			err = s.sequenceLimit(ctx, err)
		}
	}()
	if p.tr.Locking && !s.txn.InBlock() && s.txn.Status != compat.TxnFailed {
		// TiDB takes no row lock in autocommit: a locking read outside a block runs in an
		// implicit block of its own (ended like a multi-statement query's: at the end of the
		// Query message, or at Sync), so it waits for and holds the rows' locks as
		// PostgreSQL's statement does.
		iso, _ := s.gucs.Get("default_transaction_isolation")
		ro, _ := s.gucs.Get("default_transaction_read_only")
		s.txn.Begin(true, iso, ro == "on", s.gucs)
	}
	if err := s.beforeStatement(ctx, p); err != nil {
		return "", err
	}
	s.detach()
	tr := p.tr
	if ms := s.gucs.Millis("statement_timeout"); ms > 0 {
		t := time.AfterFunc(time.Duration(ms)*time.Millisecond, func() { s.cancel(cancelByTimeout) })
		defer t.Stop()
	}
	s.busy.Store(true)
	defer func() {
		s.killMu.Lock()
		s.busy.Store(false)
		s.killMu.Unlock()
	}()
	if len(tr.Nextvals) > 0 {
		defer func() { s.noteNextval(tr, err) }()
	}
	if len(tr.Notices) > 0 {
		defer func() {
			if err == nil {
				for _, n := range tr.Notices {
					s.c.sendNotice(n)
				}
			}
		}()
	}
	if len(tr.SequenceResets) > 0 || len(tr.SequenceRenews) > 0 {
		before, lerr := s.tidbLastvals(ctx, tr.SequenceResets)
		if lerr != nil {
			return "", lerr
		}
		defer func() {
			if err == nil {
				err = s.resetBlocks(ctx, tr, before)
			}
		}()
	}
	if len(tr.SessionValues) > 0 {
		if args, err = s.bindSessionValues(ctx, tr, args); err != nil {
			return "", err
		}
	}
	if tr.Lastval {
		if args, err = s.bindLastval(ctx, args); err != nil {
			return "", err
		}
	}
	if tr.Plan != nil {
		return s.runPlan(ctx, tr, args, w)
	}
	if tr.Columns != nil {
		n, err := w.stream(ctx, s, tr, args)
		if err != nil {
			return "", s.explain(ctx, tr, s.interrupted(err))
		}
		if w.suspendedPortal != nil {
			return "", nil
		}
		if err := s.cancelled(); err != nil {
			return "", err
		}
		if tr.CheckWarnings {
			if err := s.warningsAsError(ctx); err != nil {
				return "", err
			}
		}
		if len(tr.SetConfig) > 0 {
			if err := s.applySetConfig(tr.SetConfig); err != nil {
				return "", err
			}
		}
		return tr.Tag + " " + strconv.FormatInt(n, 10), nil
	}
	if tr.CatalogOnly {
		return s.applyCatalogOnly(ctx, tr)
	}
	res, err := s.tidb.ExecContext(ctx, tr.SQL, args...)
	if err != nil {
		return "", s.explain(ctx, tr, s.interrupted(err))
	}
	if s.txn.InBlock() {
		// The block fails as PostgreSQL's would; its writes are rolled back with it.
		if err := s.cancelled(); err != nil {
			return "", err
		}
	} else {
		// Committed already in autocommit: reporting a cancel now would hide a done write.
		s.reason.Store(int32(cancelNone))
	}
	switch tr.Kind {
	case translate.KindDML:
		n, _ := res.RowsAffected()
		if s.txn.InBlock() && n != 0 {
			// A statement that changed no row leaves nothing for DDL's implicit commit to
			// commit early (Django's UPDATE … WHERE col IS NULL before SET NOT NULL).
			s.txn.Wrote = true
		}
		if tr.Tag == "INSERT" {
			return "INSERT 0 " + strconv.FormatInt(n, 10), nil
		}
		return tr.Tag + " " + strconv.FormatInt(n, 10), nil
	case translate.KindDDL:
		if err := s.afterDDL(ctx, tr); err != nil {
			return "", err
		}
	}
	return tr.Tag, nil
}

// noteNextval remembers the last sequence a statement called nextval on, for lastval(): when
// it ran, or failed on TiDB (PostgreSQL's nextval stays done when its statement fails later) —
// not when a plan's check refused it before the statement ran (currval's 55000, 0A000).
func (s *session) noteNextval(tr *translate.Statement, err error) {
	if pe, ok := pgerror.As(err); ok && (pe.Code == pgerrcode.ObjectNotInPrerequisiteState || pe.Code == pgerrcode.FeatureNotSupported) {
		return
	}
	last := tr.Nextvals[len(tr.Nextvals)-1]
	s.lastSeq = &last
	s.noteDrawn(tr)
}

// bindLastval appends lastval()'s value to a plan's parameters (translate.Statement.Lastval).
func (s *session) bindLastval(ctx context.Context, args []any) ([]any, error) {
	if s.lastSeq == nil {
		return nil, translate.ErrLastvalUndefined()
	}
	if _, ok := s.seqCurrvals[*s.lastSeq]; ok {
		// Drawn from the session's block; PostgreSQL's lastval fails once the sequence is gone.
		if epoch, err := catalog.SequenceEpoch(ctx, s.tidb, s.lastSeq.DB, s.lastSeq.Name); err != nil {
			return nil, err
		} else if epoch == "" {
			return nil, translate.ErrLastvalUndefined()
		}
		return append(args[:len(args):len(args)], s.seqCurrvals[*s.lastSeq]), nil
	}
	query, err := translate.LastvalQuery(*s.lastSeq)
	if err != nil {
		return nil, err
	}
	var v sql.NullInt64
	if err := s.tidb.QueryRowContext(ctx, query).Scan(&v); err != nil {
		var me *mysql.MySQLError
		if errors.As(err, &me) && me.Number == 1146 {
			return nil, translate.ErrLastvalUndefined() // the sequence was dropped
		}
		return nil, err
	}
	if !v.Valid {
		return nil, translate.ErrLastvalUndefined()
	}
	return append(args[:len(args):len(args)], v.Int64), nil
}

// afterDDL follows a DDL statement (or DDL plan) that TiDB ran: a block's TiDB transaction
// was committed by it, and the shadow catalog records the statement's changes.
func (s *session) afterDDL(ctx context.Context, tr *translate.Statement) error {
	if s.txn.InBlock() {
		// TiDB committed the block's (write-free) transaction before the DDL.
		s.txn.TiDBOpen = false
		s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.Warning,
			Message: tr.Tag + " took effect at once: TiDB runs DDL outside the transaction, so ROLLBACK will not undo it"})
	}
	if err := s.srv.catalog.Apply(ctx, s.tidb, tr.Catalog); err != nil {
		s.log.Error("shadow catalog update failed after DDL", zap.Error(err), zap.String("stmt", truncate(tr.SQL)))
		return pgerror.New(pgerrcode.InternalError, "the DDL ran but pgtidb could not record its PostgreSQL types")
	}
	return nil
}

// applyCatalogOnly runs a statement whose effect is its shadow-catalog changes (COMMENT):
// a write of the open transaction block (ROLLBACK undoes it), or one TiDB transaction of its
// own in autocommit.
func (s *session) applyCatalogOnly(ctx context.Context, tr *translate.Statement) (string, error) {
	if s.txn.InBlock() {
		if err := s.srv.catalog.Apply(ctx, s.tidb, tr.Catalog); err != nil {
			return "", err
		}
		s.txn.Wrote = true
		return tr.Tag, nil
	}
	tx, err := s.tidb.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	if err := s.srv.catalog.Apply(ctx, tx, tr.Catalog); err != nil {
		_ = tx.Rollback()
		return "", err
	}
	if err := tx.Commit(); err != nil {
		return "", err
	}
	return tr.Tag, nil
}

// errorWarnings are the TiDB warnings PostgreSQL raises as errors in a query.
var errorWarnings = map[uint16]bool{
	1365: true, // division by zero
	1292: true, // invalid value for a cast (integer, numeric, date/time)
	1366: true, // incorrect value for a column type
	1264: true, // out of range
	1690: true, // value out of range
	3020: true, // logarithm of zero or a negative number
}

// warningsAsError reads the warnings of the last statement and returns the first one
// PostgreSQL would have raised, as that PostgreSQL error.
func (s *session) warningsAsError(ctx context.Context) error {
	rows, err := s.tidb.QueryContext(ctx, tidbsql.ShowWarnings())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var level, message string
		var code uint16
		if err := rows.Scan(&level, &code, &message); err != nil {
			return err
		}
		if errorWarnings[code] && !roundingWarning(code, message) {
			return pgerror.FromMySQL(&mysql.MySQLError{Number: code, Message: message})
		}
	}
	return rows.Err()
}

// decimalRounding is TiDB's warning for a number cast to a DECIMAL of smaller scale: it
// rounded, which PostgreSQL does silently. A non-number in the quotes is a real input error.
var decimalRounding = regexp.MustCompile(`^Truncated incorrect DECIMAL value: '[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?'$`)

func roundingWarning(code uint16, message string) bool {
	return code == 1292 && decimalRounding.MatchString(message)
}

// cancelled returns the cancel error when a cancel or timeout fired while a statement ran
// that TiDB finished anyway (KILL QUERY interrupts SLEEP() without an error, for instance).
// PostgreSQL reports the cancel; so does pgtidb — except for a write TiDB already committed in
// autocommit (see run).
func (s *session) cancelled() error {
	switch cancelReason(s.reason.Swap(int32(cancelNone))) {
	case cancelByTimeout:
		return pgerror.New(pgerrcode.QueryCanceled, "canceling statement due to statement timeout")
	case cancelByUser:
		return pgerror.New(pgerrcode.QueryCanceled, "canceling statement due to user request")
	}
	return nil
}

// explain adds what PostgreSQL's error would say and TiDB's does not: the relation of a
// not-null or check violation (tr.Relation) and the key of a unique violation
// ("Key (id)=(1) already exists."), read from the index's columns.
func (s *session) explain(ctx context.Context, tr *translate.Statement, err error) error {
	var me *mysql.MySQLError
	if !errors.As(err, &me) {
		return err
	}
	if _, _, ok := pgerror.SequenceRunOut(me); ok {
		return s.sequenceLimit(ctx, me)
	}
	relation := tr.Relation
	if tr.Kind == translate.KindDDL {
		// ALTER COLUMN … SET NOT NULL (MODIFY COLUMN) over NULLs.
		if col, ok := pgerror.NullsFound(me); ok && relation != "" {
			return pgerror.Newf(pgerrcode.NotNullViolation, "column %q of relation %q contains null values", col, relation)
		}
		relation = "" // the INSERT/UPDATE wording below is not ALTER TABLE's
	}
	// Not-null and check violations name the INSERT/UPDATE's table, as PostgreSQL's do.
	pe := pgerror.FromMySQLIn(me, relation)
	if _, _, _, ok := pgerror.ForeignKeyFailure(me); ok {
		return s.fkDeferred(ctx, me, pe)
	}
	table, constraint, entry, ok := pgerror.DuplicateEntry(me)
	if !ok || table == "" {
		return pe
	}
	index := constraint
	if constraint == table+"_pkey" {
		index = "PRIMARY"
	}
	cols, lerr := s.resolver(ctx).IndexColumns(table, index)
	if lerr != nil {
		return pe
	}
	if detail, ok := pgerror.KeyExistsDetail(cols, entry); ok {
		pe.Detail = detail
	}
	return pe
}

// fkDeferred turns err, TiDB's violation me of a foreign key, into the refusal of a deferred
// check when the key is deferred in the block (translate/fk_deferral.go): PostgreSQL would
// check it at COMMIT, TiDB has checked it at once. Otherwise err is returned.
func (s *session) fkDeferred(ctx context.Context, me *mysql.MySQLError, err error) error {
	db, table, constraint, ok := pgerror.ForeignKeyFailure(me)
	if !ok || !s.txn.InBlock() {
		return err
	}
	tbl, lerr := s.srv.catalog.Lookup(ctx, s.tidb, db, table)
	if lerr != nil || tbl == nil {
		return err
	}
	d := tbl.Text(catalog.TextDeferral, constraint)
	if d == nil || !s.txn.Deferred(compat.ConstraintKey{Database: db, Name: constraint}, d.Expr.Plain == catalog.DeferrableInitiallyDeferred) {
		return err
	}
	return pgerror.Unsupported("deferring the check of foreign key constraint \"" + constraint + "\" of table \"" + table + "\"").
		WithDetail(pgerror.FromMySQL(me).Message + ".").
		WithHint("pgtidb checks a foreign key when each row is written, even when it is deferred: write the referenced row first.")
}

// interrupted maps TiDB's "query interrupted" to PostgreSQL's cancel and timeout errors.
func (s *session) interrupted(err error) error {
	reason := cancelReason(s.reason.Swap(int32(cancelNone)))
	var me *mysql.MySQLError
	if !errors.As(err, &me) || (me.Number != 1317 && me.Number != 3024) {
		return err
	}
	if reason == cancelByTimeout {
		return pgerror.New(pgerrcode.QueryCanceled, "canceling statement due to statement timeout")
	}
	return pgerror.New(pgerrcode.QueryCanceled, "canceling statement due to user request")
}

// detach reads a suspended portal's remaining rows into memory, freeing the TiDB connection
// for the next statement.
func (s *session) detach() {
	if s.suspended != nil {
		s.suspended.buffer()
		s.suspended = nil
	}
}

func truncate(sql string) string {
	if len(sql) > 200 {
		return sql[:200] + "…"
	}
	return sql
}
