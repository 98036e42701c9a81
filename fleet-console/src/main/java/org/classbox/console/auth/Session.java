package org.classbox.console.auth;

/** A live session joined with its operator's account as it is now (role, disabled, one-time password). */
record Session(String idHash, String csrfToken, long createdAt, long lastUsedAt, long expiresAt, Account account) {
    Operator operator() {
        return new Operator(account.name(), account.role());
    }

    Session usedAt(long now) {
        return new Session(idHash, csrfToken, createdAt, now, expiresAt, account);
    }
}
