/**
 * Typed configuration for every classbox process: keys read from built-in defaults, then a properties file, then
 * {@code CLASSBOX_*} environment variables, then {@code --key=value} flags. Values are checked where they are read and
 * in the constructors of each process's configuration records; any failure is a {@link ConfigException} naming the
 * key, the value and what was expected, which a {@code Main} turns into exit code 2. Used once at start-up.
 */
package org.classbox.settings;
