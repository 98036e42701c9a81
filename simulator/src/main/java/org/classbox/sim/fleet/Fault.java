package org.classbox.sim.fleet;

/** The device faults a simulated box plays at the fleet's seeded rate, each for a while. */
public enum Fault {
    /** The projector's lamp fails: {@code Error} lamp:error, power off, power on refused until it is replaced. */
    LAMP_FAILURE,
    /** The box runs hot: {@code Temperature/Cpu} near 85 °C, {@code Alarm/OverTemperature}. */
    OVER_TEMPERATURE,
    /** The satellite link degrades: round trips near 1.8 s, a third of probes lost, {@code Link/State} DEGRADED. */
    LINK_DEGRADED
}
