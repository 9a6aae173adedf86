package proxy

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/tidbsql"
	"github.com/pgtidb/pgtidb/translate"
	"github.com/pgtidb/pgtidb/typemap"
)

// runPlan runs a statement translated into several TiDB statements (tr.Plan) with the client's
// parameters in PostgreSQL order. A DDL plan runs step by step outside transactions. A writing plan runs in one TiDB transaction: the block's
// (beforeStatement opened it) or, in autocommit, one opened here and committed when the plan
// succeeded or rolled back when it failed, so a failure leaves nothing half-applied. Steps
// marked Outside run on a fresh connection of the session pool in autocommit (setval's ALTER
// SEQUENCE, which must not end the session's transaction).
func (s *session) runPlan(ctx context.Context, tr *translate.Statement, params []any, w *rowWriter) (tag string, err error) {
	if w.maxRows > 0 && tr.Columns != nil {
		return "", pgerror.Unsupported("a row limit in Execute for " + tr.Tag + " … RETURNING").
			WithHint("Execute the portal without a row limit.")
	}
	if tr.Kind == translate.KindDDL {
		// TiDB runs each DDL step on its own, outside any transaction; the plan undoes its
		// earlier steps when a later one fails.
		// It may return rows (setval) and count them (CREATE TABLE AS: "SELECT n").
		sink := &planSink{s: s, w: w, tr: tr, enc: newRowEncoder(tr.Columns, s), describe: w.describe && tr.Columns != nil}
		n, err := returning.ExecuteWith(ctx, s.tidb, s.srv.sessionDB(), tr.Plan, params, sink)
		if err != nil {
			return "", s.interrupted(err)
		}
		sink.describeOnce()
		if err := s.afterDDL(ctx, tr); err != nil {
			return "", err
		}
		if tr.Tag == "SELECT" {
			return tr.Tag + " " + strconv.FormatInt(n, 10), nil
		}
		return tr.Tag, nil
	}
	own := tr.Kind != translate.KindQuery && !s.txn.InBlock()
	if own {
		if _, err := s.tidb.ExecContext(ctx, tidbsql.Begin(false)); err != nil {
			return "", err
		}
		defer func() {
			if err != nil {
				_, _ = s.tidb.ExecContext(context.Background(), tidbsql.Rollback())
				return
			}
			if _, cerr := s.tidb.ExecContext(ctx, tidbsql.Commit()); cerr != nil {
				tag, err = "", cerr
			}
		}()
	}
	if s.txn.InBlock() && tr.Kind == translate.KindDML {
		s.txn.Wrote = true
	}
	// As PostgreSQL runs a RETURNING statement to completion before it describes and sends
	// the rows, the RowDescription goes out with the first row (or at the end).
	sink := &planSink{s: s, w: w, tr: tr, enc: newRowEncoder(tr.Columns, s), describe: w.describe && tr.Columns != nil}
	n, err := returning.ExecuteWith(ctx, s.tidb, s.srv.sessionDB(), tr.Plan, params, sink)
	if err != nil {
		err = s.interrupted(err)
		if me := (*mysql.MySQLError)(nil); errors.As(err, &me) {
			err = s.fkDeferred(ctx, me, err)
		}
		return "", err
	}
	sink.describeOnce()
	switch {
	case tr.Tag == "INSERT":
		return "INSERT 0 " + strconv.FormatInt(n, 10), nil
	case tr.Kind == translate.KindDML || tr.Kind == translate.KindQuery:
		return tr.Tag + " " + strconv.FormatInt(n, 10), nil
	}
	return tr.Tag, nil
}

// planSink sends a plan's result rows to the client.
type planSink struct {
	s   *session
	w   *rowWriter
	tr  *translate.Statement
	enc *rowEncoder
	n   int64
	// describe is set while the RowDescription is still to be sent.
	describe bool
}

func (p *planSink) describeOnce() {
	if p.describe {
		p.describe = false
		p.w.c.be.Send(rowDescription(p.tr.Columns, p.w))
	}
}

var _ returning.Sink = (*planSink)(nil)

// Stream implements returning.Sink.
func (p *planSink) Stream(rows *sql.Rows) (int64, error) {
	p.describeOnce()
	n, err := p.w.drain(p.s, newRowReader(rows, p.tr.Columns, p.s))
	if err != nil {
		return n, err
	}
	p.n += n
	if p.tr.CheckWarnings {
		return n, p.s.warningsAsError(context.Background())
	}
	return n, nil
}

// Emit implements returning.Sink.
func (p *planSink) Emit(row returning.Row) error {
	p.describeOnce()
	values, err := p.enc.encode(row, p.w.format)
	if err != nil {
		return err
	}
	p.w.c.be.Send(&pgproto3.DataRow{Values: values})
	p.n++
	if p.n%flushEvery == 0 {
		return p.w.c.be.Flush()
	}
	return nil
}

// rowEncoder encodes rows held in memory (TiDB text values) by the result columns' PG types.
type rowEncoder struct {
	cols     []translate.Column
	settings typemap.Settings
}

func newRowEncoder(cols []translate.Column, s *session) *rowEncoder {
	return &rowEncoder{cols: cols, settings: s.valueSettings()}
}

func (e *rowEncoder) encode(row returning.Row, format func(int) int16) ([][]byte, error) {
	if len(row) != len(e.cols) {
		return nil, pgerror.New("XX000", "result shape differs from its description")
	}
	values := make([][]byte, len(row))
	for i, v := range row {
		if v == nil {
			continue
		}
		var err error
		buf := make([]byte, 0, len(v)+8)
		if format(i) == 1 {
			buf, err = typemap.EncodeBinary(buf, e.cols[i].Type, v, &e.settings)
		} else {
			buf, err = typemap.EncodeText(buf, e.cols[i].Type, v, &e.settings)
		}
		if err != nil {
			return nil, err
		}
		values[i] = buf
	}
	return values, nil
}
