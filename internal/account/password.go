package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters. A hash records the parameters it was made with,
// so raising them later leaves old hashes verifiable; NeedsRehash tells when to upgrade
// one at the next successful login.
type Params struct {
	Time    uint32 // passes over memory
	Memory  uint32 // KiB
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams follow RFC 9106's second recommended option (64 MiB, 3 passes) scaled to a
// small self-hosted server: 64 MiB, 2 passes, 2 lanes — about 50–100 ms on one core of a
// current machine, within OWASP's argon2id guidance (≥ 19 MiB, ≥ 2 passes). Login is rate
// limited separately, so the cost only has to make offline guessing of a stolen database slow.
var DefaultParams = Params{Time: 2, Memory: 64 * 1024, Threads: 2, SaltLen: 16, KeyLen: 32}

// ErrBadHash is returned for a stored hash that is not one this package wrote.
var ErrBadHash = errors.New("account: malformed password hash")

// HashPassword returns the PHC string form of an argon2id hash of password:
// $argon2id$v=19$m=65536,t=2,p=2$<salt>$<key>, both base64 without padding.
func HashPassword(password string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("account: salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var b64 = base64.RawStdEncoding

// decodeHash parses a PHC string written by HashPassword.
func decodeHash(hash string) (Params, []byte, []byte, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return Params{}, nil, nil, ErrBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return Params{}, nil, nil, ErrBadHash
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return Params{}, nil, nil, ErrBadHash
	}
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) == 0 || len(key) == 0 || p.Time == 0 || p.Memory == 0 || p.Threads == 0 {
		return Params{}, nil, nil, ErrBadHash
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// VerifyPassword reports whether password matches hash. The comparison takes the same
// time wherever the first differing byte is.
func VerifyPassword(password, hash string) (bool, error) {
	p, salt, key, err := decodeHash(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether hash was made with parameters other than p.
func NeedsRehash(hash string, p Params) bool {
	hp, _, _, err := decodeHash(hash)
	return err != nil || hp.Time != p.Time || hp.Memory != p.Memory || hp.Threads != p.Threads || hp.KeyLen != p.KeyLen
}
