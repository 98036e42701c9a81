package org.classbox.console.auth;

/**
 * A row of {@code operators}. {@code mustChange}: the password is a one-time one that its owner must replace before
 * doing anything else.
 */
public record Account(String name, Role role, String passwordHash, long createdAt, boolean disabled,
                      boolean mustChange) {
}
