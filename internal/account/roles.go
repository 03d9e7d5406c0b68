package account

import "newsdesk/internal/store"

// rank orders roles; 0 is not a role.
func rank(role string) int {
	switch role {
	case store.RoleReader:
		return 1
	case store.RoleModerator:
		return 2
	case store.RoleAdmin:
		return 3
	}
	return 0
}

// HasRole reports whether u is a live account with role or a stronger one. The zero
// User (anonymous) has no role.
func HasRole(u store.User, role string) bool {
	return u.ID != 0 && !u.Deleted() && rank(role) > 0 && rank(u.Role) >= rank(role)
}

// Require is HasRole as an error: ErrForbidden when u lacks role.
func Require(u store.User, role string) error {
	if !HasRole(u, role) {
		return ErrForbidden
	}
	return nil
}

// CanModerate reports whether u may use the moderation queue and the admin console.
func CanModerate(u store.User) bool { return HasRole(u, store.RoleModerator) }
