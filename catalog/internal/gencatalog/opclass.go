package main

import (
	"bytes"
	"fmt"
	"strings"
)

// staticOpclasses are the default btree operator classes of the types pgtidb shows (those
// btreeOpclass maps to: pg_index.indclass of pgtidb's indexes).
const staticOpclasses = `SELECT c.oid FROM pg_type t JOIN pg_opclass c ON c.opcmethod = 403 AND c.opcdefault
	AND c.opcintype = CASE WHEN t.typname = 'varchar' THEN 'text'::regtype ELSE t.oid END WHERE t.oid IN (` + staticTypes + `)`

// staticTypesAll are the types pgtidb shows: staticTypes and their array types.
const staticTypesAll = `SELECT oid FROM pg_type WHERE oid IN (` + staticTypes + `) OR typelem IN (` + staticTypes + `) AND typcategory = 'A'`

// operatorData dumps the rows of pg_opclass, pg_opfamily, pg_amop, pg_amproc, pg_operator and
// pg_cast that pgtidb shows (pgcatalog_operators.go): the default btree operator classes of
// its types and their families, those families' operators and support functions between its
// types, the operators and the casts whose types are all its types.
func operatorData() []byte {
	version := query("SHOW server_version")[0][0]
	var b bytes.Buffer
	fmt.Fprintf(&b, header, version)
	families := `SELECT opcfamily FROM pg_opclass WHERE oid IN (` + staticOpclasses + `)`
	for _, d := range []struct {
		name, doc, cols, from string
		text                  []string // the columns that are not numbers
	}{
		{"pgOpclassRows", "pg_opclass: the default btree operator classes of pgtidb's types.",
			"oid, opcmethod, opcname, opcnamespace, opcowner, opcfamily, opcintype, opcdefault::int, opckeytype",
			`pg_opclass WHERE oid IN (` + staticOpclasses + `)`, []string{"opcname"}},
		{"pgOpfamilyRows", "pg_opfamily: the families of those operator classes.",
			"oid, opfmethod, opfname, opfnamespace, opfowner",
			`pg_opfamily WHERE oid IN (` + families + `)`, []string{"opfname"}},
		{"pgAmopRows", "pg_amop: the operators of those families between pgtidb's types.",
			"oid, amopfamily, amoplefttype, amoprighttype, amopstrategy, amoppurpose, amopopr, amopmethod, amopsortfamily",
			`pg_amop WHERE amopfamily IN (` + families + `) AND amoplefttype IN (` + staticTypesAll + `) AND amoprighttype IN (` + staticTypesAll + `)`,
			[]string{"amoppurpose"}},
		{"pgAmprocRows", "pg_amproc: the support functions of those families between pgtidb's types (amproc as the function's oid).",
			"oid, amprocfamily, amproclefttype, amprocrighttype, amprocnum, amproc::oid",
			`pg_amproc WHERE amprocfamily IN (` + families + `) AND amproclefttype IN (` + staticTypesAll + `) AND amprocrighttype IN (` + staticTypesAll + `)`,
			nil},
		{"pgOperatorRows", "pg_operator: the operators whose operand and result types are pgtidb's types (regproc columns as the function's oid).",
			"oid, oprname, oprnamespace, oprowner, oprkind, oprcanmerge::int, oprcanhash::int, oprleft, oprright, oprresult, oprcom, oprnegate, oprcode::oid, oprrest::oid, oprjoin::oid",
			`pg_operator WHERE (oprleft = 0 OR oprleft IN (` + staticTypesAll + `)) AND oprright IN (` + staticTypesAll + `) AND oprresult IN (` + staticTypesAll + `)`,
			[]string{"oprname", "oprkind"}},
		{"pgCastRows", "pg_cast: the casts between pgtidb's types.",
			"oid, castsource, casttarget, castfunc, castcontext, castmethod",
			`pg_cast WHERE castsource IN (` + staticTypesAll + `) AND casttarget IN (` + staticTypesAll + `)`,
			[]string{"castcontext", "castmethod"}},
	} {
		cols := strings.Split(d.cols, ", ")
		numeric := map[int]bool{}
		for i, c := range cols {
			name, _, _ := strings.Cut(c, "::")
			numeric[i] = true
			for _, t := range d.text {
				if t == name {
					numeric[i] = false
				}
			}
		}
		rows := query("SELECT " + d.cols + " FROM " + d.from + " ORDER BY oid")
		fmt.Fprintf(&b, "// %s are PostgreSQL's rows of %s\n", d.name, d.doc)
		fmt.Fprintf(&b, "const %s = %q\n\n", d.name, unionOfRows(cols, rows, numeric))
	}
	return b.Bytes()
}
