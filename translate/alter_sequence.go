package translate

import (
	"math"
	"math/big"
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
//	collect  SELECT START, INCREMENT, MIN_VALUE, MAX_VALUE, CYCLE FROM information_schema.SEQUENCES …, is_called (seqstate.go)
//	collect  SHOW TABLE `db`.`s` NEXT_ROW_ID          (bounds given, no RESTART)
//	compute  the current value against the new bounds  (checkCurrent)
//	exec     ALTER SEQUENCE `db`.`s` …
//	exec     REPLACE INTO pgtidb_catalog.texts … not called  outside (RESTART; seqstate.go)
//
// The check applies PostgreSQL's rules to the new definition (22023: MINVALUE below MAXVALUE,
// START and RESTART within the bounds) and refuses (0A000) what TiDB would do differently:
// TiDB keeps a sequence's values on its START + k·INCREMENT grid, so changing START or
// INCREMENT (other than to ±1 in the same direction) is accepted only with a RESTART on the new
// grid. TiDB does not check its current value against new bounds; PostgreSQL checks its
// last_value, which pgtidb derives from TiDB's base and its record of is_called (checkCurrent)
// — refused when there is no record and the answer depends on it. CACHE is accepted and ignored (every
// pgtidb sequence is NOCACHE, see sequence.go).
// NO MINVALUE of an ascending sequence is MINVALUE 1, NO MAXVALUE of a descending one MAXVALUE
// -1 (resolved when the plan runs, from the sequence's INCREMENT); the other two mean the
// bounds of the sequence's data type (the one pgtidb stored, catalog/seqtype.go, else the one
// its bounds imply). AS type changes the stored type and, as PostgreSQL does, a bound that was
// the old type's to the new type's; a bound outside the new type is 22023. Refused: OWNED BY
// NONE of an owned sequence, and sequence values at the int64 extremes (outside TiDB's range).

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
	if oldHi == tidbSeqMax {
		oldHi = math.MaxInt64
	}
	if oldLo == tidbSeqMin {
		oldLo = math.MinInt64
	}
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

// resolvedStatement is statement with NO MINVALUE / NO MAXVALUE resolved against the sequence's
// definition as collected (keys: START, INCREMENT, MIN_VALUE, MAX_VALUE); nil when it is gone.
func (ch *alterSequenceChange) resolvedStatement(keys []returning.Row, name *ast.TableName, ifExists bool) (ast.StmtNode, error) {
	if !ch.noMin && !ch.noMax && ch.asType == 0 {
		return ch.statement(name, ifExists), nil
	}
	if len(keys) != 1 || len(keys[0]) < 4 {
		return nil, nil
	}
	var v [3]int64
	for i := range v {
		n, err := strconv.ParseInt(string(keys[0][i+1]), 10, 64)
		if err != nil {
			return nil, nil
		}
		v[i] = n
	}
	r, err := ch.resolve(v[0], v[1], v[2])
	if err != nil {
		return nil, err
	}
	return r.statement(name, ifExists), nil
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
	if d, ok := ownedByColumn(n.GetOptions()); ok {
		return t.sequenceOwnedBy(d, len(n.GetOptions())-1, schema, db, name)
	}
	ch, err := t.alterSequenceOptions(n.GetOptions(), db, name)
	if err != nil {
		return nil, err
	}
	// The stored data type (catalog/seqtype.go); AS replaces it once the plan ran.
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
			if ch.asType != 0 {
				texts := []catalog.Text{{Kind: catalog.TextSequenceType, Expr: catalog.Expr{Plain: strconv.FormatUint(uint64(ch.asType), 10)}}}
				for _, x := range seq.Texts {
					if x.Kind != catalog.TextSequenceType {
						texts = append(texts, x)
					}
				}
				typeChange = []catalog.Change{{Op: catalog.DeclareTable, Database: db, Table: name, SetTexts: true, Texts: texts}}
			}
		}
	}
	seq := sequenceRef{db: db, name: name}
	info := newSelect()
	info.Fields = &ast.FieldList{}
	for _, c := range []string{"START", "INCREMENT", "MIN_VALUE", "MAX_VALUE", "CYCLE"} {
		info.Fields.Fields = append(info.Fields.Fields, &ast.SelectField{Expr: sequenceInfo(seq, c)})
	}
	info.Fields.Fields = append(info.Fields.Fields, &ast.SelectField{Expr: sequenceStateRead(seq)})
	b := &planBuilder{t: t}
	if err := b.step(returning.Collect, 4, nil, func([]returning.Row) (ast.StmtNode, error) { return info, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[0].Check = func(rows []returning.Row) error { return ch.check(rows, name) }
	tn := &ast.TableName{Schema: cistr(db), Name: cistr(name)}
	if !ch.restart && (ch.minv != nil || ch.maxv != nil || ch.noMin || ch.noMax || ch.asType != 0) {
		// The bounds may narrow: PostgreSQL checks the current value against them.
		sample := []returning.Row{{[]byte("1")}}
		if err := b.step(returning.Collect, 0, sample, func(keys []returning.Row) (ast.StmtNode, error) {
			if len(keys) != 1 || keys[0][0] == nil {
				return nil, nil // gone since translation: TiDB reports it
			}
			return &ast.ShowStmt{Tp: ast.ShowTableNextRowId, Table: &ast.TableName{Schema: cistr(db), Name: cistr(name)}}, nil
		}); err != nil {
			return nil, err
		}
		b.roots = append(b.roots, nil)
		b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
			if len(all) != 2 {
				return nil, pgerror.New(pgerrcode.InternalError, "ALTER SEQUENCE: plan step out of order")
			}
			if err := ch.checkCurrent(all[0], all[1], name); err != nil {
				return nil, err
			}
			return all[0], nil
		}})
	}
	if !ch.noMin && !ch.noMax && ch.asType == 0 {
		alter := ch.statement(tn, n.GetMissingOk())
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return alter, nil }); err != nil {
			return nil, err
		}
	} else {
		// A sample definition (an ascending sequence of its stored type) for the plan's shape.
		_, sampleHi, _ := seqTypeBounds(ch.oldType)
		sample := []returning.Row{{[]byte("1"), []byte("1"), []byte("1"), []byte(strconv.FormatInt(min(sampleHi, tidbSeqMax), 10))}}
		if err := b.step(returning.Exec, 0, sample, func(keys []returning.Row) (ast.StmtNode, error) {
			return ch.resolvedStatement(keys, &ast.TableName{Schema: cistr(db), Name: cistr(name)}, n.GetMissingOk())
		}); err != nil {
			return nil, err
		}
	}
	if ch.restart {
		// Not called, at the value it restarts at (seqstate.go).
		sample := []returning.Row{{[]byte("1")}}
		if err := b.step(returning.Exec, 0, sample, func(keys []returning.Row) (ast.StmtNode, error) {
			switch {
			case ch.restartWith != nil:
				return sequenceStateWrite(seq, strconv.FormatInt(*ch.restartWith, 10)), nil
			case ch.start != nil:
				return sequenceStateWrite(seq, strconv.FormatInt(*ch.start, 10)), nil
			case len(keys) == 1 && keys[0][0] != nil:
				return sequenceStateWrite(seq, string(keys[0][0])), nil
			}
			return nil, nil
		}); err != nil {
			return nil, err
		}
		b.plan.Steps[len(b.plan.Steps)-1].Outside = true
	}
	out, err := b.finish("ALTER SEQUENCE", KindDDL, nil)
	if err != nil {
		return nil, err
	}
	out.Catalog = append(out.Catalog, typeChange...)
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
			if owners, ok := t.ctx.Resolver.(SequenceOwnerResolver); ok {
				tbl, _, err := owners.SequenceOwner(db, name)
				if err != nil {
					return nil, err
				}
				if tbl != nil {
					return nil, pgerror.Unsupported("OWNED BY NONE of a sequence a column owns")
				}
			}
		default:
			return nil, pgerror.Unsupported("sequence option " + strings.ToUpper(opt))
		}
	}
	return ch, nil
}

// check applies PostgreSQL's rules to the sequence's current definition (START, INCREMENT,
// MIN_VALUE, MAX_VALUE as TiDB keeps them) changed by ch.
func (ch *alterSequenceChange) check(rows []returning.Row, name string) error {
	if len(rows) != 1 || rows[0][0] == nil {
		return nil // gone since translation: TiDB reports it
	}
	var old [4]int64
	for i := range old {
		v, err := strconv.ParseInt(string(rows[0][i]), 10, 64)
		if err != nil {
			return pgerror.Newf(pgerrcode.InternalError, "sequence %q: unreadable definition %q", name, rows[0][i])
		}
		old[i] = v
	}
	start, inc, lo, hi := old[0], old[1], old[2], old[3]
	if hi == tidbSeqMax {
		hi = math.MaxInt64
	}
	if lo == tidbSeqMin {
		lo = math.MinInt64
	}
	oldInc := inc
	ch, err := ch.resolve(oldInc, old[2], old[3])
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
	if !ch.restart {
		gridMoved := (ch.increment != nil && inc != oldInc) || ch.start != nil
		if gridMoved && !((inc == 1 || inc == -1) && (inc > 0) == (oldInc > 0)) {
			return pgerror.Unsupported("changing a sequence's START or INCREMENT without RESTART").
				WithDetail("TiDB keeps a sequence's values on its START + k*INCREMENT grid.")
		}
	} else if cycle := (ch.cycle == nil && len(rows[0]) > 4 && string(rows[0][4]) == "1") || (ch.cycle != nil && *ch.cycle); cycle &&
		cycleGridDiffers(start, inc, lo, hi) {
		return pgerror.Unsupported("RESTART of a CYCLE sequence whose START is off its MINVALUE + k*INCREMENT grid (MAXVALUE when descending)").
			WithDetail("Once the sequence went round, TiDB restarts on that other grid.")
	} else if (inc > 1 && next < start) || (inc < -1 && next > start) {
		return pgerror.Unsupported("RESTART at a value before the sequence's START with an INCREMENT other than 1 or -1").
			WithDetail("TiDB hands out other values than PostgreSQL from there.")
	} else if (next-start)%inc != 0 {
		return pgerror.Unsupported("RESTART at a value off the sequence's START + k*INCREMENT grid").
			WithDetail("TiDB's sequences only give START + k*INCREMENT values; " + strconv.FormatInt(next, 10) + " is not one of them.")
	}
	return nil
}

// checkCurrent applies PostgreSQL's check of the sequence's current value (its last_value)
// against bounds ch narrows without RESTART: "RESTART value (v) cannot be less than MINVALUE"
// (or greater than MAXVALUE), 22023. info is the collected definition (START, INCREMENT,
// MIN_VALUE, MAX_VALUE, CYCLE), show TiDB's SHOW TABLE … NEXT_ROW_ID, whose SEQUENCE row is
// TiDB's base B + 1: B is the last value handed out (or set by SETVAL) — PostgreSQL's
// last_value with is_called — or, after CREATE, RESTART and a setval with is_called false,
// the value before the next one, whose last_value is that next value (is_called false).
// TiDB keeps no is_called; pgtidb records it (seqstate.go, the sixth info column). Without a
// record the candidates are B and the next grid value after B, those within the old bounds
// (PostgreSQL keeps last_value within them); when they disagree on the answer, the statement is
// refused (0A000), as when TiDB shows no usable value.
func (ch *alterSequenceChange) checkCurrent(info, show []returning.Row, name string) error {
	if len(info) != 1 || len(info[0]) < 5 || info[0][0] == nil {
		return nil
	}
	var old [4]int64
	for i := range old {
		v, err := strconv.ParseInt(string(info[0][i]), 10, 64)
		if err != nil {
			return pgerror.Newf(pgerrcode.InternalError, "sequence %q: unreadable definition %q", name, info[0][i])
		}
		old[i] = v
	}
	start, inc, rawLo, rawHi := old[0], old[1], old[2], old[3]
	cycle := string(info[0][4]) == "1"
	r, err := ch.resolve(inc, rawLo, rawHi)
	if err != nil {
		return err
	}
	oldLo, oldHi := rawLo, rawHi
	if oldHi == tidbSeqMax {
		oldHi = math.MaxInt64
	}
	if oldLo == tidbSeqMin {
		oldLo = math.MinInt64
	}
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
	base, ok := sequenceBase(show)
	if !ok {
		return refuse("TiDB does not show it for this sequence.")
	}
	// The grid TiDB hands values out on starts at START, or after a cycle at the bound it
	// cycles to (TiDB does not show which).
	offsets := []int64{start}
	if cycle {
		if old[1] > 0 {
			offsets = append(offsets, rawLo)
		} else {
			offsets = append(offsets, rawHi)
		}
	}
	candidates := []int64{}
	within := func(v int64) bool { return v >= oldLo && v <= oldHi }
	var next []int64
	for _, off := range offsets {
		if v, ok := nextOnGrid(base, off, old[1]); ok && !slicesContains(next, v) {
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
		candidates = append(candidates, base)
	case err == nil && slicesContains(next, recorded):
		// Not called: nothing handed out since the value was recorded.
		candidates = append(candidates, recorded)
	case err == nil:
		// Called since.
		candidates = append(candidates, base)
	default:
		// Unknown (seqstate.go): the last value, or the next one.
		if within(base) {
			candidates = append(candidates, base)
		}
		for _, v := range next {
			if within(v) && !slicesContains(candidates, v) {
				candidates = append(candidates, v)
			}
		}
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
	for i, v := range candidates {
		err := outcome(v)
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

// statement is TiDB's ALTER SEQUENCE for ch (DO 0 when nothing changes on TiDB).
func (ch *alterSequenceChange) statement(name *ast.TableName, ifExists bool) ast.StmtNode {
	var opts []*ast.SequenceOption
	if ch.increment != nil {
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceOptionIncrementBy, IntValue: *ch.increment})
	}
	if ch.start != nil {
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceStartWith, IntValue: *ch.start})
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
	case ch.restartWith != nil:
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceRestartWith, IntValue: *ch.restartWith})
	case ch.restart:
		opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceRestart})
	}
	if len(opts) == 0 {
		return doNothing()
	}
	return &ast.AlterSequenceStmt{Name: name, IfExists: ifExists, SeqOptions: opts}
}
