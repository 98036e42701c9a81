package org.classbox.sparkplug;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.tahu.protobuf.SparkplugBProto;

/**
 * A host application's memory of metric aliases: for each edge node and each device, the alias to name and datatype
 * map declared by its latest NBIRTH or DBIRTH. {@link #decode} reads any Sparkplug payload: births replace the
 * sender's map, DATA and CMD messages have their aliases resolved, compressed payloads are inflated first.
 *
 * <p>A new NBIRTH does not forget the devices' maps: their DBIRTHs follow and replace them, and classbox boxes keep
 * an alias for a metric as long as they run. Safe to use from several threads.
 */
public final class AliasBook {
    private record Key(String groupId, String edgeNodeId, String deviceId) {
    }

    private final Map<Key, Map<Long, PayloadCodec.Definition>> books = new ConcurrentHashMap<>();
    /** The datatype the latest birth gave each metric name, aliased or not. */
    private final Map<Key, Map<String, MetricType>> types = new ConcurrentHashMap<>();

    /**
     * Decodes {@code bytes} received on {@code topic}. Fails with {@link UnknownAliasException} when a DATA message
     * uses an alias no birth declared (ask the edge node for a rebirth), with {@link SparkplugException} for
     * anything else malformed. A malformed birth changes nothing.
     */
    public Payload decode(SparkplugTopic topic, byte[] bytes) {
        SparkplugBProto.Payload proto = PayloadCodec.parse(bytes);
        Key key = new Key(topic.groupId(), topic.edgeNodeId(), topic.deviceId());
        if (topic.type() == MessageType.NBIRTH || topic.type() == MessageType.DBIRTH) {
            Payload birth = PayloadCodec.toPayload(proto, alias -> {
                throw new SparkplugException("birth metric with alias " + alias + " but no name or datatype on "
                        + topic);
            });
            books.put(key, definitions(proto, birth, topic));
            Map<String, MetricType> declared = new HashMap<>();
            birth.metrics().forEach(m -> declared.put(m.name(), m.type()));
            types.put(key, Map.copyOf(declared));
            return birth;
        }
        Map<Long, PayloadCodec.Definition> book = books.getOrDefault(key, Map.of());
        return PayloadCodec.toPayload(proto, alias -> {
            PayloadCodec.Definition definition = book.get(alias);
            if (definition == null) {
                throw new UnknownAliasException(topic, alias);
            }
            return definition;
        });
    }

    /**
     * The datatype the latest birth of {@code topic}'s edge node or device declared for metric {@code name}, or null
     * when no birth seen declared it.
     */
    public MetricType declaredType(SparkplugTopic topic, String name) {
        return types.getOrDefault(new Key(topic.groupId(), topic.edgeNodeId(), topic.deviceId()), Map.of()).get(name);
    }

    /** Forgets every map of one edge node and its devices, e.g. when the host stops tracking that node. */
    public void forget(String groupId, String edgeNodeId) {
        books.keySet().removeIf(k -> k.groupId().equals(groupId) && k.edgeNodeId().equals(edgeNodeId));
        types.keySet().removeIf(k -> k.groupId().equals(groupId) && k.edgeNodeId().equals(edgeNodeId));
    }

    private static Map<Long, PayloadCodec.Definition> definitions(SparkplugBProto.Payload proto, Payload birth,
                                                                  SparkplugTopic topic) {
        Map<Long, PayloadCodec.Definition> book = new HashMap<>();
        for (int i = 0; i < proto.getMetricsCount(); i++) {
            if (!proto.getMetrics(i).hasAlias()) {
                continue;
            }
            Metric metric = birth.metrics().get(i);
            PayloadCodec.Definition previous = book.put(proto.getMetrics(i).getAlias(),
                    new PayloadCodec.Definition(metric.name(), metric.type()));
            if (previous != null && !previous.name().equals(metric.name())) {
                throw new SparkplugException("birth on " + topic + " gives alias " + proto.getMetrics(i).getAlias()
                        + " to both '" + previous.name() + "' and '" + metric.name() + "'");
            }
        }
        return Map.copyOf(book);
    }
}
