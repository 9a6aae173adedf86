package translate

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/compat"
)

// pg_settings is emulated with the session's values (catalog/pgcatalog_settings.go), but
// set_config needs constant arguments. pg_dump reads it in one statement, to set a parameter
// only where the server has it:
//
//	SELECT set_config(name, 'view, foreign-table', false) FROM pg_settings
//	WHERE name = 'restrict_nonsystem_relation_kind'
//
// pg_settings has exactly one row per parameter the server knows (a name with a dot — a
// placeholder — is the exception, refused here), so this statement is set_config of that
// parameter when pgtidb knows it and no row when it does not. settingsLookup recognises that
// shape and returns the equivalent statement; other queries read the emulation.
func (t *translator) settingsLookup(n *pg_query.SelectStmt) (*pg_query.SelectStmt, bool, error) {
	if len(n.GetTargetList()) != 1 || len(n.GetFromClause()) != 1 || len(n.GetValuesLists()) > 0 ||
		n.GetIntoClause() != nil || len(n.GetGroupClause()) > 0 || n.GetHavingClause() != nil ||
		len(n.GetSortClause()) > 0 || n.GetLimitCount() != nil || n.GetLimitOffset() != nil ||
		len(n.GetDistinctClause()) > 0 || n.GetWithClause() != nil || len(n.GetWindowClause()) > 0 ||
		len(n.GetLockingClause()) > 0 ||
		(n.GetOp() != pg_query.SetOperation_SETOP_NONE && n.GetOp() != pg_query.SetOperation_SET_OPERATION_UNDEFINED) {
		return nil, false, nil
	}
	rv := n.GetFromClause()[0].GetRangeVar()
	if rv == nil || rv.GetRelname() != "pg_settings" || rv.GetAlias() != nil {
		return nil, false, nil
	}
	if tbl, err := t.catalogRelation(rv); err != nil || tbl == nil {
		return nil, false, err
	}
	rt := n.GetTargetList()[0].GetResTarget()
	fc := rt.GetVal().GetFuncCall()
	if fc == nil || fc.GetOver() != nil || len(fc.GetArgs()) != 3 || !isColumn(fc.GetArgs()[0], "name") {
		return nil, false, nil
	}
	if name, err := funcName(fc); err != nil || name != "set_config" {
		return nil, false, nil
	}
	w := n.GetWhereClause().GetAExpr()
	if w == nil || w.GetKind() != pg_query.A_Expr_Kind_AEXPR_OP || len(w.GetName()) != 1 ||
		w.GetName()[0].GetString_().GetSval() != "=" || !isColumn(w.GetLexpr(), "name") {
		return nil, false, nil
	}
	c := w.GetRexpr().GetAConst()
	if c == nil || c.GetSval() == nil {
		return nil, false, nil
	}
	param := c.GetSval().GetSval()
	if strings.Contains(param, ".") {
		return nil, false, nil
	}
	call := &pg_query.FuncCall{Funcname: fc.GetFuncname(), Args: append([]*pg_query.Node{w.GetRexpr()}, fc.GetArgs()[1:]...),
		Funcformat: fc.GetFuncformat(), Location: fc.GetLocation()}
	target := &pg_query.ResTarget{Name: rt.GetName(), Val: &pg_query.Node{Node: &pg_query.Node_FuncCall{FuncCall: call}}, Location: rt.GetLocation()}
	out := &pg_query.SelectStmt{TargetList: []*pg_query.Node{{Node: &pg_query.Node_ResTarget{ResTarget: target}}}, Op: n.GetOp()}
	if compat.LookupGUC(param) != nil {
		return out, true, nil
	}
	// No row: the same select list under WHERE false would still run set_config's checks
	// on a parameter pgtidb does not have, so the empty result is a text column of that name.
	name := rt.GetName()
	if name == "" {
		name = "set_config"
	}
	null := &pg_query.Node{Node: &pg_query.Node_AConst{AConst: &pg_query.A_Const{Isnull: true, Location: -1}}}
	text := &pg_query.TypeName{Names: []*pg_query.Node{pg_query.MakeStrNode("text")}, Typemod: -1, Location: -1}
	cast := &pg_query.Node{Node: &pg_query.Node_TypeCast{TypeCast: &pg_query.TypeCast{Arg: null, TypeName: text, Location: -1}}}
	falseConst := &pg_query.Node{Node: &pg_query.Node_AConst{AConst: &pg_query.A_Const{
		Val: &pg_query.A_Const_Boolval{Boolval: &pg_query.Boolean{Boolval: false}}, Location: -1}}}
	empty := &pg_query.SelectStmt{Op: n.GetOp(), WhereClause: falseConst,
		TargetList: []*pg_query.Node{pg_query.MakeResTargetNodeWithNameAndVal(name, cast, -1)}}
	return empty, true, nil
}

// isColumn reports whether n is a reference to the unqualified column name.
func isColumn(n *pg_query.Node, name string) bool {
	f := n.GetColumnRef().GetFields()
	return len(f) == 1 && f[0].GetString_().GetSval() == name
}
