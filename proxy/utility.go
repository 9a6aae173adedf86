package proxy

import (
	"context"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5/pgproto3"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/tidbsql"
	"github.com/pgtidb/pgtidb/translate"
	"github.com/pgtidb/pgtidb/typemap"
)

// isUtility reports whether a statement is answered by the session itself (through compat)
// rather than translated for TiDB.
func isUtility(n *pg_query.Node) bool {
	switch n.GetNode().(type) {
	case *pg_query.Node_VariableSetStmt, *pg_query.Node_VariableShowStmt, *pg_query.Node_TransactionStmt,
		*pg_query.Node_DiscardStmt, *pg_query.Node_ConstraintsSetStmt:
		return true
	}
	return false
}

// isTxnExit reports whether a statement may run in a failed block: ROLLBACK, ROLLBACK TO,
// COMMIT (which rolls back) — PostgreSQL's IsTransactionExitStmt.
func isTxnExit(n *pg_query.Node) bool {
	t := n.GetTransactionStmt()
	if t == nil {
		return false
	}
	switch t.GetKind() {
	case pg_query.TransactionStmtKind_TRANS_STMT_COMMIT, pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK,
		pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO, pg_query.TransactionStmtKind_TRANS_STMT_PREPARE,
		pg_query.TransactionStmtKind_TRANS_STMT_COMMIT_PREPARED, pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK_PREPARED:
		return true
	}
	return false
}

// utilityColumns describes the rows a utility statement returns (SHOW), or nil.
func utilityColumns(n *pg_query.Node) []translate.Column {
	show := n.GetVariableShowStmt()
	if show == nil {
		return nil
	}
	text := typemap.Of(typemap.Text)
	if show.GetName() == "all" {
		return []translate.Column{{Name: "name", Type: text}, {Name: "setting", Type: text}, {Name: "description", Type: text}}
	}
	return []translate.Column{{Name: compat.CanonicalName(show.GetName()), Type: text}}
}

// utility runs a session or transaction statement and returns its command tag.
func (s *session) utility(ctx context.Context, n *pg_query.Node, w *rowWriter) (string, error) {
	if s.txn.Status == compat.TxnFailed && !isTxnExit(n) {
		return "", compat.ErrInFailedTxn
	}
	switch st := n.GetNode().(type) {
	case *pg_query.Node_VariableSetStmt:
		return s.set(st.VariableSetStmt)
	case *pg_query.Node_VariableShowStmt:
		return s.show(st.VariableShowStmt, w)
	case *pg_query.Node_TransactionStmt:
		return s.transaction(ctx, st.TransactionStmt)
	case *pg_query.Node_ConstraintsSetStmt:
		return s.setConstraints(ctx, st.ConstraintsSetStmt)
	case *pg_query.Node_DiscardStmt:
		if s.txn.InBlock() {
			return "", pgerror.New(pgerrcode.ActiveSQLTransaction, "DISCARD ALL cannot run inside a transaction block")
		}
		if st.DiscardStmt.GetTarget() != pg_query.DiscardMode_DISCARD_ALL {
			return "", pgerror.Unsupported("DISCARD " + st.DiscardStmt.GetTarget().String())
		}
		s.gucs.ResetAll()
		s.c.ext.stmts = map[string]*stmt{}
		s.c.ext.closeAllPortals()
		s.reportChanges()
		return "DISCARD ALL", nil
	}
	return "", pgerror.Unsupported("this statement")
}

// reportChanges sends ParameterStatus for reported GUCs that changed.
func (s *session) reportChanges() {
	for _, kv := range s.gucs.Changed() {
		s.c.be.Send(&pgproto3.ParameterStatus{Name: kv[0], Value: kv[1]})
	}
}

func (s *session) set(n *pg_query.VariableSetStmt) (string, error) {
	name := n.GetName()
	if n.GetIsLocal() && !s.txn.InBlock() {
		s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.NoActiveSQLTransaction,
			Message: "SET LOCAL can only be used in transaction blocks"})
		return "SET", nil
	}
	if n.GetIsLocal() && n.GetKind() != pg_query.VariableSetKind_VAR_SET_MULTI {
		s.txn.SetLocal(name, s.gucs)
	}
	switch n.GetKind() {
	case pg_query.VariableSetKind_VAR_SET_MULTI:
		return s.setMulti(n)
	case pg_query.VariableSetKind_VAR_SET_VALUE:
		v, err := compat.SetValue(n)
		if err != nil {
			return "", err
		}
		if err := s.gucs.Set(name, v); err != nil {
			return "", err
		}
	case pg_query.VariableSetKind_VAR_SET_DEFAULT, pg_query.VariableSetKind_VAR_RESET:
		if err := s.gucs.Reset(name); err != nil {
			return "", err
		}
	case pg_query.VariableSetKind_VAR_RESET_ALL:
		s.gucs.ResetAll()
	default:
		return "", pgerror.Unsupported("SET " + name + " FROM CURRENT")
	}
	s.reportChanges()
	if n.GetKind() == pg_query.VariableSetKind_VAR_RESET || n.GetKind() == pg_query.VariableSetKind_VAR_RESET_ALL {
		return "RESET", nil
	}
	return "SET", nil
}

// setMulti handles SET TRANSACTION … and SET SESSION CHARACTERISTICS AS TRANSACTION ….
func (s *session) setMulti(n *pg_query.VariableSetStmt) (string, error) {
	iso, ro, err := compat.TxnOptions(n.GetArgs())
	if err != nil {
		return "", err
	}
	switch n.GetName() {
	case "TRANSACTION":
		if !s.txn.InBlock() {
			s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.NoActiveSQLTransaction,
				Message: "SET TRANSACTION can only be used in transaction blocks"})
			return "SET", nil
		}
		if iso != "" {
			if s.txn.Queried {
				return "", pgerror.New(pgerrcode.ActiveSQLTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query")
			}
			s.txn.Isolation = iso
		}
		if ro != nil {
			if s.txn.Queried && s.txn.ReadOnly && !*ro {
				return "", pgerror.New(pgerrcode.ActiveSQLTransaction, "transaction read-write mode must be set before any query")
			}
			s.txn.ReadOnly = *ro
		}
	case "SESSION CHARACTERISTICS":
		if iso != "" {
			if err := s.gucs.Set("default_transaction_isolation", iso); err != nil {
				return "", err
			}
		}
		if ro != nil {
			v := "off"
			if *ro {
				v = "on"
			}
			if err := s.gucs.Set("default_transaction_read_only", v); err != nil {
				return "", err
			}
		}
	default:
		return "", pgerror.Unsupported("SET " + n.GetName())
	}
	return "SET", nil
}

func (s *session) show(n *pg_query.VariableShowStmt, w *rowWriter) (string, error) {
	name := n.GetName()
	cols := utilityColumns(&pg_query.Node{Node: &pg_query.Node_VariableShowStmt{VariableShowStmt: n}})
	var rows [][]string
	switch name {
	case "all":
		for _, g := range s.gucs.All() {
			v, _ := s.gucs.Get(g.Name)
			rows = append(rows, []string{g.Name, v, g.Description})
		}
	case "transaction_isolation":
		level, _ := s.gucs.Get("default_transaction_isolation")
		if s.txn.InBlock() {
			level = s.txn.Isolation
		}
		rows = append(rows, []string{level})
	case "transaction_read_only":
		ro, _ := s.gucs.Get("default_transaction_read_only")
		if s.txn.InBlock() {
			ro = "off"
			if s.txn.ReadOnly {
				ro = "on"
			}
		}
		rows = append(rows, []string{ro})
	default:
		v, ok := s.gucs.Get(name)
		if !ok {
			return "", pgerror.Newf(pgerrcode.UndefinedObject, "unrecognized configuration parameter \"%s\"", name)
		}
		rows = append(rows, []string{v})
	}
	if w.describe {
		w.c.be.Send(rowDescription(cols, w))
	}
	for _, r := range rows {
		dr := &pgproto3.DataRow{Values: make([][]byte, len(r))}
		for i, v := range r {
			dr.Values[i] = []byte(v) // text: the same bytes in text and binary format
		}
		w.c.be.Send(dr)
	}
	return "SHOW", nil
}

func (s *session) transaction(ctx context.Context, n *pg_query.TransactionStmt) (string, error) {
	switch n.GetKind() {
	case pg_query.TransactionStmtKind_TRANS_STMT_BEGIN, pg_query.TransactionStmtKind_TRANS_STMT_START:
		tag := "BEGIN"
		if n.GetKind() == pg_query.TransactionStmtKind_TRANS_STMT_START {
			tag = "START TRANSACTION"
		}
		iso, ro, err := compat.TxnOptions(n.GetOptions())
		if err != nil {
			return "", err
		}
		if s.txn.InBlock() && !s.txn.Implicit {
			s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.ActiveSQLTransaction,
				Message: "there is already a transaction in progress"})
			return tag, nil
		}
		if iso == "" {
			iso, _ = s.gucs.Get("default_transaction_isolation")
		}
		readOnly := false
		if v, _ := s.gucs.Get("default_transaction_read_only"); v == "on" {
			readOnly = true
		}
		if ro != nil {
			readOnly = *ro
		}
		if s.txn.InBlock() {
			// BEGIN inside an implicit block makes it a regular block (PostgreSQL's rule).
			s.txn.Implicit = false
			if !s.txn.Queried {
				s.txn.Isolation, s.txn.ReadOnly = iso, readOnly
			}
			return tag, nil
		}
		s.txn.Begin(false, iso, readOnly, s.gucs)
		return tag, nil
	case pg_query.TransactionStmtKind_TRANS_STMT_COMMIT:
		if !s.txn.InBlock() {
			s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.NoActiveSQLTransaction,
				Message: "there is no transaction in progress"})
			return "COMMIT", nil
		}
		if s.txn.Implicit {
			s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.NoActiveSQLTransaction,
				Message: "there is no transaction in progress"})
		}
		if s.txn.Status == compat.TxnFailed {
			s.c.ext.closeAllPortals()
			return "ROLLBACK", s.endTxn(ctx, false)
		}
		s.c.ext.closeAllPortals()
		if err := s.endTxn(ctx, true); err != nil {
			return "", err
		}
		return "COMMIT", nil
	case pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK:
		if !s.txn.InBlock() || s.txn.Implicit {
			s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.NoActiveSQLTransaction,
				Message: "there is no transaction in progress"})
			if !s.txn.InBlock() {
				return "ROLLBACK", nil
			}
		}
		s.c.ext.closeAllPortals()
		return "ROLLBACK", s.endTxn(ctx, false)
	case pg_query.TransactionStmtKind_TRANS_STMT_SAVEPOINT:
		if !s.txn.InBlock() || s.txn.Implicit {
			return "", pgerror.New(pgerrcode.NoActiveSQLTransaction, "SAVEPOINT can only be used in transaction blocks")
		}
		if err := s.openTiDBTxn(ctx); err != nil {
			return "", err
		}
		s.txn.Queried = true
		if _, err := s.tidb.ExecContext(ctx, tidbsql.Savepoint(n.GetSavepointName(), s.txn.NextSavepointPos())); err != nil {
			return "", err
		}
		s.txn.AddSavepoint(n.GetSavepointName(), s.gucs)
		return "SAVEPOINT", nil
	case pg_query.TransactionStmtKind_TRANS_STMT_RELEASE:
		if !s.txn.InBlock() || s.txn.Implicit {
			return "", pgerror.New(pgerrcode.NoActiveSQLTransaction, "RELEASE SAVEPOINT can only be used in transaction blocks")
		}
		pos, err := s.txn.SavepointPos(n.GetSavepointName())
		if err != nil {
			return "", err
		}
		if _, err := s.tidb.ExecContext(ctx, tidbsql.Release(n.GetSavepointName(), pos)); err != nil {
			return "", err
		}
		s.txn.Release(n.GetSavepointName())
		return "RELEASE", nil
	case pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:
		if !s.txn.InBlock() || s.txn.Implicit {
			return "", pgerror.New(pgerrcode.NoActiveSQLTransaction, "ROLLBACK TO SAVEPOINT can only be used in transaction blocks")
		}
		pos, err := s.txn.SavepointPos(n.GetSavepointName())
		if err != nil {
			return "", err
		}
		s.detach()
		if _, err := s.tidb.ExecContext(ctx, tidbsql.RollbackTo(n.GetSavepointName(), pos)); err != nil {
			return "", err
		}
		s.txn.RollbackTo(n.GetSavepointName(), s.gucs)
		s.reportChanges()
		return "ROLLBACK", nil
	}
	return "", pgerror.Unsupported("two-phase commit (PREPARE TRANSACTION)")
}

// setConstraints runs SET CONSTRAINTS {ALL | name, …} {DEFERRED | IMMEDIATE}: the names are
// checked as PostgreSQL checks them (42704 for none, 42809 when a constraint to be deferred
// is not DEFERRABLE), and the block remembers the modes, which decide whether a violation
// of a DEFERRABLE foreign key is refused as a deferred check (see explain). Nothing is ever
// pending: TiDB has checked every key when its row was written, so IMMEDIATE has nothing to
// check.
func (s *session) setConstraints(ctx context.Context, n *pg_query.ConstraintsSetStmt) (string, error) {
	if !s.txn.InBlock() {
		s.c.sendNotice(&pgerror.Error{Severity: pgerror.SeverityWarning, Code: pgerrcode.NoActiveSQLTransaction,
			Message: "SET CONSTRAINTS can only be used in transaction blocks"})
	}
	var keys []compat.ConstraintKey
	if len(n.GetConstraints()) > 0 {
		r := s.resolver(ctx)
		keys = []compat.ConstraintKey{}
		for _, c := range n.GetConstraints() {
			rv := c.GetRangeVar()
			if rv.GetSchemaname() != "" {
				if _, ok, err := r.SchemaIsEmpty(rv.GetSchemaname()); err != nil {
					return "", err
				} else if !ok {
					return "", pgerror.Newf(pgerrcode.InvalidSchemaName, "schema \"%s\" does not exist", rv.GetSchemaname())
				}
			}
			found, err := r.ConstraintsNamed(rv.GetSchemaname(), rv.GetRelname())
			if err != nil {
				return "", err
			}
			if len(found) == 0 {
				return "", pgerror.Newf(pgerrcode.UndefinedObject, "constraint \"%s\" does not exist", rv.GetRelname())
			}
			for _, f := range found {
				if !f.Deferrable && n.GetDeferred() {
					return "", pgerror.Newf(pgerrcode.WrongObjectType, "constraint \"%s\" is not deferrable", rv.GetRelname())
				}
				keys = append(keys, compat.ConstraintKey{Database: f.Database, Name: rv.GetRelname()})
			}
		}
	}
	if s.txn.InBlock() {
		s.txn.SetConstraints(keys, n.GetDeferred())
	}
	return "SET CONSTRAINTS", nil
}
