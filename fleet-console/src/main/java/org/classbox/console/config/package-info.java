/**
 * The console's typed configuration: one record per concern under {@link ConsoleConfig}, validated in constructors
 * with messages naming the key, the expectation and the value. Built once at start-up.
 */
package org.classbox.console.config;
