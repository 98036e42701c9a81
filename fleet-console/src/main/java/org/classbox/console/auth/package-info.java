/**
 * Operators: accounts with PBKDF2 password hashes and roles, sessions kept (as hashes) in the console's store so that
 * several instances share them, CSRF tokens, the login slowdown, the first-start admin, and the guard every API
 * request passes before its route runs. Routes run on the HTTP server's event loop; SQL on the store's worker;
 * password hashing on the {@code console-auth} worker.
 */
package org.classbox.console.auth;
