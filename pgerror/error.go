package pgerror

import (
	"errors"
	"fmt"

	"github.com/jackc/pgerrcode"
)

// Severity of an error or notice, as PostgreSQL names it on the wire.
const (
	SeverityError   = "ERROR"
	SeverityFatal   = "FATAL"
	SeverityWarning = "WARNING"
	SeverityNotice  = "NOTICE"
)

// Error is a PostgreSQL error: what an ErrorResponse carries.
type Error struct {
	Severity string // ERROR when empty
	Code     string // SQLSTATE
	Message  string
	Detail   string
	Hint     string
	Position int32 // 1-based character position in the statement, 0 when unknown
}

func (e *Error) Error() string { return e.Message }

// New returns an ERROR with the given SQLSTATE and message.
func New(code, msg string) *Error { return &Error{Code: code, Message: msg} }

// Newf is New with a format.
func Newf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Unsupported is the error for a PostgreSQL construct pgtidb cannot run with PostgreSQL's
// meaning on TiDB: SQLSTATE 0A000 (feature_not_supported), the message names the construct.
func Unsupported(construct string) *Error {
	return &Error{Code: pgerrcode.FeatureNotSupported, Message: construct + " is not supported by pgtidb"}
}

// WithHint returns e with its hint set.
func (e *Error) WithHint(hint string) *Error { e.Hint = hint; return e }

// WithDetail returns e with its detail set.
func (e *Error) WithDetail(detail string) *Error { e.Detail = detail; return e }

// As returns err as *Error when it is one (anywhere in its chain).
func As(err error) (*Error, bool) {
	var pe *Error
	if errors.As(err, &pe) {
		return pe, true
	}
	return nil, false
}

// Code returns err's SQLSTATE, or XX000 (internal_error) when err is not an *Error.
func Code(err error) string {
	if pe, ok := As(err); ok {
		return pe.Code
	}
	return pgerrcode.InternalError
}
