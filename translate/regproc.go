package translate

import (
	"sort"

	"github.com/jackc/pgerrcode"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// regproc: a function's oid, printed as its name. pgtidb's functions are the built-in rows of
// catalog.BuiltinFunctions (pgtidb has no user functions), so both directions are decided
// from that table: regprocin of a name when the statement is translated, regprocout of a
// computed oid through a FIELD/ELT lookup. A name is ambiguous — PostgreSQL's 42725 — when
// PostgreSQL has several functions of that name, which its regprocout text says (qualified
// with pg_catalog); regprocedure (name with argument types) is not built.

// regprocInput is regprocin of s (a number was read by regInput already): '-' is 0, a
// function name (bare or pg_catalog-qualified) its oid.
func (t *translator) regprocInput(s string) (ast.ExprNode, error) {
	if s == "-" {
		return t.regName(intLit(0), "-"), nil
	}
	names, err := parseQualifiedName(s)
	if err != nil {
		return nil, err
	}
	if len(names) > 3 || len(names) == 3 && names[0] != t.ctx.Database {
		return nil, pgerror.Newf(pgerrcode.SyntaxError, "improper qualified name (too many dotted names): %s", s)
	}
	name := names[len(names)-1]
	schema := ""
	if len(names) > 1 {
		schema = names[len(names)-2]
	}
	if schema != "" && schema != "pg_catalog" {
		if err := t.checkSchemaExists(schema); err != nil {
			return nil, err
		}
	}
	if schema == "" || schema == "pg_catalog" {
		for _, f := range catalog.BuiltinFunctions() {
			if f.Name != name {
				continue
			}
			if f.RegProc != name {
				return nil, pgerror.Newf(pgerrcode.AmbiguousFunction, "more than one function named %q", s)
			}
			return t.regName(intLit(int64(f.OID)), f.RegProc), nil
		}
	}
	return nil, pgerror.Newf(pgerrcode.UndefinedFunction, "function %q does not exist", s)
}

// regprocText is regprocout of a computed oid: the name of a function pgtidb's catalog
// rows know, '-' for 0, the number for any other oid (as PostgreSQL prints an oid of no
// function).
func regprocText(e ast.ExprNode) ast.ExprNode {
	names := map[uint32]string{0: "-"}
	for oid, name := range catalog.RegprocNames() {
		names[oid] = name
	}
	for _, f := range catalog.BuiltinFunctions() {
		names[f.OID] = f.RegProc
	}
	oids := make([]uint32, 0, len(names))
	for oid := range names {
		oids = append(oids, oid)
	}
	sort.Slice(oids, func(i, j int) bool { return oids[i] < oids[j] })
	fields := []ast.ExprNode{e}
	texts := []ast.ExprNode{nil}
	for _, oid := range oids {
		fields = append(fields, intLit(int64(oid)))
		texts = append(texts, strLit(names[oid]))
	}
	texts[0] = funcCall("FIELD", fields...)
	return funcCall("IFNULL", funcCall("ELT", texts...), castTo(e, of(typemap.Text)))
}
