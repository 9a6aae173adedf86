package catalog

import (
	"hash/crc32"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	// The parser's value expressions (ast.NewValueExpr) need a driver; test_driver is the
	// parser's own and needs nothing of TiDB's server.
	_ "github.com/pingcap/tidb/pkg/parser/test_driver"
)

// OIDs.
//
// PostgreSQL clients join catalog relations on OIDs and keep them across statements (psql's
// \d runs one query for the OID of a table, then several queries filtered by it), so an OID
// must be stable across sessions, restarts and pgtidb instances. TiDB's table IDs change on
// TRUNCATE and cannot serve. The scheme:
//
//   - built-in objects keep PostgreSQL 15's fixed OIDs (namespace pg_catalog 11, public 2200,
//     the built-in types, access methods…);
//   - a user object's OID is derived from its kind and TiDB name:
//
//     oid = FirstNormalOID + CRC32("<kind>:<tidb database>.<name>") mod (2^31 − FirstNormalOID)
//
//     with kind one of the OIDKind constants. CRC32 is IEEE (Go's crc32.ChecksumIEEE and TiDB's
//     CRC32() agree), the text is UTF-8. The result is always in [16384, 2^31), PostgreSQL's
//     range for user objects, and fits an int4 as well as an oid.
//
// The same formula exists as Go functions (for the translator and the proxy) and as TiDB
// expression builders (for the catalog emulation SELECTs, which compute OIDs of rows TiDB
// lists); oid_test and the e2e suite check that both agree. Two distinct objects of one kind
// can collide (probability about n²/2³² for n objects of a kind, KNOWN_GAPS.md).

// FirstNormalOID is PostgreSQL's first OID for user objects (FirstNormalObjectId).
const FirstNormalOID = 16384

// oidModulus keeps derived OIDs below 2^31 so that they are positive int4 values too.
const oidModulus = 1<<31 - FirstNormalOID

// OIDKind names the kind of object an OID is derived for. Objects of different kinds may
// share a name (a table and its constraint), so the kind is part of the hashed text.
type OIDKind string

const (
	// KindRelation: tables, views, sequences and indexes (PostgreSQL names them per schema).
	KindRelation OIDKind = "rel"
	// KindNamespace: schemas other than public and pg_catalog.
	KindNamespace OIDKind = "nsp"
	// KindConstraint: constraints; the name includes the table (TiDB's names are per table).
	KindConstraint OIDKind = "con"
	// KindAttrDef: column defaults; the name is table.column.
	KindAttrDef OIDKind = "def"
	// KindDatabase: databases; the TiDB database part is empty.
	KindDatabase OIDKind = "db"
)

// Fixed OIDs of PostgreSQL 15's built-in namespaces.
const (
	PgCatalogNamespaceOID = 11
	PgToastNamespaceOID   = 99
	PublicNamespaceOID    = 2200
)

// DerivedOID is the OID of a user object: kind, the TiDB database that holds it (empty for
// databases) and its name (table, table.constraint, table.column…).
func DerivedOID(kind OIDKind, tidbDatabase, name string) uint32 {
	return FirstNormalOID + crc32.ChecksumIEEE([]byte(oidKey(kind, tidbDatabase, name)))%oidModulus
}

func oidKey(kind OIDKind, tidbDatabase, name string) string {
	return string(kind) + ":" + tidbDatabase + "." + name
}

// RelationOID is pg_class.oid of the table, view, sequence or index name in tidbDatabase.
func RelationOID(tidbDatabase, name string) uint32 {
	return DerivedOID(KindRelation, tidbDatabase, name)
}

// ConstraintOID is pg_constraint.oid of constraint name (as PostgreSQL names it) on table.
func ConstraintOID(tidbDatabase, table, name string) uint32 {
	return DerivedOID(KindConstraint, tidbDatabase, table+"."+name)
}

// AttrDefOID is pg_attrdef.oid of the default of table.column.
func AttrDefOID(tidbDatabase, table, column string) uint32 {
	return DerivedOID(KindAttrDef, tidbDatabase, table+"."+column)
}

// DatabaseOID is pg_database.oid of a database.
func DatabaseOID(database string) uint32 {
	return DerivedOID(KindDatabase, "", database)
}

// NamespaceOID is pg_namespace.oid of schema in PostgreSQL database database: the fixed OIDs
// of pg_catalog and public, a derived one (of the schema's TiDB database) otherwise.
func NamespaceOID(database, schema string) uint32 {
	switch schema {
	case "pg_catalog":
		return PgCatalogNamespaceOID
	case "pg_toast":
		return PgToastNamespaceOID
	case PublicSchema:
		return PublicNamespaceOID
	}
	return DerivedOID(KindNamespace, TiDBDatabase(database, schema), "")
}

// DerivedOIDExpr builds the TiDB expression computing DerivedOID for a kind whose database
// and name parts are given as TiDB expressions (columns of information_schema, literals):
//
//	16384 + CRC32(CONCAT('<kind>:', db, '.', name…)) % 2147467264
//
// nameParts are joined with '.' (table, constraint → "table.constraint"). A nil db stands
// for the empty database part (databases). The result is a BIGINT UNSIGNED in TiDB.
func DerivedOIDExpr(kind OIDKind, db ast.ExprNode, nameParts ...ast.ExprNode) ast.ExprNode {
	args := []ast.ExprNode{ast.NewValueExpr(string(kind)+":", "", "")}
	if db != nil {
		args = append(args, db)
	}
	for _, p := range nameParts {
		args = append(args, ast.NewValueExpr(".", "", ""), p)
	}
	if len(nameParts) == 0 {
		args = append(args, ast.NewValueExpr(".", "", ""))
	}
	key := &ast.FuncCallExpr{FnName: model.NewCIStr("CONCAT"), Args: args}
	crc := &ast.FuncCallExpr{FnName: model.NewCIStr("CRC32"), Args: []ast.ExprNode{key}}
	mod := &ast.BinaryOperationExpr{Op: opcode.Mod, L: crc, R: ast.NewValueExpr(int64(oidModulus), "", "")}
	return &ast.ParenthesesExpr{Expr: &ast.BinaryOperationExpr{
		Op: opcode.Plus, L: ast.NewValueExpr(int64(FirstNormalOID), "", ""), R: &ast.ParenthesesExpr{Expr: mod},
	}}
}

// RelationOIDExpr is RelationOID as a TiDB expression.
func RelationOIDExpr(db, name ast.ExprNode) ast.ExprNode {
	return DerivedOIDExpr(KindRelation, db, name)
}

// ConstraintOIDExpr is ConstraintOID as a TiDB expression.
func ConstraintOIDExpr(db, table, name ast.ExprNode) ast.ExprNode {
	return DerivedOIDExpr(KindConstraint, db, table, name)
}

// AttrDefOIDExpr is AttrDefOID as a TiDB expression.
func AttrDefOIDExpr(db, table, column ast.ExprNode) ast.ExprNode {
	return DerivedOIDExpr(KindAttrDef, db, table, column)
}

// DatabaseOIDExpr is DatabaseOID as a TiDB expression.
func DatabaseOIDExpr(database ast.ExprNode) ast.ExprNode {
	return DerivedOIDExpr(KindDatabase, nil, database)
}

// NamespaceOIDExpr is the OID of the schema held by TiDB database tidbDB (an expression) when
// the session's PostgreSQL database is database: 2200 for the public schema (TiDB database =
// database), the derived OID otherwise. pg_catalog never appears as a TiDB database.
func NamespaceOIDExpr(database string, tidbDB ast.ExprNode) ast.ExprNode {
	return &ast.CaseExpr{
		WhenClauses: []*ast.WhenClause{{
			Expr:   &ast.BinaryOperationExpr{Op: opcode.EQ, L: tidbDB, R: ast.NewValueExpr(database, "", "")},
			Result: ast.NewValueExpr(int64(PublicNamespaceOID), "", ""),
		}},
		ElseClause: DerivedOIDExpr(KindNamespace, tidbDB),
	}
}
