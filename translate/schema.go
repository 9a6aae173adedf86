package translate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
)

// createSchema translates CREATE SCHEMA s to CREATE DATABASE of the TiDB database that holds
// schema s of the session's database (catalog.TiDBDatabase). AUTHORIZATION is accepted and
// ignored: pgtidb does not model object ownership.
func (t *translator) createSchema(n *pg_query.CreateSchemaStmt) (*Statement, error) {
	if len(n.GetSchemaElts()) > 0 {
		return nil, pgerror.Unsupported("CREATE SCHEMA with schema elements").
			WithHint("Create the schema, then its objects in separate statements.")
	}
	schema := n.GetSchemaname()
	if schema == "" {
		// CREATE SCHEMA AUTHORIZATION role names the schema after the role.
		role := n.GetAuthrole()
		if role.GetRoletype() != pg_query.RoleSpecType_ROLESPEC_CSTRING {
			return nil, pgerror.Unsupported("CREATE SCHEMA AUTHORIZATION " + strings.TrimPrefix(role.GetRoletype().String(), "ROLESPEC_"))
		}
		schema = role.GetRolename()
	}
	if strings.HasPrefix(schema, "pg_") {
		return nil, pgerror.Newf(pgerrcode.ReservedName, "unacceptable schema name %q", schema).
			WithDetail(`The prefix "pg_" is reserved for system schemas.`)
	}
	if schema == catalog.PublicSchema || schema == "information_schema" {
		if n.GetIfNotExists() {
			// PostgreSQL only notices that the schema exists.
			return t.ddlStatement(doNothing(), "CREATE SCHEMA")
		}
		return nil, pgerror.Newf(pgerrcode.DuplicateSchema, "schema %q already exists", schema)
	}
	if sr, ok := t.ctx.Resolver.(SchemaResolver); ok && !n.GetIfNotExists() {
		// TiDB's own error (1007) names the TiDB database; PostgreSQL's names the schema.
		_, exists, err := sr.SchemaIsEmpty(schema)
		if err != nil {
			return nil, err
		}
		if exists {
			return nil, pgerror.Newf(pgerrcode.DuplicateSchema, "schema %q already exists", schema)
		}
	}
	return t.ddlStatement(&ast.CreateDatabaseStmt{
		IfNotExists: n.GetIfNotExists(),
		Name:        cistr(catalog.TiDBDatabase(t.ctx.Database, schema)),
	}, "CREATE SCHEMA")
}

// createDatabase translates CREATE DATABASE d to CREATE DATABASE d (the TiDB database of d's
// public schema). Options that only restate what pgtidb gives anyway are accepted (OWNER,
// ENCODING UTF8, TEMPLATE template0/template1, LOCALE/LC_COLLATE/LC_CTYPE C or POSIX); any
// other option is refused.
func (t *translator) createDatabase(n *pg_query.CreatedbStmt) (*Statement, error) {
	name := n.GetDbname()
	if err := checkDatabaseName(name); err != nil {
		return nil, err
	}
	for _, opt := range n.GetOptions() {
		d := opt.GetDefElem()
		value := defElemString(d)
		switch d.GetDefname() {
		case "owner":
			continue
		case "encoding":
			if isUTF8Name(value) {
				continue
			}
		case "template":
			if value == "template0" || value == "template1" {
				continue
			}
		case "locale", "lc_collate", "lc_ctype":
			if value == "C" || value == "POSIX" {
				continue
			}
		}
		return nil, pgerror.Unsupported("CREATE DATABASE option " + strings.ToUpper(d.GetDefname()) + optionValue(value)).
			WithHint("pgtidb databases are UTF8 with the C locale.")
	}
	return t.ddlStatement(&ast.CreateDatabaseStmt{Name: cistr(name)}, "CREATE DATABASE")
}

// dropDatabase translates DROP DATABASE [IF EXISTS] d into a DDL plan that drops the TiDB
// database of every schema of d, as PostgreSQL drops the database with all its schemas:
//
//  1. collect the foreign keys from tables outside d's TiDB databases into tables of d's:
//     pgtidb refuses to drop what another database references (PostgreSQL has no such keys);
//  2. collect d and its schema databases (d__s) as TiDB lists them now (3D000 when d is
//     missing, without IF EXISTS);
//  3. SET foreign_key_checks = 0 for the session (undone when a later step fails): keys
//     between d's databases may form cycles TiDB would refuse to drop one database at a time,
//     and every table on either side of them goes;
//  4. DROP DATABASE each schema database; 5. DROP DATABASE [IF EXISTS] d;
//  6. SET foreign_key_checks = 1.
//
// The shadow catalog forgets d and all its schema databases.
func (t *translator) dropDatabase(n *pg_query.DropdbStmt) (*Statement, error) {
	name := n.GetDbname()
	for _, opt := range n.GetOptions() {
		return nil, pgerror.Unsupported("DROP DATABASE option " + strings.ToUpper(opt.GetDefElem().GetDefname()))
	}
	if name == t.ctx.Database {
		return nil, pgerror.New(pgerrcode.ObjectInUse, "cannot drop the currently open database")
	}
	if err := checkDatabaseName(name); err != nil {
		return nil, err
	}
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	ifExists := n.GetMissingOk()
	col := func(c string) ast.ExprNode { return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c)}} }
	// ofDatabase is `c = 'd' OR c LIKE 'd\_\_%'`: c names one of d's TiDB databases.
	ofDatabase := func(c string) ast.ExprNode {
		return &ast.BinaryOperationExpr{Op: opcode.LogicOr,
			L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col(c), R: strLit(name)},
			R: &ast.PatternLikeOrIlikeExpr{Expr: col(c), Pattern: strLit(catalog.SchemaPattern(name)), Escape: '\\', IsLike: true}}
	}
	from := func(table string) *ast.TableRefsClause {
		return &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{
			Schema: cistr("information_schema"), Name: cistr(table)}}}}
	}
	b := &planBuilder{t: t}

	refs := newSelect()
	refs.Fields = &ast.FieldList{}
	for _, c := range []string{"TABLE_SCHEMA", "TABLE_NAME", "REFERENCED_TABLE_SCHEMA", "REFERENCED_TABLE_NAME"} {
		refs.Fields.Fields = append(refs.Fields.Fields, &ast.SelectField{Expr: col(c)})
	}
	// KEY_COLUMN_USAGE, not REFERENTIAL_CONSTRAINTS: TiDB gives the referencing table's
	// database as UNIQUE_CONSTRAINT_SCHEMA there.
	refs.From = from("KEY_COLUMN_USAGE")
	refs.Where = &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
		L: &ast.ParenthesesExpr{Expr: ofDatabase("REFERENCED_TABLE_SCHEMA")},
		R: &ast.UnaryOperationExpr{Op: opcode.Not, V: &ast.ParenthesesExpr{Expr: ofDatabase("TABLE_SCHEMA")}}}
	refs.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: col("TABLE_SCHEMA")}, {Expr: col("TABLE_NAME")}, {Expr: col("CONSTRAINT_NAME")}}}
	if err := b.step(returning.Collect, 4, nil, func([]returning.Row) (ast.StmtNode, error) { return refs, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[0].Check = func(rows []returning.Row) error {
		if len(rows) == 0 {
			return nil
		}
		r := rows[0]
		return pgerror.Newf(pgerrcode.DependentObjectsStillExist, "cannot drop database %q because other objects depend on it", name).
			WithDetail(fmt.Sprintf("Table %q of TiDB database %q references table %q of TiDB database %q.", r[1], r[0], r[3], r[2])).
			WithHint("Drop that foreign key first.")
	}

	schemas := newSelect()
	schemas.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: col("SCHEMA_NAME")}}}
	schemas.From = from("SCHEMATA")
	schemas.Where = ofDatabase("SCHEMA_NAME")
	schemas.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: col("SCHEMA_NAME")}}}
	if err := b.step(returning.Collect, 1, nil, func([]returning.Row) (ast.StmtNode, error) { return schemas, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[1].Check = func(rows []returning.Row) error {
		for _, r := range rows {
			if strings.EqualFold(string(r[0]), name) {
				return nil
			}
		}
		if ifExists {
			return nil
		}
		return pgerror.Newf(pgerrcode.InvalidCatalogName, "database %q does not exist", name)
	}

	fkChecks := func(on int64) *ast.SetStmt {
		return &ast.SetStmt{Variables: []*ast.VariableAssignment{{
			Name: "foreign_key_checks", Value: ast.NewValueExpr(on, "", ""), IsSystem: true}}}
	}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return fkChecks(0), nil }); err != nil {
		return nil, err
	}
	undo, err := restorePlain(fkChecks(1))
	if err != nil {
		return nil, err
	}
	b.plan.Steps[2].Undo = undo

	// Each schema database, given as the key of a row step 2 collected (d itself is skipped).
	sample := []returning.Row{{returning.Value(catalog.TiDBDatabase(name, "s"))}}
	if err := b.step(returning.Exec, 0, sample, func(keys []returning.Row) (ast.StmtNode, error) {
		if len(keys) != 1 || strings.EqualFold(string(keys[0][0]), name) {
			return nil, nil
		}
		return &ast.DropDatabaseStmt{IfExists: true, Name: cistr(string(keys[0][0]))}, nil
	}); err != nil {
		return nil, err
	}
	b.plan.Steps[3].PerKey = true

	drop := &ast.DropDatabaseStmt{IfExists: ifExists, Name: cistr(name)}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return drop, nil }); err != nil {
		return nil, err
	}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return fkChecks(1), nil }); err != nil {
		return nil, err
	}
	out, err := b.finish("DROP DATABASE", KindDDL, nil)
	if err != nil {
		return nil, err
	}
	out.Catalog = []catalog.Change{{Op: catalog.ForgetDatabase, Database: name, Schemas: true}}
	return out, nil
}

// checkDatabaseName refuses database names the schema mapping cannot hold: a name containing
// the separator would be taken for a schema of another database.
func checkDatabaseName(name string) error {
	if strings.Contains(name, catalog.SchemaSeparator) {
		return pgerror.Unsupported(`database names containing "` + catalog.SchemaSeparator + `"`).
			WithDetail(`pgtidb stores schema s of database d in the TiDB database "d` + catalog.SchemaSeparator + `s".`)
	}
	switch strings.ToLower(name) {
	case "mysql", "information_schema", "performance_schema", "metrics_schema", "sys":
		return pgerror.Unsupported("database name " + name).WithDetail("It is a TiDB system database.")
	}
	return nil
}

// defElemString is the value of an option as a string (strings, identifiers and numbers).
func defElemString(d *pg_query.DefElem) string {
	switch a := d.GetArg().GetNode().(type) {
	case *pg_query.Node_String_:
		return a.String_.GetSval()
	case *pg_query.Node_Integer:
		return strconv.Itoa(int(a.Integer.GetIval()))
	case *pg_query.Node_TypeName:
		return joinDots(stringList(a.TypeName.GetNames()))
	}
	return ""
}

func optionValue(v string) string {
	if v == "" {
		return ""
	}
	return " " + v
}

// isUTF8Name reports whether an encoding name means UTF8 to PostgreSQL, which ignores case and
// non-alphanumeric characters ('UTF8', 'utf-8', 'Unicode').
func isUTF8Name(v string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(v) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	switch b.String() {
	case "utf8", "unicode":
		return true
	}
	return false
}

// alterOwner translates ALTER SCHEMA s OWNER TO role (pg_dump prints it after CREATE
// SCHEMA): like a relation's owner (alterRelationOwner), accepted without doing anything when
// the role is the session user. Other objects' owners are refused.
func (t *translator) alterOwner(n *pg_query.AlterOwnerStmt) (*Statement, error) {
	if n.GetObjectType() != pg_query.ObjectType_OBJECT_SCHEMA {
		return nil, pgerror.Unsupported("ALTER " + objectTypeName(n.GetObjectType()) + " OWNER TO")
	}
	if err := t.checkOwnerRole(n.GetNewowner()); err != nil {
		return nil, err
	}
	schema := n.GetObject().GetString_().GetSval()
	if sr, ok := t.ctx.Resolver.(SchemaResolver); ok && schema != catalog.PublicSchema {
		_, exists, err := sr.SchemaIsEmpty(schema)
		if err != nil {
			return nil, err
		}
		if !exists {
			return nil, pgerror.Newf(pgerrcode.InvalidSchemaName, "schema %q does not exist", schema)
		}
	}
	return t.ddlStatement(doNothing(), "ALTER SCHEMA")
}
