// Command newsdesk is a self-hosted news aggregator in one binary.
package main

import (
	"os"

	"newsdesk/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
