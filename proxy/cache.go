package proxy

import (
	"strconv"
	"sync"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// stmtCache caches parse trees by query text and translations by text, database, search
// path, catalog generation and declared parameter types. Both are bounded: when full, the map
// is dropped and refilled (the working set of an application is small and stable).
type stmtCache struct {
	mu           sync.RWMutex
	max          int
	parses       map[string]parseResult
	translations map[translationKey]*prepared
}

type parseResult struct {
	stmts []*pg_query.RawStmt
	err   error
}

type translationKey struct {
	// timeZone is part of the key: timestamptz literals are converted to UTC at translation.
	text, database, searchPath, timeZone, params string
	generation                                   uint64
}

func newStmtCache(max int) *stmtCache {
	return &stmtCache{max: max, parses: map[string]parseResult{}, translations: map[translationKey]*prepared{}}
}

func (c *stmtCache) getParse(sql string) (parseResult, bool) {
	c.mu.RLock()
	r, ok := c.parses[sql]
	c.mu.RUnlock()
	return r, ok
}

func (c *stmtCache) putParse(sql string, r parseResult) {
	c.mu.Lock()
	if len(c.parses) >= c.max {
		c.parses = map[string]parseResult{}
	}
	c.parses[sql] = r
	c.mu.Unlock()
}

func (c *stmtCache) getTranslation(k translationKey) (*prepared, bool) {
	c.mu.RLock()
	p, ok := c.translations[k]
	c.mu.RUnlock()
	return p, ok
}

func (c *stmtCache) putTranslation(k translationKey, p *prepared) {
	c.mu.Lock()
	if len(c.translations) >= c.max {
		c.translations = map[translationKey]*prepared{}
	}
	c.translations[k] = p
	c.mu.Unlock()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
