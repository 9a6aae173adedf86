package proxy

import (
	"context"
	"errors"
	"unicode/utf8"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5/pgproto3"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pganalyze/pg_query_go/v5/parser"

	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/pgerror"
)

// parse checks the bounds of sql and parses it (cached by text).
func (s *session) parse(sql string) ([]*pg_query.RawStmt, error) {
	if r, ok := s.srv.cache.getParse(sql); ok {
		return r.stmts, r.err
	}
	if err := s.srv.cfg.Limits.checkSQL(sql); err != nil {
		return nil, err
	}
	tree, err := pg_query.Parse(sql)
	var r parseResult
	if err != nil {
		r.err = parseError(err, sql)
	} else {
		r.stmts = tree.GetStmts()
	}
	if len(sql) <= 64<<10 {
		s.srv.cache.putParse(sql, r)
	}
	return r.stmts, r.err
}

// parseError turns pg_query's error into PostgreSQL's syntax error, with its position.
func parseError(err error, sql string) error {
	pe := pgerror.New(pgerrcode.SyntaxError, err.Error())
	var e *parser.Error
	if errors.As(err, &e) {
		pe.Message = e.Message
		pe.Position = int32(e.Cursorpos)
	}
	return pe
}

// stmtText returns the text of one statement of a multi-statement string.
func stmtText(sql string, raw *pg_query.RawStmt) string {
	start := int(raw.GetStmtLocation())
	end := len(sql)
	if l := int(raw.GetStmtLen()); l > 0 && start+l <= len(sql) {
		end = start + l
	}
	if start > len(sql) {
		return sql
	}
	return sql[start:end]
}

// simpleQuery runs a Query message: every statement in it, in one implicit transaction when
// there are several and no block is open (PostgreSQL's rule), then ReadyForQuery.
func (c *conn) simpleQuery(sql string) {
	ctx := context.Background()
	s := c.sess
	s.activityStart(sql)
	defer c.ready()
	// A new Query ends the unnamed portal and any suspended rows.
	s.detach()
	raws, err := s.parse(sql)
	if err != nil {
		c.sendError(err)
		s.failed(ctx)
		return
	}
	if len(raws) == 0 {
		c.be.Send(&pgproto3.EmptyQueryResponse{})
		return
	}
	multi := len(raws) > 1
	for _, raw := range raws {
		if multi && !s.txn.InBlock() {
			s.txn.Begin(true, c.ext.defaultIsolation(), c.ext.defaultReadOnly(), s.gucs)
		}
		tag, err := c.runSimple(ctx, raw, stmtText(sql, raw))
		if err != nil {
			c.sendError(charPosition(err, sql))
			s.failed(ctx)
			return
		}
		c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(tag)})
	}
	if s.txn.Implicit {
		if err := s.endTxn(ctx, true); err != nil {
			c.sendError(err)
		}
	}
}

func (c *conn) runSimple(ctx context.Context, raw *pg_query.RawStmt, text string) (string, error) {
	s := c.sess
	w := &rowWriter{c: c, describe: true}
	if isUtility(raw.GetStmt()) {
		return s.utility(ctx, raw.GetStmt(), w)
	}
	if s.txn.Status == 'E' {
		return "", compat.ErrInFailedTxn
	}
	p, err := s.prepare(ctx, raw, text, nil)
	if err != nil {
		return "", err
	}
	if len(p.tr.ParamTypes) > 0 {
		return "", pgerror.Newf(pgerrcode.UndefinedParameter, "there is no parameter $%d", 1)
	}
	return s.run(ctx, p, nil, w)
}

// charPosition turns the byte offset a translation error carries into PostgreSQL's character
// position in the query string.
func charPosition(err error, sql string) error {
	pe, ok := pgerror.As(err)
	if !ok || pe.Position <= 0 || int(pe.Position) > len(sql)+1 {
		return err
	}
	c := *pe
	c.Position = int32(utf8.RuneCountInString(sql[:pe.Position-1])) + 1
	return &c
}
