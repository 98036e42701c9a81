package org.classbox.drivers.terminal.probe;

/**
 * One poll of the prober: the median round-trip time of the probes that got through (NaN when none did) and the
 * share that did not.
 */
public record ProbeResult(double rttMillis, double lossPercent, int sent, int answered) {
    public boolean anyAnswered() {
        return answered > 0;
    }
}
