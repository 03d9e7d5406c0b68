package cli

import (
	"context"
	"errors"
)

// runSummarize is a placeholder owned by the helper building this command; replace this file.
func runSummarize(ctx context.Context, env *Env, args []string) error {
	return errors.New("not implemented yet")
}
