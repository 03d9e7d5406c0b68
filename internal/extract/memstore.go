package extract

import (
	"context"
	"sync"
)

// MemoryTemplates is a TemplateStore in memory, for tests, benchmarks and one-off CLI runs.
type MemoryTemplates struct {
	mu    sync.Mutex
	state map[string][]byte
	pages map[string]int
}

// NewMemoryTemplates returns an empty in-memory template store.
func NewMemoryTemplates() *MemoryTemplates {
	return &MemoryTemplates{state: map[string][]byte{}, pages: map[string]int{}}
}

// LoadSiteTemplate returns the saved state of site or ErrNoTemplate.
func (m *MemoryTemplates) LoadSiteTemplate(_ context.Context, site string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.state[site]
	if !ok {
		return nil, ErrNoTemplate
	}
	return append([]byte(nil), s...), nil
}

// SaveSiteTemplate stores the state of site.
func (m *MemoryTemplates) SaveSiteTemplate(_ context.Context, site string, state []byte, pages int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.state[site] = append([]byte(nil), state...)
	m.pages[site] = pages
	return nil
}
