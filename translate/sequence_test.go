package translate

import "github.com/pgtidb/pgtidb/catalog"

var _ SequenceOwnerResolver = keyedResolver{}

// SequenceOwner implements SequenceOwnerResolver over the plan tests' tables.
func (r keyedResolver) SequenceOwner(tidbDB, seq string) (*catalog.Table, string, error) {
	for name := range keyedTables {
		tbl, err := r.LookupTable("", name)
		if err != nil || tbl == nil || tbl.Database != tidbDB {
			continue
		}
		for _, c := range tbl.Columns {
			if c.Sequence == seq {
				return tbl, c.Name, nil
			}
		}
	}
	return nil, "", nil
}
