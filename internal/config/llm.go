package config

import "newsdesk/internal/llm"

// LLM returns the language model settings as package llm reads them, and whether the model is
// configured at all. The settings table is their one parser: llm.ConfigFromEnv reads the same
// variables for programs without a Config, and is not called here, so a value is never read
// (or a key file opened) twice. The caller adds what is not a setting: the logger.
func (c *Config) LLM() (llm.Config, bool) {
	if c.LLMURL == "" {
		return llm.Config{}, false
	}
	cache := c.LLMCacheSize
	if cache <= 0 {
		cache = -1 // llm reads 0 as "the default size" and a negative size as "no cache"
	}
	return llm.Config{
		URL:              c.LLMURL,
		Model:            c.LLMModel,
		APIKey:           c.LLMAPIKey,
		Timeout:          c.LLMTimeout,
		DailyBudget:      c.LLMDailyBudget,
		DailyRequests:    c.LLMDailyRequests,
		PerUserPerMinute: c.LLMPerUserPerMinute,
		PerIPPerMinute:   c.LLMPerIPPerMinute,
		CacheSize:        cache,
	}, true
}
