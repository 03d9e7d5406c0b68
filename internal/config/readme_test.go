package config

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEListsEverySetting keeps the README's configuration table in step with the code.
func TestREADMEListsEverySetting(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skip("README.md not found next to the module")
	}
	for _, o := range Options() {
		if !strings.Contains(string(b), "`"+o.Env+"`") || !strings.Contains(string(b), "`--"+o.Flag+"`") {
			t.Errorf("README.md does not document %s / --%s", o.Env, o.Flag)
		}
	}
}
