// Package account is who may do what: sign-up with a password policy and sanitised display
// names, argon2id password hashes, server-side sessions rotated on every login, single-use
// mailed links for email verification and password reset, roles, and rate limits.
//
// The web layer owns cookies and forms; this package hands it opaque tokens and users.
// Tokens are random 256-bit values; only their SHA-256 reaches the database.
package account
