package org.classbox.agent.uplink.sparkplug;

import org.classbox.sparkplug.StableAlias;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * The edge node's Sparkplug metric aliases: one per metric of the node ({@link #NODE}) and of each device, unique
 * across the node. Births declare them (name, alias, datatype); DATA messages then carry the alias alone.
 *
 * <p>An alias is a 32-bit hash of the device and metric name, not a counter: the same metric has the same alias in
 * every session and after every restart of the agent. A host that holds DATA it could not read (it missed the birth,
 * say after losing its store) can then read it with any later birth, and never with another metric's meaning. Two
 * names with the same hash (about one chance in 10^7 for a box's few dozen metrics) are resolved by sending the
 * later one by name: a host never misreads it, at the cost of a few bytes. Used on the agent's context only.
 */
final class Aliases {
    /** The key of the edge node's own metrics. */
    static final String NODE = "";

    private final Map<String, Map<String, Long>> aliases = new HashMap<>();
    private final Map<String, Map<String, MetricType>> types = new HashMap<>();
    /** Alias to "device NUL name", to find the rare collision. */
    private final Map<Long, String> owners = new HashMap<>();

    /** Gives every metric of {@code metrics} an alias on {@code device}; true when any of them was new. */
    boolean declare(String device, List<Metric> metrics) {
        Map<String, Long> known = aliases.computeIfAbsent(device, d -> new LinkedHashMap<>());
        Map<String, MetricType> knownTypes = types.computeIfAbsent(device, d -> new LinkedHashMap<>());
        boolean added = false;
        for (Metric metric : metrics) {
            if (!knownTypes.containsKey(metric.name())) {
                knownTypes.put(metric.name(), metric.type());
                String owner = device + '\0' + metric.name();
                long alias = StableAlias.of(device, metric.name());
                if (owners.putIfAbsent(alias, owner) == null) {
                    known.put(metric.name(), alias);
                }
                added = true;
            }
        }
        return added;
    }

    /** The FNV-1a hash behind every alias (the contract's {@link StableAlias}), for tests of its vectors. */
    static long stableAlias(String owner) {
        return StableAlias.fnv1a(owner);
    }

    /** The aliases of {@code device}'s metrics, by name. */
    Map<String, Long> of(String device) {
        return Collections.unmodifiableMap(aliases.getOrDefault(device, Map.of()));
    }

    /**
     * The aliases a DATA message of {@code metrics} may use: a metric whose type differs from the one its birth
     * declared keeps its name and datatype instead, so a host never reads its value with the wrong type.
     */
    Map<String, Long> forData(String device, List<Metric> metrics) {
        Map<String, Long> known = of(device);
        Map<String, MetricType> knownTypes = types.getOrDefault(device, Map.of());
        Map<String, Long> usable = known;
        for (Metric metric : metrics) {
            if (knownTypes.get(metric.name()) != metric.type() && usable.containsKey(metric.name())) {
                usable = usable == known ? new HashMap<>(known) : usable;
                usable.remove(metric.name());
            }
        }
        return usable;
    }

    Set<String> devices() {
        Set<String> devices = new java.util.LinkedHashSet<>(aliases.keySet());
        devices.remove(NODE);
        return devices;
    }

    /**
     * Metrics of {@code device} declared before but missing from {@code present}, each as a null value of its type
     * timestamped {@code now}: a birth must list every metric its DATA messages will use, and a null says the
     * current value is not known.
     */
    List<Metric> unknownValues(String device, List<Metric> present, long now) {
        Set<String> names = new java.util.HashSet<>();
        present.forEach(m -> names.add(m.name()));
        List<Metric> missing = new ArrayList<>();
        Map<String, MetricType> knownTypes = types.getOrDefault(device, Map.of());
        for (String name : knownTypes.keySet()) {
            if (!names.contains(name)) {
                missing.add(Metric.of(name, knownTypes.get(name), null, now));
            }
        }
        return missing;
    }
}
