package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"newsdesk/internal/config"
)

func runUsers(ctx context.Context, env *Env, args []string) error {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	if sub == "create-admin" {
		return usersCreateAdmin(ctx, env, args)
	}
	fmt.Fprint(env.Stderr, `Usage: newsdesk users <command> [flags]

Commands:
  create-admin --email E --name N [--password-file F]   create a verified admin account
`)
	if sub == "" || sub == "-h" || sub == "--help" || sub == "help" {
		return flag.ErrHelp
	}
	return fmt.Errorf("unknown users command %q", sub)
}

// usersCreateAdmin creates the first admin (or another one): the web site has no way to
// make one, since roles are given by admins. The password comes from a file or the first
// line of standard input, never from a flag, which would leave it in the shell history
// and the process list.
func usersCreateAdmin(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "users create-admin", "users create-admin --email E --name N [--password-file F] [--db DSN]\n\n"+
		"Creates a verified admin account. Without --password-file the password is read from the first line of standard input.")
	email := fs.String("email", "", "the admin's email `address`")
	name := fs.String("name", "", "the admin's display `name`")
	pwFile := fs.String("password-file", "", "read the password from the first line of `file`")
	flags := config.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *email == "" || *name == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	password, err := readPassword(env, *pwFile)
	if err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	log := newLogger(env, cfg.LogLevel)
	st, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()
	acc, err := newAccounts(cfg, st, log)
	if err != nil {
		return err
	}
	u, err := acc.CreateAdmin(ctx, *email, *name, password)
	if err != nil {
		return fmt.Errorf("create admin: %w", err)
	}
	fmt.Fprintf(env.Stdout, "created admin %s <%s> (id %d)\n", u.DisplayName, u.Email, u.ID)
	return nil
}

var errNoPassword = errors.New("no password given")

// readPassword reads the first line of path, or of standard input when path is empty,
// without its line ending.
func readPassword(env *Env, path string) (string, error) {
	src := env.Stdin
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return "", fmt.Errorf("password file: %w", err)
		}
		defer f.Close()
		src = f
	} else {
		fmt.Fprint(env.Stderr, "Password: ")
	}
	line, err := bufio.NewReader(src).ReadString('\n')
	if err != nil && line == "" {
		return "", errNoPassword
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errNoPassword
	}
	return line, nil
}
