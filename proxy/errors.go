package proxy

import (
	"database/sql/driver"
	"errors"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5/pgproto3"
	"go.uber.org/zap"

	"github.com/pgtidb/pgtidb/pgerror"
)

// toPGError turns any error into the PostgreSQL error a client sees. TiDB errors go through
// pgerror.FromMySQL's table; anything else is logged and reported without its Go text.
func toPGError(err error, log *zap.Logger) *pgerror.Error {
	if pe, ok := pgerror.As(err); ok {
		return pe
	}
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		return pgerror.FromMySQL(me)
	}
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, mysql.ErrInvalidConn) {
		log.Warn("TiDB connection lost", zap.Error(err))
		return pgerror.New(pgerrcode.ConnectionFailure, "connection to TiDB lost")
	}
	log.Error("internal error", zap.Error(err))
	return pgerror.New(pgerrcode.InternalError, "internal error in pgtidb")
}

func errorResponse(err error, log *zap.Logger) *pgproto3.ErrorResponse {
	pe := toPGError(err, log)
	sev := pe.Severity
	if sev == "" {
		sev = pgerror.SeverityError
	}
	return &pgproto3.ErrorResponse{
		Severity: sev, SeverityUnlocalized: sev, Code: pe.Code, Message: pe.Message,
		Detail: pe.Detail, Hint: pe.Hint, Position: pe.Position,
	}
}
