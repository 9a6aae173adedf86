package translate

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
)

// translateStmt is the one dispatcher over PostgreSQL statement nodes. Every statement the
// translator handles has a case; everything else is refused with 0A000 naming the statement.
func translateStmt(ctx *Context, node *pg_query.Node) (*Statement, error) {
	if node == nil || node.GetNode() == nil {
		return nil, pgerror.Unsupported("empty statement")
	}
	t := newTranslator(ctx)
	if sel, ok, err := t.settingsLookup(node.GetSelectStmt()); err != nil {
		return nil, err
	} else if ok {
		node = &pg_query.Node{Node: &pg_query.Node_SelectStmt{SelectStmt: sel}}
	}
	t.topSelect = node.GetSelectStmt()
	stmt, err := t.dispatch(node)
	if err != nil {
		return nil, err
	}
	if len(t.setConfigs) > 0 {
		if stmt.SetConfig, err = t.checkSetConfig(node); err != nil {
			return nil, err
		}
	}
	t.recordNextvals(node, stmt)
	if len(t.nextvals) > 0 && stmt.ReadOnlyName == "" {
		// nextval() writes the sequence: PostgreSQL's 25006 in a read-only transaction.
		stmt.ReadOnlyName = "nextval()"
	}
	if len(t.currvals) > 0 {
		if stmt, err = t.guardCurrval(stmt); err != nil {
			return nil, err
		}
	}
	if len(t.sequenceReads) > 0 {
		if stmt, err = t.guardSequenceReads(stmt); err != nil {
			return nil, err
		}
	}
	return t.guardSessionMarkers(stmt)
}

// dispatch translates one statement by its node type.
func (t *translator) dispatch(node *pg_query.Node) (*Statement, error) {
	switch n := node.GetNode().(type) {
	case *pg_query.Node_SelectStmt:
		if n.SelectStmt.GetIntoClause() != nil {
			return t.selectInto(n.SelectStmt)
		}
		if fc := setvalCall(n.SelectStmt); fc != nil {
			return t.setvalStatement(n.SelectStmt, fc)
		}
		return t.selectStatement(n.SelectStmt)
	case *pg_query.Node_LockStmt:
		return t.lock(n.LockStmt)
	case *pg_query.Node_InsertStmt:
		return t.insert(n.InsertStmt)
	case *pg_query.Node_UpdateStmt:
		return t.update(n.UpdateStmt)
	case *pg_query.Node_DeleteStmt:
		return t.delete(n.DeleteStmt)
	case *pg_query.Node_CreateStmt:
		return t.createTable(n.CreateStmt)
	case *pg_query.Node_IndexStmt:
		return t.createIndex(n.IndexStmt)
	case *pg_query.Node_DropStmt:
		return t.drop(n.DropStmt)
	case *pg_query.Node_CreateSchemaStmt:
		return t.createSchema(n.CreateSchemaStmt)
	case *pg_query.Node_CreatedbStmt:
		return t.createDatabase(n.CreatedbStmt)
	case *pg_query.Node_DropdbStmt:
		return t.dropDatabase(n.DropdbStmt)
	case *pg_query.Node_CreateSeqStmt:
		return t.createSequence(n.CreateSeqStmt)
	case *pg_query.Node_AlterSeqStmt:
		return t.alterSequence(n.AlterSeqStmt)
	case *pg_query.Node_TruncateStmt:
		return t.truncate(n.TruncateStmt)
	case *pg_query.Node_AlterTableStmt:
		return t.alterTable(n.AlterTableStmt)
	case *pg_query.Node_RenameStmt:
		return t.rename(n.RenameStmt)
	case *pg_query.Node_CommentStmt:
		return t.comment(n.CommentStmt)
	case *pg_query.Node_ViewStmt:
		return t.createView(n.ViewStmt)
	case *pg_query.Node_CreateTableAsStmt:
		return t.createTableAs(n.CreateTableAsStmt)
	case *pg_query.Node_AlterOwnerStmt:
		return t.alterOwner(n.AlterOwnerStmt)
	default:
		return nil, pgerror.Unsupported(statementName(node))
	}
}

// statementNames names refused statements as PostgreSQL's command tags do.
var statementNames = map[string]string{
	"CreateTrigStmt":         "CREATE TRIGGER",
	"CreateFunctionStmt":     "CREATE FUNCTION",
	"CreateSeqStmt":          "CREATE SEQUENCE",
	"AlterSeqStmt":           "ALTER SEQUENCE",
	"AlterTableStmt":         "ALTER TABLE",
	"ViewStmt":               "CREATE VIEW",
	"CreateTableAsStmt":      "CREATE TABLE AS",
	"MergeStmt":              "MERGE",
	"TruncateStmt":           "TRUNCATE",
	"CopyStmt":               "COPY",
	"ExplainStmt":            "EXPLAIN",
	"CallStmt":               "CALL",
	"DoStmt":                 "DO",
	"CreateEnumStmt":         "CREATE TYPE",
	"CompositeTypeStmt":      "CREATE TYPE",
	"CreateDomainStmt":       "CREATE DOMAIN",
	"CreateExtensionStmt":    "CREATE EXTENSION",
	"RenameStmt":             "ALTER ... RENAME",
	"CommentStmt":            "COMMENT",
	"GrantStmt":              "GRANT",
	"GrantRoleStmt":          "GRANT role",
	"CreateRoleStmt":         "CREATE ROLE",
	"AlterRoleStmt":          "ALTER ROLE",
	"DropRoleStmt":           "DROP ROLE",
	"VacuumStmt":             "VACUUM",
	"ClusterStmt":            "CLUSTER",
	"ReindexStmt":            "REINDEX",
	"LockStmt":               "LOCK",
	"ListenStmt":             "LISTEN",
	"NotifyStmt":             "NOTIFY",
	"UnlistenStmt":           "UNLISTEN",
	"DeclareCursorStmt":      "DECLARE CURSOR",
	"FetchStmt":              "FETCH",
	"ClosePortalStmt":        "CLOSE",
	"PrepareStmt":            "PREPARE",
	"ExecuteStmt":            "EXECUTE",
	"DeallocateStmt":         "DEALLOCATE",
	"RefreshMatViewStmt":     "REFRESH MATERIALIZED VIEW",
	"CreatePolicyStmt":       "CREATE POLICY",
	"RuleStmt":               "CREATE RULE",
	"CreatePublicationStmt":  "CREATE PUBLICATION",
	"CreateSubscriptionStmt": "CREATE SUBSCRIPTION",
	"AlterObjectSchemaStmt":  "ALTER ... SET SCHEMA",
	"AlterOwnerStmt":         "ALTER ... OWNER TO",
}

// statementName names a PostgreSQL statement node for an Unsupported error.
func statementName(node *pg_query.Node) string {
	typ := strings.TrimPrefix(fmt.Sprintf("%T", node.GetNode()), "*pg_query.Node_")
	if name, ok := statementNames[typ]; ok {
		return name
	}
	return "statement " + typ
}
