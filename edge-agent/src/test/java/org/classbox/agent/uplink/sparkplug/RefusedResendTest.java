package org.classbox.agent.uplink.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.OnContext;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.Mosquitto;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against Debian's mosquitto, whose ACL first refuses the box's DDATA (PUBACK 0x87) and, reloaded, accepts it: the
 * DDATA sent again after the refusals carries the seq of its first attempt, so the host sees the hole it left filled
 * rather than a lost message (which would cost a rebirth over the satellite).
 */
@ExtendWith(TestGuard.class)
class RefusedResendTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BIRTHS_ONLY = "topic read spBv1.0/#\ntopic write spBv1.0/school-7/NBIRTH/box-42\n"
            + "topic write spBv1.0/school-7/DBIRTH/box-42/#\ntopic write spBv1.0/school-7/NDEATH/box-42\n";

    @TempDir
    Path dir;
    private Mosquitto broker;
    private Vertx vertx;
    private Journal journal;
    private EdgeNode node;
    private BrokerSubscriber host;
    private Context context;

    @Test
    void a_refused_ddata_is_sent_again_with_its_first_seq() throws Exception {
        Path acl = dir.resolve("acl");
        Files.writeString(acl, BIRTHS_ONLY);
        broker = Mosquitto.start(dir, List.of("allow_anonymous true", "acl_file " + acl, "log_type all"));
        String uri = "tcp://127.0.0.1:" + broker.port();
        host = new BrokerSubscriber(uri, "host");
        vertx = Vertx.vertx();
        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        journal.start().await(30, TimeUnit.SECONDS);
        context = vertx.getOrCreateContext();
        UplinkConfig uplink = new UplinkConfig(uri, 10, 5, 50, 500, 5, 4, "");
        node = OnContext.run(context, () -> Future.succeededFuture(new EdgeNode(vertx,
                new IdentityConfig("school-7", "box-42"), uplink, journal, new MqttUplink(context, uplink, "box-42"),
                now -> Map.of("projector", List.of(Metric.of(Metrics.POWER, MetricType.STRING, "on", now))))))
                .await(10, TimeUnit.SECONDS);
        OnContext.run(context, node::start).await(30, TimeUnit.SECONDS);
        Await.until(WAIT, "NBIRTH and DBIRTH", () -> !host.of(MessageType.DBIRTH).isEmpty());

        long now = System.currentTimeMillis();
        journal.append(new JournalEntry(RecordClass.HEALTH, "projector", now, PayloadCodec.encode(new Payload(now,
                null, List.of(Metric.of(Metrics.POWER, MetricType.STRING, "off", now)))))).await(10, TimeUnit.SECONDS);
        context.runOnContext(v -> node.recordAppended());
        Await.until(WAIT, "the DDATA refused twice", () -> broker.logText().split("Denied PUBLISH from box-42",
                -1).length > 2);
        Files.writeString(acl, "topic readwrite spBv1.0/#\n");
        broker.reload();

        Await.until(WAIT, "the DDATA accepted", () -> !host.of(MessageType.DDATA).isEmpty());
        assertEquals(0L, host.of(MessageType.NBIRTH).get(0).payload().seq());
        assertEquals(1L, host.of(MessageType.DBIRTH).get(0).payload().seq());
        assertEquals(2L, host.of(MessageType.DDATA).get(0).payload().seq(), "the seq of its first attempt");
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            OnContext.run(context, node::stop).await(30, TimeUnit.SECONDS);
        }
        if (journal != null) {
            journal.stop().await(10, TimeUnit.SECONDS);
        }
        if (host != null) {
            host.close();
        }
        if (vertx != null) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.close();
        }
    }
}
