package proxy

import (
	"context"
	"database/sql"
	"errors"
	"hash/fnv"
	"math"
	"strconv"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgerrcode"
	"go.uber.org/zap"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/translate"
)

// Session blocks of CACHE n > 1 sequences (translate/seqcache.go). As a PostgreSQL backend
// does, a session takes n values of such a sequence at its first nextval and hands them out
// before it takes the next n; another session's values come after the block. TiDB's sequence
// (NOCACHE, PostgreSQL's INCREMENT and bounds) holds the position all sessions and pgtidb
// instances share: a block is taken under TiDB's advisory lock of the sequence, as NEXTVAL
// (the block's first value) and SETVAL to its last, so no other block interleaves with it —
// every value of such a sequence is taken this way, none by TiDB's NEXTVAL alone. TiDB then
// shows the end of the last block taken as the sequence's position, as PostgreSQL's
// last_value does. A block stops at the sequence's bound, as PostgreSQL's fetch does (a CYCLE
// sequence goes round at the next block).

// seqBlock is what remains of a session's block of one sequence: left values from next,
// INCREMENT apart; the sequence's epoch when it was taken (catalog.SequenceEpoch) and the
// catalog generation it was last checked at.
type seqBlock struct {
	next, inc, left int64
	epoch           string
	gen             uint64
}

// take hands out the block's next value.
func (b *seqBlock) take() (int64, bool) {
	if b.left == 0 {
		return 0, false
	}
	v := b.next
	b.left--
	if b.left > 0 {
		b.next += b.inc
	}
	return v, true
}

// seqLockWait is how long a session waits for another one taking a block of the same
// sequence (seconds; TiDB's GET_LOCK).
const seqLockWait = 60

// sequenceInfoQuery reads a sequence's INCREMENT and bounds.
const sequenceInfoQuery = "SELECT `INCREMENT`, `MIN_VALUE`, `MAX_VALUE` FROM `information_schema`.`SEQUENCES` " +
	"WHERE `SEQUENCE_SCHEMA` = ? AND `SEQUENCE_NAME` = ?"

// bindSessionValues appends the statement's session values to its parameters
// (translate.Statement.SessionValues): values drawn from the session's blocks, and currvals.
func (s *session) bindSessionValues(ctx context.Context, tr *translate.Statement, args []any) ([]any, error) {
	out := make([]any, len(args), len(args)+len(tr.SessionValues))
	copy(out, args)
	for _, v := range tr.SessionValues {
		if v.Cache == 0 {
			cur, ok := s.seqCurrvals[v.Seq]
			if !ok {
				return nil, pgerror.Newf(pgerrcode.ObjectNotInPrerequisiteState,
					"currval of sequence %q is not yet defined in this session", v.Seq.Name)
			}
			out = append(out, cur)
			continue
		}
		n, err := s.drawValue(ctx, v.Seq, v.Cache)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// drawValue hands out the next value of seq from the session's block, taking a new block of
// cache values when it is used up.
func (s *session) drawValue(ctx context.Context, seq translate.SequenceRef, cache int64) (int64, error) {
	if s.seqBlocks == nil {
		s.seqBlocks = map[translate.SequenceRef]*seqBlock{}
		s.seqCurrvals = map[translate.SequenceRef]int64{}
	}
	b := s.seqBlocks[seq]
	if b != nil {
		if ok, err := s.blockValid(ctx, seq, b); err != nil {
			return 0, err
		} else if !ok {
			b = nil
		}
	}
	if b == nil {
		b = &seqBlock{}
		s.seqBlocks[seq] = b
	}
	v, ok := b.take()
	if !ok {
		if err := s.takeBlock(ctx, seq, cache, b); err != nil {
			delete(s.seqBlocks, seq)
			return 0, err
		}
		v, _ = b.take()
	}
	s.seqCurrvals[seq] = v
	return v, nil
}

// tidbLastvals reads TiDB's LASTVAL of the sequences among seqs the session drew from blocks
// (setval's plan ends with a NEXTVAL when is_called, which makes its value TiDB's LASTVAL).
func (s *session) tidbLastvals(ctx context.Context, seqs []translate.SequenceRef) (map[translate.SequenceRef]sql.NullInt64, error) {
	out := map[translate.SequenceRef]sql.NullInt64{}
	for _, seq := range seqs {
		if _, ok := s.seqCurrvals[seq]; !ok {
			continue
		}
		q, err := translate.LastvalQuery(seq)
		if err != nil {
			return nil, err
		}
		var v sql.NullInt64
		if err := s.tidb.QueryRowContext(ctx, q).Scan(&v); err != nil {
			return nil, err
		}
		out[seq] = v
	}
	return out, nil
}

// resetBlocks follows a statement that ran: the session drops its blocks of the sequences
// the statement reset (translate.Statement.SequenceResets: setval), and every session its
// blocks of those it renewed (SequenceRenews: ALTER SEQUENCE, RESTART IDENTITY), through their
// epochs (catalog.SequenceEpoch). A setval that made its value the sequence's currval (TiDB's
// LASTVAL moved from before, the statement's lastvals) makes it the session's.
func (s *session) resetBlocks(ctx context.Context, tr *translate.Statement, before map[translate.SequenceRef]sql.NullInt64) error {
	for _, seq := range append(tr.SequenceResets, tr.SequenceRenews...) {
		delete(s.seqBlocks, seq)
	}
	after, err := s.tidbLastvals(ctx, tr.SequenceResets)
	if err != nil {
		return err
	}
	for seq, v := range after {
		if v.Valid && v != before[seq] {
			s.seqCurrvals[seq] = v.Int64
		}
	}
	if len(tr.SequenceRenews) == 0 {
		return nil
	}
	names := make([]catalog.SequenceName, len(tr.SequenceRenews))
	for i, seq := range tr.SequenceRenews {
		names[i] = catalog.SequenceName{DB: seq.DB, Name: seq.Name}
	}
	// Outside the session's transaction: the renewal stays, as the DDL does.
	if err := s.srv.catalog.RenewSequences(ctx, s.srv.sessionDB(), names); err != nil {
		s.log.Error("renewing sequence epochs failed", zap.Error(err))
		return pgerror.New(pgerrcode.InternalError, "the statement ran but pgtidb could not tell other sessions the sequence changed")
	}
	return nil
}

// blockValid reports whether the session's block of seq still holds values of the sequence:
// when the catalog changed since it was taken, the sequence's epoch must be the block's.
func (s *session) blockValid(ctx context.Context, seq translate.SequenceRef, b *seqBlock) (bool, error) {
	gen := s.srv.catalog.Generation()
	if gen == b.gen {
		return true, nil
	}
	epoch, err := catalog.SequenceEpoch(ctx, s.srv.sessionDB(), seq.DB, seq.Name)
	if err != nil {
		return false, err
	}
	b.gen = gen
	return epoch == b.epoch, nil
}

// noteDrawn keeps currval and lastval right after a statement's nextvals: a sequence the
// statement drew from through TiDB (not from a block) has TiDB's LASTVAL as its currval again.
func (s *session) noteDrawn(tr *translate.Statement) {
	if len(s.seqCurrvals) == 0 {
		return // nothing drawn from a block yet (every INSERT into a SERIAL table comes here)
	}
	drawn := map[translate.SequenceRef]bool{}
	for _, v := range tr.SessionValues {
		if v.Cache > 0 {
			drawn[v.Seq] = true
		}
	}
	for _, seq := range tr.Nextvals {
		if !drawn[seq] {
			delete(s.seqCurrvals, seq)
		}
	}
}

// takeBlock takes the next block of cache values of seq from TiDB, on a connection of its own
// (the session's transaction takes no metadata lock on the sequence), under TiDB's advisory
// lock of the sequence.
func (s *session) takeBlock(ctx context.Context, seq translate.SequenceRef, cache int64, b *seqBlock) error {
	conn, err := s.srv.sessionDB().Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	lock := seqLockName(seq)
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, ?)", lock, seqLockWait).Scan(&got); err != nil {
		return err
	}
	if !got.Valid || got.Int64 != 1 {
		return pgerror.Newf(pgerrcode.LockNotAvailable, "could not take values of sequence %q: another session holds it", seq.Name)
	}
	defer func() { _, _ = conn.ExecContext(context.Background(), "DO RELEASE_LOCK(?)", lock) }()
	b.gen = s.srv.catalog.Generation()
	if b.epoch, err = catalog.SequenceEpoch(ctx, conn, seq.DB, seq.Name); err != nil {
		return err
	}
	var inc, lo, hi int64
	if err := conn.QueryRowContext(ctx, sequenceInfoQuery, seq.DB, seq.Name).Scan(&inc, &lo, &hi); err != nil {
		if err == sql.ErrNoRows {
			return pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", seq.Name)
		}
		return err
	}
	next, err := translate.NextvalQuery(seq)
	if err != nil {
		return err
	}
	// The block's first value: at the bound, a CYCLE sequence goes round (TiDB's NEXTVAL too).
	var v int64
	if err := conn.QueryRowContext(ctx, next).Scan(&v); err != nil {
		return err
	}
	// The rest stop at the bound, as PostgreSQL's fetch does.
	steps := blockSteps(v, inc, lo, hi, cache-1)
	if steps > 0 {
		q, err := translate.SetvalQuery(seq, v+steps*inc)
		if err != nil {
			return err
		}
		var set sql.NullInt64
		if err := conn.QueryRowContext(ctx, q).Scan(&set); err != nil {
			return err
		}
		if !set.Valid {
			steps = 0 // the sequence moved past the block another way: only v is this one's
		}
	}
	b.next, b.inc, b.left = v, inc, steps+1
	return nil
}

// blockSteps is how many INCREMENTs past v a block of want more values reaches within the
// sequence's bounds.
func blockSteps(v, inc, lo, hi, want int64) int64 {
	var room uint64 // values after v within the bounds, as steps
	if inc > 0 {
		room = (uint64(hi) - uint64(v)) / uint64(inc)
	} else {
		room = (uint64(v) - uint64(lo)) / uint64(-inc)
	}
	if room < uint64(want) {
		return int64(room)
	}
	return want
}

// seqLockName is the name of TiDB's advisory lock of seq (at most 64 characters).
func seqLockName(seq translate.SequenceRef) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(seq.DB))
	_, _ = h.Write([]byte{0})
	_, _ = h.Write([]byte(seq.Name))
	return "pgtidb_seq_" + strconv.FormatUint(h.Sum64(), 16)
}

// sequenceLimit turns TiDB's error for a sequence past its bound (4135) into PostgreSQL's, which
// names the bound (read from the sequence's definition; TiDB's range stops one short of the
// int64 extremes, PostgreSQL's bigint bounds). Any other error is returned as it is.
func (s *session) sequenceLimit(ctx context.Context, err error) error {
	var me *mysql.MySQLError
	if !errors.As(err, &me) {
		return err
	}
	db, name, ok := pgerror.SequenceRunOut(me)
	if !ok {
		return err
	}
	var inc, lo, hi int64
	if qerr := s.srv.sessionDB().QueryRowContext(ctx, sequenceInfoQuery, db, name).Scan(&inc, &lo, &hi); qerr != nil {
		return err
	}
	if inc > 0 {
		if hi == math.MaxInt64-1 {
			hi = math.MaxInt64
		}
		return pgerror.SequenceLimit(name, inc, hi)
	}
	if lo == math.MinInt64+1 {
		lo = math.MinInt64
	}
	return pgerror.SequenceLimit(name, inc, lo)
}
