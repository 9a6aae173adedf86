package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/typemap"
)

// computedRelationSize is pg_relation_size, pg_table_size or pg_total_relation_size (name) of
// an oid TiDB computes (pg_table_size(c.oid), psql's \dt+): the size is looked up in one
// uncorrelated JSON map over catalog.RelationSizes (tables, views and sequences, by oid). An
// oid of none of them gives NULL — that of an index too: TiDB reports no size per index.
func (t *translator) computedRelationSize(name string, oid ast.ExprNode) (ast.ExprNode, error) {
	src, err := catalog.RelationSizes(catalog.EmulationEnv{Database: t.ctx.Database, User: t.ctx.User})
	if err != nil {
		return nil, err
	}
	value := qualifiedColumn("pgtidb_s", "size")
	if name == "pg_total_relation_size" {
		value = qualifiedColumn("pgtidb_s", "total")
	}
	m := oidMap(qualifiedColumn("pgtidb_s", "oid"), value,
		&ast.Join{Left: &ast.TableSource{Source: src, AsName: cistr("pgtidb_s")}}, nil)
	return castTo(oidLookup(m, oid, -1), of(typemap.Int8)), nil
}
