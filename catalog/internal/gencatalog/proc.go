package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"strconv"
	"strings"

	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/translate"
	"github.com/pgtidb/pgtidb/typemap"
)

// moreData writes pgcatalog_more_data.go: the pg_proc rows of the functions pgtidb
// translates, pg_language, the plpgsql row of pg_extension and the pg_settings rows of the
// parameters pgtidb knows (compat).
func moreData() []byte {
	version := query("SHOW server_version")[0][0]
	var b bytes.Buffer
	fmt.Fprintf(&b, header, version)
	procs(&b)
	langCols := "oid, lanname, lanowner, lanispl::int, lanpltrusted::int, lanplcallfoid::oid, laninline::oid, lanvalidator::oid"
	lang := query("SELECT " + langCols + " FROM pg_language ORDER BY oid")
	b.WriteString("// pgLanguageRows are PostgreSQL's pg_language rows (lanacl is NULL for all of them).\n")
	fmt.Fprintf(&b, "const pgLanguageRows = %q\n\n", unionOfRows(strings.Split(langCols, ", "), lang,
		map[int]bool{0: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true}))
	extCols := "oid, extname, extowner, extnamespace, extrelocatable::int, extversion"
	ext := query("SELECT " + extCols + " FROM pg_extension WHERE extname = 'plpgsql'")
	b.WriteString("// pgExtensionRows is the row of plpgsql, the one extension of a fresh PostgreSQL 15\n")
	b.WriteString("// database (extconfig and extcondition are NULL).\n")
	fmt.Fprintf(&b, "const pgExtensionRows = %q\n\n", unionOfRows(strings.Split(extCols, ", "), ext,
		map[int]bool{0: true, 2: true, 3: true, 4: true}))
	settings(&b)
	return b.Bytes()
}

// pseudoTypes are the polymorphic pseudo-types a function pgtidb translates may take or
// return ("any", anyelement, anyarray, anynonarray, anycompatible…, record, void), and
// pg_node_tree (pg_get_expr).
var pseudoTypes = map[uint32]bool{2276: true, 2283: true, 2277: true, 2776: true, 5077: true, 5078: true, 5079: true,
	2249: true, 2278: true, 194: true}

type procRow struct {
	OID, Lang, Variadic, Support, NArgs, NArgDefaults, RetType uint32
	Name, Kind, Volatile, Parallel, Src, SQLBody, NodeTree     string
	Result, Arguments, IdentityArguments, Description          string
	RegProc                                                    string
	Cost, Rows                                                 float64
	LeakProof, Strict, RetSet                                  bool
	ArgTypes, AllArgTypes                                      []uint32
	ArgModes, ArgNames                                         []string
}

func procs(b *bytes.Buffer) {
	names := translate.FunctionNames()
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + strings.ReplaceAll(n, "'", "''") + "'"
	}
	rows := query(`SELECT json_agg(json_build_object('OID', p.oid::bigint, 'Name', p.proname, 'Lang', p.prolang::bigint,
			'Cost', p.procost, 'Rows', p.prorows, 'Variadic', p.provariadic::bigint, 'Support', p.prosupport::oid::bigint,
			'Kind', p.prokind, 'LeakProof', p.proleakproof, 'Strict', p.proisstrict, 'RetSet', p.proretset,
			'Volatile', p.provolatile, 'Parallel', p.proparallel, 'NArgs', p.pronargs,
			'NArgDefaults', p.pronargdefaults, 'RetType', p.prorettype::bigint,
			'ArgTypes', string_to_array(p.proargtypes::text, ' ')::bigint[], 'AllArgTypes', p.proallargtypes::bigint[],
			'ArgModes', p.proargmodes, 'ArgNames', p.proargnames, 'Src', p.prosrc,
			'SQLBody', COALESCE(pg_get_function_sqlbody(p.oid), ''), 'NodeTree', COALESCE(p.prosqlbody::text, ''),
			'Result', pg_get_function_result(p.oid), 'Arguments', pg_get_function_arguments(p.oid),
			'IdentityArguments', pg_get_function_identity_arguments(p.oid),
			'Description', COALESCE(obj_description(p.oid, 'pg_proc'), ''), 'RegProc', p.oid::regproc::text) ORDER BY p.oid)
		FROM pg_proc p WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname IN (` + strings.Join(quoted, ", ") + `)`)
	var procs []procRow
	if err := json.Unmarshal([]byte(rows[0][0]), &procs); err != nil {
		log.Fatalf("pg_proc rows: %v", err)
	}
	known := func(oids ...uint32) bool {
		for _, o := range oids {
			if !pseudoTypes[o] && typemap.Lookup(typemap.OID(o)) == nil {
				return false
			}
		}
		return true
	}
	b.WriteString("// builtinFunctions are PostgreSQL 15's pg_proc rows of the functions and aggregates pgtidb\n")
	b.WriteString("// translates (translate.FunctionNames), the overloads whose argument and result types are\n")
	b.WriteString("// types pgtidb speaks or polymorphic pseudo-types, with what pg_get_function_result,\n")
	b.WriteString("// pg_get_function_arguments, pg_get_function_identity_arguments, pg_get_function_sqlbody\n")
	b.WriteString("// and obj_description print for them.\n")
	b.WriteString("var builtinFunctions = []BuiltinFunction{\n")
	var support []string
	for _, p := range procs {
		if !known(append(append([]uint32{p.RetType}, p.ArgTypes...), p.AllArgTypes...)...) {
			continue
		}
		fmt.Fprintf(b, "{OID: %d, Name: %q, Lang: %d, Cost: %g, Rows: %g, Variadic: %d, Support: %d, Kind: %q, "+
			"LeakProof: %t, Strict: %t, RetSet: %t, Volatile: %q, Parallel: %q, NArgs: %d, NArgDefaults: %d, RetType: %d, "+
			"ArgTypes: %#v, AllArgTypes: %#v, ArgModes: %#v, ArgNames: %#v, Src: %q, SQLBody: %q, NodeTree: %q, "+
			"Result: %q, Arguments: %q, IdentityArguments: %q, Description: %q, RegProc: %q},\n",
			p.OID, p.Name, p.Lang, p.Cost, p.Rows, p.Variadic, p.Support, p.Kind, p.LeakProof, p.Strict, p.RetSet,
			p.Volatile, p.Parallel, p.NArgs, p.NArgDefaults, p.RetType, p.ArgTypes, p.AllArgTypes, p.ArgModes, p.ArgNames,
			p.Src, p.SQLBody, p.NodeTree, p.Result, p.Arguments, p.IdentityArguments, p.Description, p.RegProc)
		if p.Support != 0 {
			support = append(support, strconv.Itoa(int(p.Support)))
		}
	}
	b.WriteString("}\n\n")
	// The other functions the static rows name in regproc columns: the support functions of
	// those above, the I/O functions of the types pgtidb shows (pg_type), the functions of its
	// operators and of its operator families' support procedures (opclass.go's rows).
	referenced := "SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend, typmodin, typmodout, typanalyze])::oid " +
		"FROM pg_type WHERE oid IN (" + staticTypesAll + ") " +
		"UNION SELECT unnest(ARRAY[oprcode, oprrest, oprjoin])::oid FROM pg_operator WHERE (oprleft = 0 OR oprleft IN (" +
		staticTypesAll + ")) AND oprright IN (" + staticTypesAll + ") AND oprresult IN (" + staticTypesAll + ") " +
		"UNION SELECT amproc::oid FROM pg_amproc WHERE amprocfamily IN (SELECT opcfamily FROM pg_opclass WHERE oid IN (" +
		staticOpclasses + ")) AND amproclefttype IN (" + staticTypesAll + ") AND amprocrighttype IN (" + staticTypesAll + ")"
	others := query("SELECT p.oid, p.oid::regproc::text FROM pg_proc p WHERE p.oid IN (" + referenced + ") OR p.oid IN (" +
		strings.Join(append(support, "0"), ", ") + ") ORDER BY p.oid")
	b.WriteString("// regprocNames are regprocout's texts of the other functions the static rows name in regproc\n")
	b.WriteString("// columns (pg_type's I/O functions, pg_proc's support functions, pg_operator's oprcode,\n")
	b.WriteString("// oprrest and oprjoin, pg_amproc's amproc).\n")
	b.WriteString("var regprocNames = map[uint32]string{\n")
	for _, r := range others {
		fmt.Fprintf(b, "%s: %q,\n", r[0], r[1])
	}
	b.WriteString("}\n\n")
}

type settingRow struct {
	Name, Unit, Category, ShortDesc, ExtraDesc, Context, Vartype, MinVal, MaxVal string
	EnumVals                                                                     []string
}

func settings(b *bytes.Buffer) {
	var names []string
	for _, g := range compat.NewGUCs().All() {
		names = append(names, "'"+strings.ToLower(g.Name)+"'")
	}
	rows := query(`SELECT json_agg(json_build_object('Name', name, 'Unit', COALESCE(unit, ''), 'Category', category,
			'ShortDesc', short_desc, 'ExtraDesc', COALESCE(extra_desc, ''), 'Context', context, 'Vartype', vartype,
			'MinVal', COALESCE(min_val, ''), 'MaxVal', COALESCE(max_val, ''), 'EnumVals', enumvals) ORDER BY name)
		FROM pg_settings WHERE lower(name) IN (` + strings.Join(names, ", ") + `)`)
	var settings []settingRow
	if err := json.Unmarshal([]byte(rows[0][0]), &settings); err != nil {
		log.Fatalf("pg_settings rows: %v", err)
	}
	// is_superuser and session_authorization are not in pg_settings (GUC_NO_SHOW_ALL).
	b.WriteString("// settingRows are PostgreSQL 15's pg_settings rows of the parameters pgtidb knows (compat),\n")
	b.WriteString("// the columns that do not depend on the session; '' stands for NULL.\n")
	b.WriteString("var settingRows = []settingRow{\n")
	for _, s := range settings {
		fmt.Fprintf(b, "{Name: %q, Unit: %q, Category: %q, ShortDesc: %q, ExtraDesc: %q, Context: %q, Vartype: %q, "+
			"MinVal: %q, MaxVal: %q, EnumVals: %#v},\n",
			s.Name, s.Unit, s.Category, s.ShortDesc, s.ExtraDesc, s.Context, s.Vartype, s.MinVal, s.MaxVal, s.EnumVals)
	}
	b.WriteString("}\n")
}
