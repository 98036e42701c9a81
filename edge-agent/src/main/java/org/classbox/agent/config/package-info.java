/**
 * The agent's typed configuration: one record per concern under {@link AgentConfig}, each validating its values in
 * its constructor with messages naming the key, the expectation and the value. Built once at start-up from
 * {@link org.classbox.settings.Settings}; the sample file {@code agent.sample.properties} lists every key.
 */
package org.classbox.agent.config;
