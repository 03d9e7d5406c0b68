package web

import (
	"net/http"
	"strconv"
	"time"

	"newsdesk/internal/account"
	"newsdesk/internal/ratelimit"
)

// limits are the per-client rate limits of the writing routes. Clients are told apart by
// the connection's address: X-Forwarded-For is not believed, since anyone can send it and
// newsdesk has no trusted-proxy setting yet. Behind a proxy every reader shares its
// address, so the per-IP limits are generous and the per-account ones do the fine work.
type limits struct {
	authIP      *ratelimit.Limiter // login, sign-up and reset forms, per address
	loginUser   *ratelimit.Limiter // login attempts per email address
	commentUser *ratelimit.Limiter // comments and edits per account
	commentIP   *ratelimit.Limiter
	voteUser    *ratelimit.Limiter // votes and reports per account
}

func newLimits(now func() time.Time) *limits {
	return &limits{
		authIP:      ratelimit.New(account.LoginRate, now),
		loginUser:   ratelimit.New(account.LoginRate, now),
		commentUser: ratelimit.New(account.CommentRate, now),
		commentIP:   ratelimit.New(ratelimit.Rate{N: 30, Per: time.Minute}, now),
		voteUser:    ratelimit.New(account.VoteRate, now),
	}
}

// allow takes a token from each limiter under its key; when one has none it answers 429
// with Retry-After and reports false.
func (s *Server) allow(w http.ResponseWriter, checks ...limitCheck) bool {
	for _, c := range checks {
		if ok, wait := c.l.Allow(c.key); !ok {
			secs := int(wait/time.Second) + 1
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			s.errorPage(w, http.StatusTooManyRequests, errorView{Heading: "Slow down",
				Message: "Too many attempts from here. Try again in " + strconv.Itoa(secs) + " seconds."})
			return false
		}
	}
	return true
}

type limitCheck struct {
	l   *ratelimit.Limiter
	key string
}
