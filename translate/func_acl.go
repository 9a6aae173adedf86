package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// acldefault(objtype "char", owner oid) is the aclitem[] of an object of that kind whose ACL
// was never changed (PostgreSQL's acl.c acldefault): pg_dump compares each object's ACL with
// it. aclitem[] travels as a JSON array of aclitem texts (typemap). %o stands for the owner.
var aclDefaults = map[string][]string{
	"c": {},
	"r": {"%o=arwdDxt/%o"},
	"s": {"%o=rwU/%o"},
	"d": {"=Tc/%o", "%o=CTc/%o"},
	"f": {"=X/%o", "%o=X/%o"},
	"l": {"=U/%o", "%o=U/%o"},
	"L": {"%o=rw/%o"},
	"n": {"%o=UC/%o"},
	"t": {"%o=C/%o"},
	"F": {"%o=U/%o"},
	"S": {"%o=U/%o"},
	"T": {"=U/%o", "%o=U/%o"},
	"p": {"%o=sA/%o"},
}

func init() {
	functions["acldefault"] = fnACLDefault
}

// fnACLDefault translates acldefault. The object type must be a constant or a CASE whose
// results are all constants (pg_dump's `CASE WHEN c.relkind = 'S' THEN 's'::"char" ELSE
// 'r'::"char" END`), checked here: PostgreSQL raises an error for an unknown abbreviation,
// which a TiDB expression could not. The owner is shown as aclitem prints a role: its name
// (quoted when needed), or its number for an oid of no role; pgtidb's roles are the session
// user (oid 10) and pg_database_owner.
func fnACLDefault(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("acldefault", args, sc)
	}
	kinds, ok := t.constantKinds(args[0], sc)
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("acldefault with an object type that is not a constant or pg_default_acl.defaclobjtype")
	}
	for _, k := range kinds {
		if _, ok := aclDefaults[k]; !ok && k != "" {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.InternalError, "unrecognized objtype abbreviation: %s", k)
		}
	}
	kind, kty, err := t.expr(args[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if kind, _, err = t.coerce(kind, kty, of(typemap.Char)); err != nil {
		return nil, typemap.Type{}, err
	}
	owner, oty, err := t.expr(args[1], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if owner, oty, err = t.coerce(owner, oty, of(typemap.Oid)); err != nil {
		return nil, typemap.Type{}, err
	}
	if !isOIDType(oty) && !isInt(oty) {
		return nil, typemap.Type{}, t.undefinedFunction("acldefault", args, sc)
	}
	if err := t.markUncacheable(); err != nil { // the session user's name
		return nil, typemap.Type{}, err
	}
	name := caseWhen(castTo(owner, of(typemap.Text)),
		binop(opcode.EQ, owner, intLit(10)), strLit(aclRoleName(t.ctx.User)),
		binop(opcode.EQ, owner, intLit(pgDatabaseOwner)), strLit("pg_database_owner"))
	build := func(k string) ast.ExprNode {
		var elems []ast.ExprNode
		for _, item := range aclDefaults[k] {
			var parts []ast.ExprNode
			for i, p := range strings.Split(item, "%o") {
				if i > 0 {
					parts = append(parts, name)
				}
				if p != "" {
					parts = append(parts, strLit(p))
				}
			}
			elems = append(elems, funcCall("CONCAT", parts...))
		}
		return funcCall("JSON_ARRAY", elems...)
	}
	var whens []ast.ExprNode
	for _, k := range kinds {
		if k != "" {
			whens = append(whens, binop(opcode.EQ, kind, strLit(k)), build(k))
		}
	}
	// A NULL object type or owner gives NULL (acldefault is strict); so does a NULL branch
	// of the CASE (kind "").
	if len(whens) == 0 {
		return nullLit(), of(typemap.AclItemArray), nil
	}
	return caseWhen(caseWhen(nullLit(), whens...), isNull(owner, false), nullLit()),
		of(typemap.AclItemArray), nil
}

// constantKinds returns the values an object-type argument can take: a string constant
// (possibly cast), NULL (as ""), a catalog column of aclKindColumns, or a CASE whose results
// are all such.
func (t *translator) constantKinds(n *pg_query.Node, sc *scope) ([]string, bool) {
	if tc := n.GetTypeCast(); tc != nil {
		return t.constantKinds(tc.GetArg(), sc)
	}
	if cr := n.GetColumnRef(); cr != nil {
		return t.aclKindColumn(cr, sc)
	}
	if c := n.GetAConst(); c != nil {
		if c.GetIsnull() {
			return []string{""}, true
		}
		if s := c.GetSval(); s != nil {
			return []string{s.GetSval()}, true
		}
		return nil, false
	}
	ce := n.GetCaseExpr()
	if ce == nil {
		return nil, false
	}
	out := []string{""} // no ELSE: NULL
	if d := ce.GetDefresult(); d != nil {
		var ok bool
		if out, ok = t.constantKinds(d, sc); !ok {
			return nil, false
		}
	}
	for _, w := range ce.GetArgs() {
		ks, ok := t.constantKinds(w.GetCaseWhen().GetResult(), sc)
		if !ok {
			return nil, false
		}
		out = append(out, ks...)
	}
	return out, true
}

// aclRoleName is a role name as aclitem's text shows it (acl.c putid): in double quotes, with
// quotes doubled, unless it is made of letters, digits and underscores only.
func aclRoleName(name string) string {
	for _, r := range name {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80) {
			return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
		}
	}
	return name
}
