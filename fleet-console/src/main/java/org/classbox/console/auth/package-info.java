/**
 * Operators: accounts with hashed passwords and roles, sessions that expire, CSRF tokens, and the guard every API
 * request passes before its route runs.
 */
package org.classbox.console.auth;
