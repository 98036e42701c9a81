package org.classbox.provisioning.discover;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classbox.drivers.camera.onvif.DiscoveredCamera;
import org.classbox.drivers.camera.onvif.WsDiscovery;
import org.classbox.drivers.pjlink.PjlinkDiscovery;
import org.classbox.drivers.terminal.TerminalSource;
import org.classbox.drivers.terminal.snmp.VsatClient;
import org.classbox.drivers.terminal.snmp.VsatOids;
import org.classbox.drivers.terminal.starlink.DishClient;

/**
 * Searches the classroom LAN at once for PJLink projectors (UDP search), ONVIF cameras (WS-Discovery probe) and the
 * satellite terminal (a Starlink-style dish status, else an SNMP sysDescr of a VSAT modem), all within one window,
 * with the device drivers' own clients. A search that cannot run (a port taken) is reported, not fatal: the others
 * still count. Runs on Vert.x; nothing blocks.
 */
final class NetworkSearch {
    /** Where to look and how long. */
    record Options(Duration window, String pjlinkAddress, int pjlinkPort, int pjlinkListenPort,
                   String wsAddress, int wsPort, String terminalHost, int dishPort, int snmpPort) {
    }

    /** What was found, and the searches that could not run. */
    record Result(List<DiscoveredDevice> found, List<String> problems) {
    }

    private final Vertx vertx;
    private final Options options;

    NetworkSearch(Vertx vertx, Options options) {
        this.vertx = vertx;
        this.options = options;
    }

    Future<Result> run() {
        List<String> problems = new ArrayList<>();
        Future<List<DiscoveredDevice>> projectors = new PjlinkDiscovery(vertx, new PjlinkDiscovery.Config(
                options.pjlinkAddress(), options.pjlinkPort(), options.pjlinkListenPort(), options.window()))
                .search()
                .map(found -> found.stream().map(f -> DiscoveredDevice.network("pjlink", f.address(),
                        options.pjlinkPort(), "MAC " + f.mac())).toList());
        Future<List<DiscoveredDevice>> cameras = new WsDiscovery(vertx)
                .probe(options.wsAddress(), options.wsPort(), options.window())
                .map(found -> found.stream().map(NetworkSearch::camera).toList());
        Future<List<DiscoveredDevice>> terminal = terminal();
        List<Future<List<DiscoveredDevice>>> all = List.of(projectors, cameras, terminal);
        return Future.join(all).transform(ignored -> {
            List<DiscoveredDevice> found = new ArrayList<>();
            for (Future<List<DiscoveredDevice>> search : all) {
                if (search.succeeded()) {
                    found.addAll(search.result());
                } else {
                    problems.add(search.cause().getMessage());
                }
            }
            return Future.succeededFuture(new Result(found, problems));
        });
    }

    private static DiscoveredDevice camera(DiscoveredCamera camera) {
        String name = camera.scopes().stream().filter(s -> s.contains("/name/"))
                .map(s -> s.substring(s.lastIndexOf('/') + 1)).findFirst().orElse("");
        String xaddr = camera.xaddrs().isEmpty() ? null : camera.xaddrs().get(0);
        String host = camera.from().substring(0, camera.from().lastIndexOf(':'));
        int port = 80;
        try {
            URI uri = URI.create(xaddr);
            host = uri.getHost() != null ? uri.getHost() : host;
            port = uri.getPort() > 0 ? uri.getPort() : 80;
        } catch (RuntimeException e) {
            // no usable XAddr: the camera is named by where its answer came from
        }
        String details = camera.endpoint() + (name.isEmpty() ? "" : " name " + name);
        return new DiscoveredDevice("onvif", host, port, null, details, xaddr);
    }

    /** The dish first, then the modem: a box has one terminal, and the one that answers says which it is. */
    private Future<List<DiscoveredDevice>> terminal() {
        int timeout = (int) Math.max(100, options.window().toMillis());
        String host = options.terminalHost();
        DishClient dish = new DishClient(vertx, host, options.dishPort(), timeout);
        VsatClient modem = new VsatClient(vertx, "discover-snmp", host, options.snmpPort(), "public", timeout,
                VsatOids.defaults());
        Future<List<DiscoveredDevice>> dishFound = ask(dish, "starlink", options.dishPort());
        Future<List<DiscoveredDevice>> modemFound = ask(modem, "vsat-snmp", options.snmpPort());
        return Future.join(dishFound, modemFound).transform(ignored -> {
            List<DiscoveredDevice> found = new ArrayList<>();
            found.addAll(dishFound.result());
            found.addAll(modemFound.result());
            return Future.succeededFuture(found);
        }).eventually(() -> Future.join(dish.close(), modem.close()));
    }

    private Future<List<DiscoveredDevice>> ask(TerminalSource source, String kind, int port) {
        return source.identify()
                .map(values -> List.of(DiscoveredDevice.network(kind, options.terminalHost(), port,
                        String.join(", ", values.stream().filter(v -> v.value() != null)
                                .map(v -> v.name() + " " + v.value()).toList()))))
                .otherwise(List.of());
    }
}
