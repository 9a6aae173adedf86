package translate

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// ALTER SEQUENCE [IF EXISTS] s [INCREMENT] [MINVALUE|MAXVALUE n] [START] [RESTART [WITH n]]
// [CACHE] [[NO] CYCLE] [OWNED BY NONE] is TiDB's ALTER SEQUENCE behind a check of the
// sequence's current definition (a DDL plan):
//
//	collect  SELECT START, INCREMENT, MIN_VALUE, MAX_VALUE, CYCLE FROM information_schema.SEQUENCES …, is_called, PostgreSQL's START (seqstate.go)
//	collect  SHOW TABLE `db`.`s` NEXT_ROW_ID          (bounds or INCREMENT given, no RESTART)
//	compute  the current value against the new bounds  (checkCurrent), PostgreSQL's position
//	exec     ALTER SEQUENCE `db`.`s` …                  (decide: TiDB's START too)
//	exec     REPLACE INTO pgtidb_catalog.texts …        outside: is_called, START (seqstate.go)
//
// The check applies PostgreSQL's rules to the new definition (22023: MINVALUE below MAXVALUE,
// START and RESTART within the bounds). TiDB keeps a sequence's values on its START +
// k·INCREMENT grid; decide moves TiDB's START so that the grid runs through the values
// PostgreSQL hands out next, and records PostgreSQL's START (seqstate.go). TiDB does not check
// its current value against new bounds; PostgreSQL checks its last_value, which pgtidb derives
// from TiDB's base and its record of is_called (checkCurrent) — refused when there is no record
// and the answer depends on it. CACHE is recorded in the shadow catalog (every TiDB sequence
// is NOCACHE; the proxy keeps the sessions' blocks, seqcache.go). Any ALTER SEQUENCE drops the
// session's block of the sequence, one that changes its values (not OWNED BY alone) every
// session's, as PostgreSQL's rewrite of the sequence does.
// NO MINVALUE of an ascending sequence is MINVALUE 1, NO MAXVALUE of a descending one MAXVALUE
// -1 (resolved when the plan runs, from the sequence's INCREMENT); the other two mean the
// bounds of the sequence's data type (the one pgtidb stored, catalog/seqtype.go, else the one
// its bounds imply). AS type changes the stored type and, as PostgreSQL does, a bound that was
// the old type's to the new type's; a bound outside the new type is 22023. Refused: OWNED BY
// NONE of an owned sequence, sequence values at the int64 extremes (outside TiDB's range), and
// what a CYCLE sequence that went round would do otherwise on TiDB (check, decide).

// alterSequenceChange is what ALTER SEQUENCE asks for; nil fields are left alone.
type alterSequenceChange struct {
	increment, minv, maxv, start, restartWith *int64
	restart                                   bool
	cycle                                     *bool
	// noMin, noMax: NO MINVALUE / NO MAXVALUE, resolved against the sequence's direction when
	// the plan runs (resolve).
	noMin, noMax bool
	// oldType is the sequence's stored data type (0: unknown, implied by its bounds); asType
	// the one AS asks for (0: unchanged).
	oldType, asType typemap.OID
	// cache is the CACHE asked for (catalog.TextSequenceCache).
	cache *int64
	// disown is the catalog change of OWNED BY NONE: the owning column no longer owns it.
	disown []catalog.Change
}

// seqTypeBounds are the bounds of sequence data type ty.
func seqTypeBounds(ty typemap.OID) (lo, hi int64, name string) {
	switch ty {
	case typemap.Int2:
		return math.MinInt16, math.MaxInt16, "smallint"
	case typemap.Int4:
		return math.MinInt32, math.MaxInt32, "integer"
	}
	return math.MinInt64, math.MaxInt64, "bigint"
}

// resolve turns NO MINVALUE / NO MAXVALUE and AS into bounds for a sequence whose INCREMENT
// is oldInc before ch, whose bounds are oldLo, oldHi as TiDB keeps them. PostgreSQL's NO
// MINVALUE of an ascending sequence is 1 and NO MAXVALUE of a descending one -1, whatever its
// type; the other two are the bounds of its data type. AS moves a bound that was the old
// type's to the new type's (init_params' reset_max_value / reset_min_value), and refuses
// bounds the new type cannot hold.
func (ch *alterSequenceChange) resolve(oldInc, oldLo, oldHi int64) (*alterSequenceChange, error) {
	if !ch.noMin && !ch.noMax && ch.asType == 0 {
		return ch, nil
	}
	oldLo, oldHi = pgSeqBounds(oldLo, oldHi)
	out := *ch
	inc := oldInc
	if ch.increment != nil {
		inc = *ch.increment
	}
	oldType := ch.oldType
	if oldType == 0 {
		switch {
		case oldHi == math.MaxInt16 || oldLo == math.MinInt16:
			oldType = typemap.Int2
		case oldHi == math.MaxInt32 || oldLo == math.MinInt32:
			oldType = typemap.Int4
		default:
			oldType = typemap.Int8
		}
	}
	newType := oldType
	if ch.asType != 0 {
		newType = ch.asType
	}
	oldTypeLo, oldTypeHi, _ := seqTypeBounds(oldType)
	lo, hi, typeName := seqTypeBounds(newType)
	if ch.asType != 0 {
		if ch.maxv == nil && !ch.noMax && oldHi == oldTypeHi {
			out.noMax = true
		}
		if ch.minv == nil && !ch.noMin && oldLo == oldTypeLo {
			out.noMin = true
		}
	}
	if out.noMin {
		v := int64(1)
		if inc < 0 {
			v = lo
		}
		out.minv = &v
	}
	if out.noMax {
		v := int64(-1)
		if inc > 0 {
			v = hi
		}
		out.maxv = &v
	}
	if ch.asType != 0 {
		maxv, minv := oldHi, oldLo
		if out.maxv != nil {
			maxv = *out.maxv
		}
		if out.minv != nil {
			minv = *out.minv
		}
		if maxv < lo || maxv > hi {
			return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "MAXVALUE (%d) is out of range for sequence data type %s", maxv, typeName)
		}
		if minv < lo || minv > hi {
			return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "MINVALUE (%d) is out of range for sequence data type %s", minv, typeName)
		}
		// The bounds are written out even when they do not change (TiDB keeps them).
		if out.maxv == nil {
			out.maxv = &maxv
		}
		if out.minv == nil {
			out.minv = &minv
		}
	}
	out.noMin, out.noMax = false, false
	return &out, nil
}

// ALTER SEQUENCE s OWNED BY t.c (alone) only changes the shadow catalog: sequenceOwnedBy in
// sequence.go.

// alteredSequence checks that the sequence an ALTER SEQUENCE names exists and is a sequence
// (42P01, 42809). For a missing sequence with IF EXISTS it returns the statement to run
// instead: PostgreSQL's notice, and DO 0 — TiDB's statement that does nothing.
func (t *translator) alteredSequence(rv *pg_query.RangeVar, schema string, missingOk bool) (skip *Statement, err error) {
	tbl, err := t.ctx.Resolver.LookupTable(schema, rv.GetRelname())
	if err != nil {
		return nil, err
	}
	switch {
	case tbl == nil && missingOk:
		out, err := t.ddlStatement(doNothing(), "ALTER SEQUENCE")
		if err != nil {
			return nil, err
		}
		out.Notices = []*pgerror.Error{notice(pgerrcode.SuccessfulCompletion, "relation %q does not exist, skipping", rangeVarName(rv))}
		return out, nil
	case tbl == nil:
		return nil, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", rangeVarName(rv))
	case tbl.View || len(tbl.Columns) > 0:
		return nil, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a sequence", rv.GetRelname())
	}
	return nil, nil
}

// alterSequence translates ALTER SEQUENCE.
func (t *translator) alterSequence(n *pg_query.AlterSeqStmt) (*Statement, error) {
	if n.GetForIdentity() {
		return nil, pgerror.Unsupported("ALTER TABLE ... ALTER COLUMN ... SET identity options")
	}
	rv := n.GetSequence()
	schema, err := t.schemaName(rv.GetSchemaname())
	if err != nil {
		return nil, err
	}
	db := catalog.TiDBDatabase(t.ctx.Database, schema)
	name := rv.GetRelname()
	if t.ctx.Resolver != nil {
		if skip, err := t.alteredSequence(rv, schema, n.GetMissingOk()); skip != nil || err != nil {
			return skip, err
		}
	}
	// Any ALTER SEQUENCE drops the session's block (PostgreSQL's backend forgets its cached
	// values); one that changes the sequence's values every session's (SequenceRenews).
	own := []SequenceRef{{DB: db, Name: name}}
	if d, ok := ownedByColumn(n.GetOptions()); ok {
		out, err := t.sequenceOwnedBy(d, len(n.GetOptions())-1, schema, db, name)
		if out != nil {
			out.SequenceResets = own
		}
		return out, err
	}
	ch, err := t.alterSequenceOptions(n.GetOptions(), db, name)
	if err != nil {
		return nil, err
	}
	if len(n.GetOptions()) == 1 && n.GetOptions()[0].GetDefElem().GetDefname() == "owned_by" {
		// OWNED BY NONE alone changes only the shadow catalog.
		out, err := t.ddlStatement(doNothing(), "ALTER SEQUENCE")
		if err != nil {
			return nil, err
		}
		out.Catalog = ch.disown
		out.SequenceResets = own
		return out, nil
	}
	// The stored data type and CACHE (catalog/seqtype.go); AS and CACHE replace them once the
	// plan ran.
	var typeChange []catalog.Change
	if t.ctx.Resolver != nil {
		seq, err := t.ctx.Resolver.LookupTable(schema, name)
		if err != nil {
			return nil, err
		}
		if seq != nil {
			if x := seq.Text(catalog.TextSequenceType, ""); x != nil {
				if v, err := strconv.ParseUint(x.Expr.Plain, 10, 32); err == nil {
					ch.oldType = typemap.OID(v)
				}
			}
			if ch.asType != 0 || ch.cache != nil {
				var texts []catalog.Text
				for _, x := range seq.Texts {
					switch {
					case x.Kind == catalog.TextSequenceType && ch.asType != 0, x.Kind == catalog.TextSequenceCache && ch.cache != nil:
					default:
						texts = append(texts, x)
					}
				}
				if ch.asType != 0 {
					texts = append(texts, catalog.Text{Kind: catalog.TextSequenceType, Expr: catalog.Expr{Plain: strconv.FormatUint(uint64(ch.asType), 10)}})
				}
				if ch.cache != nil && *ch.cache > 1 {
					texts = append(texts, cacheText(*ch.cache))
				}
				typeChange = []catalog.Change{{Op: catalog.DeclareTable, Database: db, Table: name, SetTexts: true, Texts: texts}}
			}
		}
	}
	seq := sequenceRef{db: db, name: name}
	info := sequenceDefinition(seq)
	info.Fields.Fields = append(info.Fields.Fields, &ast.SelectField{Expr: sequenceStartRead(seq)})
	b := &planBuilder{t: t}
	if err := b.step(returning.Collect, 7, nil, func([]returning.Row) (ast.StmtNode, error) { return info, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[0].Check = func(rows []returning.Row) error { return ch.check(rows, name) }
	tn := func() *ast.TableName { return &ast.TableName{Schema: cistr(db), Name: cistr(name)} }
	// PostgreSQL's last_value matters when the bounds may narrow (PostgreSQL checks it against
	// them) and when INCREMENT changes (TiDB's grid moves to run through it).
	position := !ch.restart && (ch.minv != nil || ch.maxv != nil || ch.noMin || ch.noMax || ch.asType != 0 || ch.increment != nil)
	if position {
		sample := []returning.Row{{[]byte("1")}}
		if err := b.step(returning.Collect, 0, sample, func(keys []returning.Row) (ast.StmtNode, error) {
			if len(keys) != 1 || keys[0][0] == nil {
				return nil, nil // gone since translation: TiDB reports it
			}
			return &ast.ShowStmt{Tp: ast.ShowTableNextRowId, Table: tn()}, nil
		}); err != nil {
			return nil, err
		}
	}
	// The definition with PostgreSQL's position appended (sequencePositions: last_value and
	// is_called when they are known), which the steps after it are built from.
	b.roots = append(b.roots, nil)
	b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
		if len(all) == 0 || len(all[0]) != 1 || all[0][0][0] == nil {
			return nil, nil
		}
		row := append(returning.Row{}, all[0][0]...)
		if !position {
			return []returning.Row{row}, nil
		}
		pos, base, known := sequencePositions(all[0], all[1])
		if err := ch.checkCurrent(all[0], pos, base, known, name); err != nil {
			return nil, err
		}
		if known && len(pos) == 1 {
			state := sequenceStateCalled
			if !pos[0].called {
				state = "next"
			}
			row = append(row, []byte(strconv.FormatInt(pos[0].last, 10)), []byte(state))
		}
		return []returning.Row{row}, nil
	}})
	// A sample definition (an ascending sequence of its stored type, called at 5) for the
	// plan's shape.
	_, sampleHi, _ := seqTypeBounds(ch.oldType)
	sample := []returning.Row{{[]byte("1"), []byte("1"), []byte("1"), []byte(strconv.FormatInt(min(sampleHi, tidbSeqMax), 10)),
		[]byte("0"), nil, []byte("1"), []byte("5"), []byte(sequenceStateCalled)}}
	alter := func(keys []returning.Row) (ast.StmtNode, error) {
		d, err := ch.decide(keys, name)
		if d == nil || err != nil {
			return nil, err
		}
		return ch.statement(tn(), n.GetMissingOk(), d), nil
	}
	shown, err := alter(sample)
	if shown == nil || err != nil {
		shown = ch.statement(tn(), n.GetMissingOk(), nil) // the sample fails where the sequence would not
	}
	if err := b.stepShown(returning.Exec, 0, shown, alter); err != nil {
		return nil, err
	}
	// The run-time state it leaves, recorded outside the transaction (seqstate.go).
	record := func(keys []returning.Row) (ast.StmtNode, error) {
		d, err := ch.decide(keys, name)
		if d == nil || err != nil || (d.state == "" && d.pgStart == "") {
			return nil, err
		}
		return sequenceStateWrite(seq, d.state, d.pgStart), nil
	}
	shown, err = record(sample)
	if shown == nil || err != nil {
		shown = sequenceStateWrite(seq, "", "1") // as when TiDB's START moves into new bounds
	}
	if err := b.stepShown(returning.Exec, 0, shown, record); err != nil {
		return nil, err
	}
	b.plan.Steps[len(b.plan.Steps)-1].Outside = true
	out, err := b.finish("ALTER SEQUENCE", KindDDL, nil)
	if err != nil {
		return nil, err
	}
	out.Catalog = append(append(out.Catalog, typeChange...), ch.disown...)
	out.SequenceRenews = own
	return out, nil
}

// alterSequenceOptions reads ALTER SEQUENCE's options.
func (t *translator) alterSequenceOptions(list []*pg_query.Node, db, name string) (*alterSequenceChange, error) {
	ch := &alterSequenceChange{}
	seen := map[string]bool{}
	for _, o := range list {
		d := o.GetDefElem()
		opt := d.GetDefname()
		if seen[opt] {
			return nil, pgerror.New(pgerrcode.SyntaxError, "conflicting or redundant options")
		}
		seen[opt] = true
		switch opt {
		case "as":
			ty, err := typeName(d.GetArg().GetTypeName())
			if err != nil {
				return nil, err
			}
			if ty.OID != typemap.Int2 && ty.OID != typemap.Int4 && ty.OID != typemap.Int8 {
				return nil, pgerror.New(pgerrcode.InvalidParameterValue, "sequence type must be smallint, integer, or bigint")
			}
			ch.asType = ty.OID
		case "increment", "minvalue", "maxvalue", "start", "cache", "restart":
			if d.GetArg() == nil {
				switch opt {
				case "restart":
					ch.restart = true
					continue
				case "minvalue":
					ch.noMin = true
					continue
				case "maxvalue":
					ch.noMax = true
					continue
				}
			}
			v, err := seqInt(d)
			if err != nil {
				return nil, err
			}
			switch opt {
			case "increment":
				if v == 0 {
					return nil, pgerror.New(pgerrcode.InvalidParameterValue, "INCREMENT must not be zero")
				}
				ch.increment = &v
			case "minvalue":
				ch.minv = &v
			case "maxvalue":
				ch.maxv = &v
			case "start":
				ch.start = &v
			case "restart":
				ch.restart, ch.restartWith = true, &v
			case "cache":
				if v <= 0 {
					return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "CACHE (%d) must be greater than zero", v)
				}
				ch.cache = &v
			}
		case "cycle":
			c := d.GetArg().GetBoolean().GetBoolval()
			ch.cycle = &c
		case "owned_by":
			items := d.GetArg().GetList().GetItems()
			if len(items) != 1 || items[0].GetString_().GetSval() != "none" {
				return nil, pgerror.Unsupported("OWNED BY a column").
					WithHint("pgtidb does not drop a sequence with its owning column yet.")
			}
			var err error
			if ch.disown, err = t.disown(db, name); err != nil {
				return nil, err
			}
		default:
			return nil, pgerror.Unsupported("sequence option " + strings.ToUpper(opt))
		}
	}
	return ch, nil
}

// check applies PostgreSQL's rules to the sequence's current definition (START, INCREMENT,
// MIN_VALUE, MAX_VALUE, CYCLE as TiDB keeps them, is_called and PostgreSQL's START as recorded,
// seqstate.go) changed by ch.
func (ch *alterSequenceChange) check(rows []returning.Row, name string) error {
	if len(rows) != 1 || rows[0][0] == nil {
		return nil // gone since translation: TiDB reports it
	}
	old, bad, ok := rowInts(rows[0], 0, 1, 2, 3)
	if !ok {
		return pgerror.Newf(pgerrcode.InternalError, "sequence %q: unreadable definition %q", name, bad)
	}
	start, inc := old[0], old[1]
	lo, hi := pgSeqBounds(old[2], old[3])
	if len(rows[0]) > 6 && rows[0][6] != nil {
		if v, err := strconv.ParseInt(string(rows[0][6]), 10, 64); err == nil {
			start = v
		}
	}
	ch, err := ch.resolve(inc, old[2], old[3])
	if err != nil {
		return err
	}
	if ch.increment != nil {
		inc = *ch.increment
	}
	if ch.minv != nil {
		lo = *ch.minv
	}
	if ch.maxv != nil {
		hi = *ch.maxv
	}
	if ch.start != nil {
		start = *ch.start
	}
	if lo >= hi {
		return pgerror.Newf(pgerrcode.InvalidParameterValue, "MINVALUE (%d) must be less than MAXVALUE (%d)", lo, hi)
	}
	if start < lo {
		return pgerror.Newf(pgerrcode.InvalidParameterValue, "START value (%d) cannot be less than MINVALUE (%d)", start, lo)
	}
	if start > hi {
		return pgerror.Newf(pgerrcode.InvalidParameterValue, "START value (%d) cannot be greater than MAXVALUE (%d)", start, hi)
	}
	next := start
	if ch.restartWith != nil {
		next = *ch.restartWith
		if next < lo {
			return pgerror.Newf(pgerrcode.InvalidParameterValue, "RESTART value (%d) cannot be less than MINVALUE (%d)", next, lo)
		}
		if next > hi {
			return pgerror.Newf(pgerrcode.InvalidParameterValue, "RESTART value (%d) cannot be greater than MAXVALUE (%d)", next, hi)
		}
	}
	for _, v := range []int64{start, next} {
		if v > tidbSeqMax || v < tidbSeqMin {
			return pgerror.Unsupported("a sequence value at the int64 extreme " + strconv.FormatInt(v, 10))
		}
	}
	if cycle := (ch.cycle == nil && len(rows[0]) > 4 && string(rows[0][4]) == "1") || (ch.cycle != nil && *ch.cycle); cycle &&
		ch.restart && cycleGridDiffers(next, inc, lo, hi) {
		return pgerror.Unsupported("RESTART of a CYCLE sequence at a value off its MINVALUE + k*INCREMENT grid (MAXVALUE when descending)").
			WithDetail("Once the sequence went round, TiDB hands out values on that grid only.")
	}
	return nil
}

// checkCurrent applies PostgreSQL's check of the sequence's current value (its last_value)
// against bounds ch narrows without RESTART: "RESTART value (v) cannot be less than MINVALUE"
// (or greater than MAXVALUE), 22023. info is the collected definition (START, INCREMENT,
// MIN_VALUE, MAX_VALUE, CYCLE, is_called record); candidates, base and known are
// sequencePositions' answer. When the candidates disagree on the answer, the statement is
// refused (0A000), as when TiDB shows no usable value (not known).
func (ch *alterSequenceChange) checkCurrent(info []returning.Row, candidates []seqPosition, base int64, known bool, name string) error {
	if len(info) != 1 || len(info[0]) < 5 || info[0][0] == nil {
		return nil
	}
	old, bad, ok := rowInts(info[0], 1, 2, 3)
	if !ok {
		return pgerror.Newf(pgerrcode.InternalError, "sequence %q: unreadable definition %q", name, bad)
	}
	r, err := ch.resolve(old[0], old[1], old[2])
	if err != nil {
		return err
	}
	oldLo, oldHi := pgSeqBounds(old[1], old[2])
	lo, hi := oldLo, oldHi
	if r.minv != nil {
		lo = *r.minv
	}
	if r.maxv != nil {
		hi = *r.maxv
	}
	if lo <= oldLo && hi >= oldHi {
		return nil
	}
	refuse := func(why string) error {
		return pgerror.Unsupported("narrowing a sequence's MINVALUE/MAXVALUE without RESTART here").
			WithDetail("PostgreSQL checks the sequence's current value against the new bounds; " + why)
	}
	if !known {
		return refuse("TiDB does not show it for this sequence.")
	}
	outcome := func(v int64) error {
		if v < lo {
			return pgerror.Newf(pgerrcode.InvalidParameterValue, "RESTART value (%d) cannot be less than MINVALUE (%d)", v, lo)
		}
		if v > hi {
			return pgerror.Newf(pgerrcode.InvalidParameterValue, "RESTART value (%d) cannot be greater than MAXVALUE (%d)", v, hi)
		}
		return nil
	}
	var first error
	for i, p := range candidates {
		err := outcome(p.last)
		if i == 0 {
			first = err
			continue
		}
		if err != nil || first != nil {
			return refuse("whether its value " + strconv.FormatInt(base, 10) +
				" was handed out (PostgreSQL's is_called) decides the answer, and TiDB does not keep that.")
		}
	}
	if len(candidates) == 0 {
		return refuse("TiDB's state of it matches none PostgreSQL could have.")
	}
	return first
}

// seqPosition is a PostgreSQL sequence's last_value and is_called.
type seqPosition struct {
	last   int64
	called bool
}

// sequencePositions are the positions PostgreSQL's sequence can be at, given its definition as
// collected (info: START, INCREMENT, MIN_VALUE, MAX_VALUE, CYCLE, is_called record) and TiDB's
// SHOW TABLE … NEXT_ROW_ID (show), whose SEQUENCE row is TiDB's base B + 1: B is the last
// value handed out (or set by SETVAL) — PostgreSQL's last_value with is_called — or, after
// CREATE, RESTART and a setval with is_called false, the value before the next one, whose
// last_value is that next value (is_called false). pgtidb records is_called (seqstate.go);
// without a record the candidates are B and the next grid values after B, those within the
// bounds (PostgreSQL keeps last_value within them). base is TiDB's base; ok is false when
// TiDB shows no usable one.
func sequencePositions(info, show []returning.Row) (pos []seqPosition, base int64, ok bool) {
	if len(info) != 1 || len(info[0]) < 5 || info[0][0] == nil {
		return nil, 0, false
	}
	old, _, ok := rowInts(info[0], 0, 1, 2, 3)
	if !ok {
		return nil, 0, false
	}
	start, inc, rawLo, rawHi := old[0], old[1], old[2], old[3]
	oldLo, oldHi := pgSeqBounds(rawLo, rawHi)
	base, ok = sequenceBase(show)
	if !ok {
		return nil, 0, false
	}
	// The grid TiDB hands values out on starts at START, or after a cycle at the bound it
	// cycles to (TiDB does not show which).
	offsets := []int64{start}
	if string(info[0][4]) == "1" {
		if inc > 0 {
			offsets = append(offsets, rawLo)
		} else {
			offsets = append(offsets, rawHi)
		}
	}
	within := func(v int64) bool { return v >= oldLo && v <= oldHi }
	var next []int64
	for _, off := range offsets {
		if v, ok := nextOnGrid(base, off, inc); ok && !slicesContains(next, v) {
			next = append(next, v)
		}
	}
	state := ""
	if len(info[0]) > 5 && info[0][5] != nil {
		state = string(info[0][5])
	}
	recorded, err := strconv.ParseInt(state, 10, 64)
	switch {
	case state == sequenceStateCalled:
		// Called at TiDB's last value.
		return []seqPosition{{base, true}}, base, true
	case err == nil && slicesContains(next, recorded):
		// Not called: nothing handed out since the value was recorded.
		return []seqPosition{{recorded, false}}, base, true
	case err == nil:
		// Called since.
		return []seqPosition{{base, true}}, base, true
	}
	// Unknown (seqstate.go): the last value, or the next one.
	if within(base) {
		pos = append(pos, seqPosition{base, true})
	}
	for _, v := range next {
		if within(v) && !slices.ContainsFunc(pos, func(p seqPosition) bool { return p.last == v }) {
			pos = append(pos, seqPosition{v, false})
		}
	}
	return pos, base, true
}

// rowInts reads columns cols of a collected row as int64; ok is false when one of them is not
// one (bad: its text).
func rowInts(r returning.Row, cols ...int) (nums []int64, bad []byte, ok bool) {
	nums = make([]int64, len(cols))
	for i, c := range cols {
		if c >= len(r) {
			return nil, nil, false
		}
		v, err := strconv.ParseInt(string(r[c]), 10, 64)
		if err != nil {
			return nil, r[c], false
		}
		nums[i] = v
	}
	return nums, nil, true
}

// pgSeqBounds are a sequence's bounds as TiDB keeps them, as PostgreSQL's: TiDB's range stops
// one short of the int64 extremes, which its bounds there stand for.
func pgSeqBounds(lo, hi int64) (int64, int64) {
	if hi == tidbSeqMax {
		hi = math.MaxInt64
	}
	if lo == tidbSeqMin {
		lo = math.MinInt64
	}
	return lo, hi
}

// sequenceBase reads TiDB's base of a sequence (the last value handed out, or the one before
// the next) from its SHOW TABLE … NEXT_ROW_ID rows, which show base + 1 as an unsigned number.
// TiDB shows 9223372036854775807 for some negative bases: not usable.
func sequenceBase(show []returning.Row) (int64, bool) {
	for _, r := range show {
		if len(r) >= 5 && string(r[4]) == "SEQUENCE" {
			v, err := strconv.ParseUint(string(r[3]), 10, 64)
			if err != nil || v == math.MaxInt64 {
				return 0, false
			}
			return int64(v) - 1, true
		}
	}
	return 0, false
}

// cycleGridDiffers reports whether a CYCLE sequence's values after going round (TiDB: MINVALUE
// + k·INCREMENT ascending, MAXVALUE − k·|INCREMENT| descending, as PostgreSQL's) lie on another
// grid than START + k·INCREMENT, where TiDB still restarts and sets values (it keeps
// counting rounds and hands out the other grid's values).
func cycleGridDiffers(start, inc, lo, hi int64) bool {
	if inc == 1 || inc == -1 {
		return false
	}
	bound := max(lo, tidbSeqMin)
	if inc < 0 {
		bound = min(hi, tidbSeqMax)
	}
	return (start%inc-bound%inc)%inc != 0
}

// nextOnGrid is the first value after base (in the direction of inc) on the grid off + k·inc.
func nextOnGrid(base, off, inc int64) (int64, bool) {
	b, o, step := big.NewInt(base), big.NewInt(off), big.NewInt(inc)
	d := new(big.Int).Sub(b, o)
	q := new(big.Int).Div(d, step) // Euclidean: off + q·inc is at or beyond base against inc
	v := new(big.Int).Add(o, new(big.Int).Mul(q, step))
	for (inc > 0 && v.Cmp(b) <= 0) || (inc < 0 && v.Cmp(b) >= 0) {
		v.Add(v, step)
	}
	if !v.IsInt64() {
		return 0, false
	}
	return v.Int64(), true
}

func slicesContains(s []int64, v int64) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// seqDecision is what an ALTER SEQUENCE does on TiDB, decided from the sequence's collected
// definition and position (decide).
type seqDecision struct {
	// ch is the change with NO MINVALUE / NO MAXVALUE and AS resolved.
	ch *alterSequenceChange
	// start, when not nil, is TiDB's new START; restart makes it the next value too.
	start   *int64
	restart bool
	// state and pgStart are the is_called state and PostgreSQL's START to record ("": leave).
	state, pgStart string
}

// decide is what ch does on TiDB for the sequence as collected (keys: START, INCREMENT,
// MIN_VALUE, MAX_VALUE, CYCLE, is_called record, PostgreSQL's START as TiDB and the shadow
// catalog hold them, then PostgreSQL's last_value and "called" or "next" when they are known).
// TiDB keeps a sequence's values on its START + k·INCREMENT grid (seqstate.go):
//   - RESTART [WITH n] restarts at n (PostgreSQL's START without WITH) with TiDB's START n;
//   - a new INCREMENT moves TiDB's START to the last value (the next is last + INCREMENT),
//     or restarts at the next value when it was not handed out yet; refused (0A000) when
//     pgtidb does not know which (seqstate.go);
//   - bounds that leave TiDB's START out move it to a value of its grid within them;
//   - START alone changes only PostgreSQL's START, which pgtidb records.
//
// nil when the sequence is gone (TiDB then reports it).
func (ch *alterSequenceChange) decide(keys []returning.Row, name string) (*seqDecision, error) {
	if len(keys) != 1 || len(keys[0]) < 7 || keys[0][0] == nil {
		return nil, nil
	}
	r := keys[0]
	v, bad, ok := rowInts(r, 0, 1, 2, 3)
	if !ok {
		return nil, pgerror.Newf(pgerrcode.InternalError, "sequence %q: unreadable definition %q", name, bad)
	}
	anchor, oldInc := v[0], v[1]
	pgStart, err := strconv.ParseInt(string(r[6]), 10, 64)
	if err != nil {
		pgStart = anchor
	}
	res, err := ch.resolve(oldInc, v[2], v[3])
	if err != nil {
		return nil, err
	}
	d := &seqDecision{ch: res}
	inc, lo, hi := oldInc, v[2], v[3]
	if res.increment != nil {
		inc = *res.increment
	}
	if res.minv != nil {
		lo = max(*res.minv, tidbSeqMin)
	}
	if res.maxv != nil {
		hi = min(*res.maxv, tidbSeqMax)
	}
	if ch.start != nil {
		pgStart = *ch.start
		d.pgStart = strconv.FormatInt(pgStart, 10)
	}
	at := func(n int64) {
		d.start = &n
		d.pgStart = strconv.FormatInt(pgStart, 10)
	}
	// A CYCLE sequence that went round hands out values on its MINVALUE grid (MAXVALUE
	// descending) in TiDB whatever its START: a change of that grid without RESTART would
	// show at once there, in PostgreSQL only after going round.
	cycle := (res.cycle == nil && string(r[4]) == "1") || (res.cycle != nil && *res.cycle)
	if cycle && !ch.restart && (inc > 1 || inc < -1) &&
		((inc > 0 && (lo-max(v[2], tidbSeqMin))%inc != 0) || (inc < 0 && (hi-min(v[3], tidbSeqMax))%inc != 0) || inc != oldInc) {
		return nil, pgerror.Unsupported("changing the INCREMENT or the bound a CYCLE sequence goes round to without RESTART").
			WithDetail("Once the sequence went round, TiDB hands out values on the bound's + k*INCREMENT grid at once.")
	}
	switch {
	case ch.restart:
		next := pgStart
		if ch.restartWith != nil {
			next = *ch.restartWith
		}
		at(next)
		d.restart, d.state = true, strconv.FormatInt(next, 10)
	case inc != oldInc:
		if len(r) < 9 || r[7] == nil {
			return nil, pgerror.Unsupported("changing the INCREMENT of a sequence without RESTART here").
				WithDetail("PostgreSQL goes on from the sequence's last value, and pgtidb does not know whether TiDB's value " +
					"was handed out (PostgreSQL's is_called): TiDB does not keep that.").
				WithHint("Add RESTART [WITH n], or call setval() first.")
		}
		last, err := strconv.ParseInt(string(r[7]), 10, 64)
		if err != nil {
			return nil, pgerror.Newf(pgerrcode.InternalError, "sequence %q: unreadable position %q", name, r[7])
		}
		at(last)
		if string(r[8]) == sequenceStateCalled {
			d.state = sequenceStateCalled
		} else {
			d.restart, d.state = true, strconv.FormatInt(last, 10)
		}
	case anchor < lo || anchor > hi:
		// Another value of TiDB's grid, within the new bounds.
		step := new(big.Int).Abs(big.NewInt(inc))
		gap := new(big.Int).Sub(big.NewInt(lo), big.NewInt(anchor))
		if anchor > hi {
			gap = new(big.Int).Sub(big.NewInt(hi), big.NewInt(anchor))
		}
		k := new(big.Int).Quo(gap, step) // toward zero: at most the gap
		if new(big.Int).Rem(gap, step).Sign() != 0 {
			k.Add(k, big.NewInt(int64(gap.Sign())))
		}
		moved := new(big.Int).Add(big.NewInt(anchor), k.Mul(k, step))
		if !moved.IsInt64() || moved.Int64() < lo || moved.Int64() > hi {
			return nil, pgerror.Unsupported("bounds that leave no value of the sequence's TiDB grid").
				WithDetail("TiDB keeps a sequence's values on its START + k*INCREMENT grid.")
		}
		at(moved.Int64())
	}
	return d, nil
}

// statement is TiDB's ALTER SEQUENCE for ch as d decided (DO 0 when nothing changes on TiDB;
// without a decision — the sequence is gone — ch's options as given, for TiDB to report).
func (ch *alterSequenceChange) statement(name *ast.TableName, ifExists bool, d *seqDecision) ast.StmtNode {
	if d != nil {
		ch = d.ch
	}
	var opts []*ast.SequenceOption
	if ch.increment != nil {
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceOptionIncrementBy, IntValue: *ch.increment})
	}
	if ch.minv != nil {
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceMinValue, IntValue: max(*ch.minv, tidbSeqMin)})
	}
	if ch.maxv != nil {
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceMaxValue, IntValue: min(*ch.maxv, tidbSeqMax)})
	}
	if ch.cycle != nil {
		tp := ast.SequenceNoCycle
		if *ch.cycle {
			tp = ast.SequenceCycle
		}
		opts = append(opts, &ast.SequenceOption{Tp: tp})
	}
	switch {
	case d != nil && d.restart:
		st := sequenceRestart(name, *d.start, opts...)
		st.IfExists = ifExists
		return st
	case d != nil && d.start != nil:
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceStartWith, IntValue: *d.start})
	case d == nil && ch.restart:
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceRestart})
	}
	if len(opts) == 0 {
		return doNothing()
	}
	return &ast.AlterSequenceStmt{Name: name, IfExists: ifExists, SeqOptions: opts}
}
