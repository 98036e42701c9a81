/**
 * The commissioning self-test's way to the fleet: the outbox the provisioning CLI writes reports into, watched on a
 * timer of the agent's context, each report journaled as one event of device {@code commissioning} (file work on the
 * {@code commissioning} worker) and deleted once committed.
 */
package org.classbox.agent.commissioning;
