package cli

import (
	"context"
	"errors"
)

// runFeed is a placeholder owned by the helper building this command; replace this file.
func runFeed(ctx context.Context, env *Env, args []string) error {
	return errors.New("not implemented yet")
}
