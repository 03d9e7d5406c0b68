package config

import "testing"

func TestEditionsSetting(t *testing.T) {
	t.Parallel()
	c, err := load(t, map[string]string{"NEWSDESK_EDITIONS": "us/en=United States,ie/en=Ireland,de/de"})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Editions) != 3 || c.Editions[1].Key() != "ie/en" || c.Editions[2].Name != "Deutschland" {
		t.Errorf("editions %+v", c.Editions)
	}
	if c, err := load(t, nil); err != nil || c.Editions != nil {
		t.Errorf("unset: %+v, %v; want none (derived from the publishers later)", c.Editions, err)
	}
	if _, err := load(t, map[string]string{"NEWSDESK_EDITIONS": "usa/english"}); err == nil {
		t.Error("accepted usa/english")
	}
}
