package proxy

import (
	"github.com/pgtidb/pgtidb/translate"
)

// applySetConfig carries out the set_config calls of a statement that ran without error, as
// the SET or SET LOCAL they stand for (the value is taken verbatim, as set_config takes it,
// not as SET's argument list). set_config(…, true) outside a transaction block lasts only for
// the statement's own transaction, so it changes nothing afterwards (and, unlike SET LOCAL,
// PostgreSQL does not warn).
func (s *session) applySetConfig(changes []translate.SetConfig) error {
	for _, c := range changes {
		if c.Local && !s.txn.InBlock() {
			continue
		}
		if c.Local {
			s.txn.SetLocal(c.Name, s.gucs)
		}
		if err := s.gucs.Set(c.Name, c.Value); err != nil {
			return err
		}
	}
	s.reportChanges()
	return nil
}
