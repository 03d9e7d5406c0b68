package cli

import (
	"context"
	"errors"
)

// benchCluster is a placeholder owned by the helper building this command; replace this file.
func benchCluster(ctx context.Context, env *Env, args []string) error {
	return errors.New("not implemented yet")
}
