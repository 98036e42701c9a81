package org.classbox.agent.lessons.materials;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.classbox.agent.config.MaterialsConfig;
import org.classbox.agent.journal.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports materials from a USB drive mounted at {@code materials.usbDir}, polled every {@code materials.usbPollSeconds}
 * (a drive is read once per manifest; unplugging and plugging it again reads it again). Each manifest entry that
 * names a scheduled lesson's material, with the schedule's size and sha256, is copied into the lesson's folder
 * through a temporary file that is hashed while copied, forced to disk and renamed into place, then marked complete.
 * Everything else is reported with its file and reason and not used. Copies run on the {@code materials-usb} worker.
 */
public final class UsbImport {
    private static final Logger log = LoggerFactory.getLogger(UsbImport.class);

    private final Vertx vertx;
    private final MaterialsConfig config;
    private final MaterialStore store;
    private final MaterialProgress progress;
    private Context context;
    private WorkerExecutor worker;
    private long timer = -1;
    private String lastManifest;
    private Future<UsbReport> scanning;

    public UsbImport(Vertx vertx, MaterialsConfig config, MaterialStore store,
                     Function<JournalEntry, Future<Long>> journal) {
        this.vertx = vertx;
        this.config = config;
        this.store = store;
        this.progress = new MaterialProgress(journal);
    }

    /** What one look at the drive did. */
    public record UsbReport(List<String> imported, List<Rejected> rejected) {
    }

    /** A manifest entry not used: the file on the drive (or the entry) and why. */
    public record Rejected(String file, String reason) {
    }

    public Future<Void> start() {
        if (config.usbPath() == null) {
            return Future.succeededFuture();
        }
        context = vertx.getOrCreateContext();
        worker = vertx.createSharedWorkerExecutor("materials-usb", 1);
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            timer = vertx.setPeriodic(config.usbPollSeconds() * 1000L, id -> scan());
            scan().onComplete(x -> started.complete());
        });
        return started.future();
    }

    public Future<Void> stop() {
        if (context == null) {
            return Future.succeededFuture();
        }
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> {
            vertx.cancelTimer(timer);
            Future<UsbReport> last = scanning == null ? Future.succeededFuture() : scanning;
            last.eventually(() -> worker.close()).onComplete(x -> stopped.complete());
        });
        return stopped.future();
    }

    /** Reads the drive now, unless its manifest was already read; a scan already running is returned instead. */
    public Future<UsbReport> scan() {
        if (scanning != null && !scanning.isComplete()) {
            return scanning;
        }
        Path root = config.usbPath();
        Path manifestFile = root.resolve(UsbManifest.FILE);
        scanning = worker.<String>executeBlocking(() -> Files.isRegularFile(manifestFile)
                ? Files.readString(manifestFile, StandardCharsets.UTF_8) : null).compose(text -> {
                    if (text == null || text.equals(lastManifest)) {
                        lastManifest = text;
                        return Future.succeededFuture(new UsbReport(List.of(), List.of()));
                    }
                    lastManifest = text;
                    UsbManifest manifest;
                    try {
                        manifest = UsbManifest.parse(text, root);
                    } catch (IllegalArgumentException e) {
                        log.warn("USB drive at {} not used: {}", root, e.getMessage());
                        return Future.succeededFuture(new UsbReport(List.of(),
                                List.of(new Rejected(manifestFile.toString(), e.getMessage()))));
                    }
                    return store.all().compose(states -> importAll(manifest, states));
                }).onFailure(e -> log.warn("USB drive at {} not read: {}", root, e.getMessage()));
        return scanning;
    }

    private Future<UsbReport> importAll(UsbManifest manifest, List<MaterialState> states) {
        Map<String, MaterialState> wanted = states.stream().collect(Collectors.toMap(
                s -> s.material().lessonId() + "/" + s.material().name(), s -> s));
        List<String> imported = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (UsbManifest.Entry entry : manifest.entries()) {
            chain = chain.compose(v -> importOne(entry, wanted.get(entry.lessonId() + "/" + entry.name()))
                    .map(problem -> {
                        String where = entry.file() != null ? entry.file().toString()
                                : entry.lessonId() + "/" + entry.name();
                        if (problem.isEmpty()) {
                            imported.add(entry.lessonId() + "/" + entry.name());
                        } else if (!problem.get().isEmpty()) {
                            rejected.add(new Rejected(where, problem.get()));
                            log.warn("USB material {} not used: {}", where, problem.get());
                        }
                        return null;
                    }));
        }
        return chain.map(v -> new UsbReport(imported, rejected));
    }

    /** Empty when imported; an empty reason when there was nothing to do; else why it was not used. */
    private Future<Optional<String>> importOne(UsbManifest.Entry entry, MaterialState state) {
        if (entry.problem() != null) {
            return Future.succeededFuture(Optional.of(entry.problem()));
        }
        if (state == null) {
            return Future.succeededFuture(Optional.of("not a material of a scheduled lesson (lesson "
                    + entry.lessonId() + ", name " + entry.name() + ")"));
        }
        Material m = state.material();
        if (state.complete()) {
            return Future.succeededFuture(Optional.of(""));
        }
        if (entry.bytes() != m.bytes() || !m.sha256().equals(entry.sha256())) {
            String reason = "the manifest says " + entry.bytes() + " bytes, sha256 " + entry.sha256()
                    + " but the schedule wants " + m.bytes() + " bytes, sha256 " + m.sha256();
            progress.error(m, "usb: " + reason);
            return Future.succeededFuture(Optional.of(reason));
        }
        Path temp = store.files().part(m.lessonId(), m.name()).resolveSibling(m.name() + ".usb");
        return worker.executeBlocking(() -> copy(entry.file(), temp, m)).compose(mismatch -> {
            if (mismatch != null) {
                progress.error(m, "usb: " + mismatch);
                return Future.succeededFuture(Optional.of(mismatch));
            }
            log.info("material {} of lesson {} imported from USB {}", m.name(), m.lessonId(), entry.file());
            progress.complete(m);
            return store.complete(m).map(Optional.<String>empty());
        });
    }

    /** Copies and checks one file; null when it is in place, else why it was not used. */
    private String copy(Path from, Path temp, Material m) throws IOException {
        if (!Files.isRegularFile(from)) {
            return "no such file on the drive";
        }
        long size = Files.size(from);
        if (size != m.bytes()) {
            return "the file has " + size + " bytes, the schedule wants " + m.bytes();
        }
        Files.createDirectories(temp.getParent());
        MessageDigest digest = MaterialFiles.newDigest();
        try (InputStream in = Files.newInputStream(from);
             FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream sink = Channels.newOutputStream(out);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                sink.write(buffer, 0, n);
            }
            out.force(true);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (!sha256.equals(m.sha256())) {
            Files.deleteIfExists(temp);
            return "the file's sha256 is " + sha256 + ", the manifest and schedule say " + m.sha256();
        }
        store.files().promote(temp, m.lessonId(), m.name());
        return null;
    }
}
