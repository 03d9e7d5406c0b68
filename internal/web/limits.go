package web

import (
	"net/http"
	"strconv"
	"time"

	"newsdesk/internal/account"
)

// limits are the per-client rate limits of the writing routes. Clients are told apart by
// the connection's address: X-Forwarded-For is not believed, since anyone can send it and
// newsdesk has no trusted-proxy setting yet. Behind a proxy every reader shares its
// address, so the per-IP limits are generous and the per-account ones do the fine work.
type limits struct {
	authIP      *account.Limiter // login, sign-up and reset forms, per address
	loginUser   *account.Limiter // login attempts per email address
	commentUser *account.Limiter // comments and edits per account
	commentIP   *account.Limiter
	voteUser    *account.Limiter // votes and reports per account
}

func newLimits(now func() time.Time) *limits {
	return &limits{
		authIP:      account.NewLimiter(account.LoginRate, now),
		loginUser:   account.NewLimiter(account.LoginRate, now),
		commentUser: account.NewLimiter(account.CommentRate, now),
		commentIP:   account.NewLimiter(account.Rate{N: 30, Per: time.Minute}, now),
		voteUser:    account.NewLimiter(account.VoteRate, now),
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
	l   *account.Limiter
	key string
}
