package account

import (
	"time"

	"newsdesk/internal/ratelimit"
)

// Rates the issue names; the web layer keys them by client IP and by account.
var (
	LoginRate   = ratelimit.Rate{N: 5, Per: time.Minute}
	CommentRate = ratelimit.Rate{N: 1, Per: 10 * time.Second}
	VoteRate    = ratelimit.Rate{N: 30, Per: time.Minute}
)
