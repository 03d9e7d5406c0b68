package account

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// newToken returns a random 256-bit token, URL-safe, for a cookie or a mailed link.
func newToken() string {
	b := make([]byte, 32)
	// crypto/rand.Read never returns an error since Go 1.24; it aborts the program instead.
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is what the database keeps of a token. The token is already 256 random bits,
// so a fast unsalted hash is enough: there is nothing to guess.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
