package tidbsql

import (
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/model"
	_ "github.com/pingcap/tidb/pkg/parser/test_driver" // value expressions for ast.NewValueExpr
)

// Flags are the restore flags of every statement built here (the same as translate's).
const Flags = format.DefaultRestoreFlags | format.RestoreStringWithoutCharset

// Restore renders a TiDB AST node as SQL text.
func Restore(n ast.Node) string {
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(Flags, &sb)); err != nil {
		// The nodes built in this package always restore; a failure is a programming error.
		panic("tidbsql: restore: " + err.Error())
	}
	return sb.String()
}

// Isolation levels as TiDB names them in transaction_isolation.
const (
	ReadCommitted  = "READ-COMMITTED"
	RepeatableRead = "REPEATABLE-READ"
)

// Begin starts a transaction; readOnly gives START TRANSACTION READ ONLY.
func Begin(readOnly bool) string {
	return Restore(&ast.BeginStmt{ReadOnly: readOnly})
}

// Commit commits the open transaction.
func Commit() string { return Restore(&ast.CommitStmt{}) }

// Rollback rolls the open transaction back.
func Rollback() string { return Restore(&ast.RollbackStmt{}) }

// Savepoint defines a savepoint. PostgreSQL allows the same savepoint name twice (the newer
// one hides the older until released); TiDB replaces a savepoint of the same name. So each
// PostgreSQL savepoint is carried under a TiDB name unique in its transaction: the name's hex
// and its position in the savepoint stack, sp<pos>_<hex> — also always a plain word, which
// matters because TiDB restores savepoint names unquoted.
func Savepoint(name string, pos int) string {
	return Restore(&ast.SavepointStmt{Name: savepointName(name, pos)})
}

// RollbackTo rolls back to a savepoint.
func RollbackTo(name string, pos int) string {
	return Restore(&ast.RollbackStmt{SavepointName: savepointName(name, pos)})
}

// Release releases a savepoint.
func Release(name string, pos int) string {
	return Restore(&ast.ReleaseSavepointStmt{Name: savepointName(name, pos)})
}

func savepointName(name string, pos int) string {
	return "sp" + strconv.Itoa(pos) + "_" + hex.EncodeToString([]byte(name))
}

// Use makes db the session's current database.
func Use(db string) string { return Restore(&ast.UseStmt{DBName: db}) }

// KillQuery stops the statement running on TiDB connection id.
func KillQuery(id uint64) string {
	return Restore(&ast.KillStmt{Query: true, ConnectionID: id})
}

// Var is one session or global variable assignment.
type Var struct {
	Name  string
	Value any // string, int64, or bool
}

// SetVars assigns TiDB system variables (session scope, or global when global is true) in one
// statement.
func SetVars(global bool, vars ...Var) string {
	stmt := &ast.SetStmt{}
	for _, v := range vars {
		val := v.Value
		if b, ok := val.(bool); ok {
			if b {
				val = "ON"
			} else {
				val = "OFF"
			}
		}
		stmt.Variables = append(stmt.Variables, &ast.VariableAssignment{
			Name: v.Name, Value: ast.NewValueExpr(val, "", ""), IsSystem: true, IsGlobal: global,
		})
	}
	return Restore(stmt)
}

// SelectVars reads system variables: SELECT @@name, … (session scope).
func SelectVars(names ...string) string {
	fields := &ast.FieldList{}
	for _, n := range names {
		fields.Fields = append(fields.Fields, &ast.SelectField{Expr: &ast.VariableExpr{Name: n, IsSystem: true}})
	}
	return Restore(&ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Fields: fields, Kind: ast.SelectStmtKindSelect})
}

// SelectGlobalVars reads global system variables: SELECT @@GLOBAL.name, ….
func SelectGlobalVars(names ...string) string {
	fields := &ast.FieldList{}
	for _, n := range names {
		fields.Fields = append(fields.Fields, &ast.SelectField{Expr: &ast.VariableExpr{Name: n, IsSystem: true, IsGlobal: true, ExplicitScope: true}})
	}
	return Restore(&ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Fields: fields, Kind: ast.SelectStmtKindSelect})
}

// ConnectionID is SELECT CONNECTION_ID().
func ConnectionID() string {
	fields := &ast.FieldList{Fields: []*ast.SelectField{{Expr: &ast.FuncCallExpr{FnName: model.NewCIStr("CONNECTION_ID")}}}}
	return Restore(&ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Fields: fields, Kind: ast.SelectStmtKindSelect})
}

// CreateDatabase is CREATE DATABASE [IF NOT EXISTS] name.
func CreateDatabase(name string, ifNotExists bool) string {
	return Restore(&ast.CreateDatabaseStmt{Name: model.NewCIStr(name), IfNotExists: ifNotExists})
}

// ShowWarnings is SHOW WARNINGS: the warnings of the session's last statement.
func ShowWarnings() string { return Restore(&ast.ShowStmt{Tp: ast.ShowWarnings}) }
