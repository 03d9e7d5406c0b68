package cli

import (
	"context"
	"fmt"
	"runtime"
)

func runVersion(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "version", "version")
	if err := fs.Parse(args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "newsdesk %s (%s)\n", Version, runtime.Version())
	return nil
}
