package account

import (
	"errors"
	"strings"
	"testing"
)

// testParams keep tests fast; the code paths are the same as with DefaultParams.
var testParams = Params{Time: 1, Memory: 1024, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashAndVerify(t *testing.T) {
	t.Parallel()
	h, err := HashPassword("correct horse battery", testParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash %q is not in PHC form", h)
	}
	h2, _ := HashPassword("correct horse battery", testParams)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	tests := []struct {
		password, hash string
		ok             bool
		err            error
	}{
		{"correct horse battery", h, true, nil},
		{"correct horse battery", h2, true, nil},
		{"correct horse batterY", h, false, nil},
		{"", h, false, nil},
		{"x", "", false, ErrBadHash},
		{"x", "$2a$10$abcdefghijklmnopqrstuv", false, ErrBadHash},
		{"x", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$a2V5", false, ErrBadHash},
		{"x", "$argon2id$v=16$m=1024,t=1,p=1$c2FsdA$a2V5", false, ErrBadHash},
		{"x", "$argon2id$v=19$m=0,t=1,p=1$c2FsdA$a2V5", false, ErrBadHash},
		{"x", "$argon2id$v=19$m=1024,t=1,p=1$!!$a2V5", false, ErrBadHash},
	}
	for _, tt := range tests {
		ok, err := VerifyPassword(tt.password, tt.hash)
		if ok != tt.ok || !errors.Is(err, tt.err) {
			t.Errorf("VerifyPassword(%q, %q) = %v, %v; want %v, %v", tt.password, tt.hash, ok, err, tt.ok, tt.err)
		}
	}
	if NeedsRehash(h, testParams) {
		t.Error("a hash made with the current parameters needs rehash")
	}
	if !NeedsRehash(h, DefaultParams) || !NeedsRehash("garbage", testParams) {
		t.Error("a hash with other parameters, or a garbage one, does not need rehash")
	}
}
