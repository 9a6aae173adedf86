package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// DEFERRABLE foreign keys. TiDB checks a foreign key when each row is written and has no
// deferred checks. A DEFERRABLE foreign key is created as TiDB's ordinary one, and pgtidb
// keeps what PostgreSQL declares (catalog.TextDeferral: pg_constraint.condeferrable /
// condeferred, information_schema, pg_get_constraintdef). A transaction in which every
// statement leaves the key satisfied ends as it would in PostgreSQL, which checks a deferred
// key only at COMMIT; one that violates a deferred key for a while (a child row inserted
// before its parent) is refused with 0A000 at that statement (proxy: fkDeferred), where
// PostgreSQL would wait for COMMIT. SET CONSTRAINTS chooses which keys are deferred in a
// transaction, as in PostgreSQL.

// deferral is what pg_get_constraintdef prints after the key's definition, and what
// catalog.TextDeferral stores: "DEFERRABLE", "DEFERRABLE INITIALLY DEFERRED", or "".
func (fk *fkPlan) deferral() string {
	switch {
	case fk.initDeferred:
		return catalog.DeferrableInitiallyDeferred
	case fk.deferrable:
		return catalog.Deferrable
	}
	return ""
}

// tableConstraint is fk as a table constraint (FOREIGN KEY (cols) REFERENCES …), with its
// deferral.
func (fk *fkPlan) tableConstraint() *pg_query.Constraint {
	cn := &pg_query.Constraint{Contype: pg_query.ConstrType_CONSTR_FOREIGN, Conname: fk.name, Pktable: fk.refTable,
		FkUpdAction: fk.onUpdate, FkDelAction: fk.onDelete, FkMatchtype: fk.match,
		Deferrable: fk.deferrable, Initdeferred: fk.initDeferred, InitiallyValid: true, Location: -1}
	for _, c := range fk.cols {
		cn.FkAttrs = append(cn.FkAttrs, pg_query.MakeStrNode(c))
	}
	for _, c := range fk.refCols {
		cn.PkAttrs = append(cn.PkAttrs, pg_query.MakeStrNode(c))
	}
	return cn
}

// deferralTexts returns texts with the deferral of each key in fks recorded (and the one of a
// NOT DEFERRABLE key of the same name removed).
func deferralTexts(texts []catalog.Text, fks []*fkPlan) []catalog.Text {
	for _, fk := range fks {
		texts = withoutText(texts, catalog.TextDeferral, fk.name)
		if d := fk.deferral(); d != "" {
			texts = append(texts, catalog.Text{Kind: catalog.TextDeferral, Name: fk.name, Expr: catalog.Expr{Plain: d}})
		}
	}
	return texts
}

// withoutText returns texts without the text of kind and name.
func withoutText(texts []catalog.Text, kind catalog.TextKind, name string) []catalog.Text {
	out := texts[:0:0]
	for _, x := range texts {
		if x.Kind != kind || x.Name != name {
			out = append(out, x)
		}
	}
	return out
}

// refuseDeferrable is the error of a DEFERRABLE or INITIALLY DEFERRED constraint other than a
// foreign key: PostgreSQL's for CHECK (and NOT NULL), 0A000 for UNIQUE and PRIMARY KEY, which
// PostgreSQL checks at the end of the statement or transaction and TiDB row by row.
func refuseDeferrable(cn *pg_query.Constraint) error {
	switch cn.GetContype() {
	case pg_query.ConstrType_CONSTR_PRIMARY, pg_query.ConstrType_CONSTR_UNIQUE:
		return pgerror.Unsupported("DEFERRABLE " + constraintWord(cn) + " constraints").
			WithHint("TiDB checks unique keys row by row; declare it NOT DEFERRABLE.")
	}
	if cn.GetContype() == pg_query.ConstrType_CONSTR_CHECK {
		return pgerror.New(pgerrcode.FeatureNotSupported, "CHECK constraints cannot be marked DEFERRABLE")
	}
	return pgerror.Unsupported("DEFERRABLE constraints other than foreign keys")
}

// constraintAttribute applies a column constraint's DEFERRABLE, NOT DEFERRABLE, INITIALLY
// DEFERRED or INITIALLY IMMEDIATE to the constraint before it, with PostgreSQL's errors
// (transformConstraintAttrs).
func (p *tablePlan) constraintAttribute(cn *pg_query.Constraint) error {
	clause := map[pg_query.ConstrType]string{
		pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE:     "DEFERRABLE",
		pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE: "NOT DEFERRABLE",
		pg_query.ConstrType_CONSTR_ATTR_DEFERRED:       "INITIALLY DEFERRED",
		pg_query.ConstrType_CONSTR_ATTR_IMMEDIATE:      "INITIALLY IMMEDIATE",
	}[cn.GetContype()]
	at := func(err *pgerror.Error) error {
		if cn.GetLocation() >= 0 {
			err.Position = cn.GetLocation() + 1
		}
		return err
	}
	switch p.last.GetContype() {
	case pg_query.ConstrType_CONSTR_FOREIGN, pg_query.ConstrType_CONSTR_PRIMARY, pg_query.ConstrType_CONSTR_UNIQUE,
		pg_query.ConstrType_CONSTR_EXCLUSION:
	default:
		return at(pgerror.Newf(pgerrcode.SyntaxError, "misplaced %s clause", clause))
	}
	deferrable, initDeferred := p.last.GetDeferrable(), p.last.GetInitdeferred()
	if fk := p.lastFK; fk != nil {
		deferrable, initDeferred = fk.deferrable, fk.initDeferred
	}
	switch cn.GetContype() {
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE, pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE:
		if p.sawDeferrability {
			return at(pgerror.New(pgerrcode.SyntaxError, "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed"))
		}
		p.sawDeferrability = true
		deferrable = cn.GetContype() == pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE
		if !deferrable && p.sawInitially && initDeferred {
			return at(pgerror.New(pgerrcode.SyntaxError, "constraint declared INITIALLY DEFERRED must be DEFERRABLE"))
		}
	default:
		if p.sawInitially {
			return at(pgerror.New(pgerrcode.SyntaxError, "multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed"))
		}
		p.sawInitially = true
		initDeferred = cn.GetContype() == pg_query.ConstrType_CONSTR_ATTR_DEFERRED
		if initDeferred && !p.sawDeferrability {
			deferrable = true
		} else if initDeferred && !deferrable {
			return at(pgerror.New(pgerrcode.SyntaxError, "constraint declared INITIALLY DEFERRED must be DEFERRABLE"))
		}
	}
	if p.lastFK == nil {
		if deferrable {
			return refuseDeferrable(p.last)
		}
		return nil
	}
	p.lastFK.deferrable, p.lastFK.initDeferred = deferrable, initDeferred
	return nil
}
