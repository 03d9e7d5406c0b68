package ingest

import (
	"context"
	"database/sql"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"newsdesk/internal/store/storetest"
)

// The pipeline on PostgreSQL, River included, in a schema of its own.
func TestPipelineStoresCleanArticlesOncePostgres(t *testing.T) {
	t.Parallel()
	dsn := storetest.PostgresDSN(t)
	pipelineStoresCleanArticlesOnce(t, dsn)

	// River's tables and jobs are in the test's schema, beside the store's.
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	var tables, jobs int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name IN ('river_job', 'articles')`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 2 {
		t.Errorf("found %d of river_job and articles in the test schema, want both", tables)
	}
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM river_job WHERE kind = $1`, FetchArticleArgs{}.Kind()).Scan(&jobs); err != nil {
		t.Fatal(err)
	}
	if jobs < 3 {
		t.Errorf("%d article jobs in the test schema's river_job, want at least 3", jobs)
	}
}
