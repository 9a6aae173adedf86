package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// What ORMs' reflection queries need beyond the catalog relations themselves (SQLAlchemy's
// inspect(), GORM's migrator; e2e/sqlalchemy_test.go and e2e/gorm_test.go).

// isVector reports whether ty is int2vector or oidvector: catalog columns (pg_index.indkey,
// indoption, indclass, pg_proc.proargtypes) that pgtidb holds as JSON arrays of numbers, like
// arrays, but that PostgreSQL prints space-separated. `x = ANY(ix.indkey)` treats them as the
// arrays of int2/oid they coerce to in PostgreSQL.
func isVector(ty typemap.Type) bool {
	return ty.OID == typemap.Int2Vector || ty.OID == typemap.OIDVector
}

// vectorText is int2vector/oidvector's output function over pgtidb's JSON array of integers:
// the elements separated by one space ("1 2"; "" for an empty vector), as `indkey::varchar`
// reads it.
func vectorText(e ast.ExprNode) ast.ExprNode {
	txt := castTo(e, of(typemap.Text))
	for _, r := range [][2]string{{"[", ""}, {"]", ""}, {", ", " "}} {
		txt = funcCall("REPLACE", txt, strLit(r[0]), strLit(r[1]))
	}
	return txt
}

// limitLiteral is LIMIT/OFFSET of an untyped string constant ('1'), which PostgreSQL reads as
// a bigint: pgx's simple protocol sends parameters that way (GORM's ColumnTypes runs
// SELECT * FROM t LIMIT $1 in simple protocol). The constant is coerced to bigint (22P02 when it
// is not one); anything else is returned as it is.
func (t *translator) limitLiteral(e ast.ExprNode, ty typemap.Type) (ast.ExprNode, error) {
	if _, ok := literalString(e); !ok || !isUnknown(ty) {
		return e, nil
	}
	out, _, err := t.coerce(e, ty, of(typemap.Int8))
	return out, err
}

// pgNodeTree is the OID of type pg_node_tree (pg_index.indpred, pg_attrdef.adbin…).
const pgNodeTree typemap.OID = 194

// nullExprColumns are the catalog columns of type pg_node_tree whose NULL in pgtidb's
// emulation is what PostgreSQL would hold too: pgtidb refuses partial indexes (indpred) and
// partitioning (relpartbound). pg_get_expr of them is NULL.
var nullExprColumns = map[[2]string]bool{{"pg_index", "indpred"}: true, {"pg_class", "relpartbound"}: true}

// textExprColumns are the pg_node_tree columns that hold, instead of PostgreSQL's node tree,
// the JSON array [text, pretty text] of the expression (catalog/pgcatalog.go: a default's
// adbin, a check's conbin); pg_get_expr prints the element its pretty flag selects. indexprs
// stays NULL (pgtidb keeps no PostgreSQL text of index expressions) and pg_get_expr of any
// other value is refused.
var textExprColumns = map[[2]string]bool{{"pg_attrdef", "adbin"}: true, {"pg_constraint", "conbin"}: true}

func init() {
	refused := functions["pg_get_expr"]
	functions["pg_get_expr"] = func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		if args := fc.GetArgs(); len(args) >= 2 && len(args) <= 3 {
			key := [2]string{}
			key[0], key[1] = t.catalogColumn(args[0], sc)
			empty := key[0] != "" && catalog.EmptyRelation(key[0])
			if nullExprColumns[key] || textExprColumns[key] || empty {
				// SQLAlchemy's get_indexes selects pg_get_expr(ix.indpred, ix.indrelid).
				xs, err := t.catalogArgs("pg_get_expr", fc, sc, 2, pgNodeTree, typemap.Oid, typemap.Bool)
				if err != nil {
					return nil, typemap.Type{}, err
				}
				if nullExprColumns[key] || empty {
					// (A column of a relation pgtidb has no rows of: psql's \d reads
					// pg_policy.polqual.)
					return nullLit(), of(typemap.Text), nil
				}
				path := ast.ExprNode(strLit("$[0]"))
				if len(xs) == 3 {
					path = &ast.FuncCallExpr{FnName: cistr("IF"), Args: []ast.ExprNode{xs[2], strLit("$[1]"), strLit("$[0]")}}
				}
				v := funcCall("JSON_EXTRACT", xs[0], path)
				return caseWhen(funcCall("JSON_UNQUOTE", v), binop(opcode.EQ, funcCall("JSON_TYPE", v), strLit("NULL")), nullLit()), of(typemap.Text), nil
			}
		}
		if refused != nil {
			return refused(t, fc, sc)
		}
		return nil, typemap.Type{}, pgerror.Unsupported(refusedFunctions["pg_get_expr"])
	}
}

// catalogColumn names the pg_catalog relation and column that expression n, a column
// reference, reads ("", "" for anything else), resolved as columnRef resolves it.
func (t *translator) catalogColumn(n *pg_query.Node, sc *scope) (string, string) {
	cr := n.GetColumnRef()
	if cr == nil {
		return "", ""
	}
	names, star := columnRefFields(cr)
	if star || len(names) == 0 || len(names) > 2 {
		return "", ""
	}
	col := names[len(names)-1]
	for s := sc; s != nil; s = s.parent {
		var found *rel
		for _, r := range s.rels {
			if r.merged || r.column(col) == nil || len(names) == 2 && r.name != names[0] {
				continue
			}
			if found != nil {
				return "", "" // ambiguous: columnRef reports it
			}
			found = r
		}
		if found != nil {
			if found.source == nil || found.source.Schema != "pg_catalog" {
				return "", ""
			}
			return found.source.Name, col
		}
	}
	return "", ""
}
