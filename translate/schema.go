package translate

import (
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
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

// dropDatabase translates DROP DATABASE [IF EXISTS] d. It drops the TiDB database of d's
// public schema only: d's other schemas live in TiDB databases d__s, which one statement
// cannot drop as well (see KNOWN_GAPS.md).
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
	out, err := t.ddlStatement(&ast.DropDatabaseStmt{IfExists: n.GetMissingOk(), Name: cistr(name)}, "DROP DATABASE")
	if err != nil {
		return nil, err
	}
	out.Catalog = []catalog.Change{{Op: catalog.ForgetDatabase, Database: name}}
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
