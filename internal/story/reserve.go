package story

// Reserve keeps ids up to id from new stories: another engine sharing the same store (a
// second ingest process) has used them, and an id must name one story only.
func (e *Engine) Reserve(id int64) { e.nextID = max(e.nextID, id+1) }
