package org.classbox.sim.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every reply the simulator can give keeps to the PJLink Class 1 and Class 2 field limits. The rules below are written
 * from the specification, not taken from the simulator or the driver, so a limit both got wrong still fails here.
 * Only the deliberate {@link org.classbox.sim.faults.Fault#GARBAGE} is left out.
 */
@ExtendWith(TestGuard.class)
class SimulatorRepliesTest {
    private static final List<String> CLASS_1 = List.of("POWR", "INPT", "AVMT", "ERST", "LAMP", "INST", "NAME",
            "INF1", "INF2", "INFO", "CLSS");
    private static final List<String> CLASS_2 = List.of("INPT", "AVMT", "INST", "SNUM", "SVER", "FILT", "RLMP",
            "RFIL", "INNM", "IRES", "FREZ", "POWR", "CLSS");
    private static final List<String> PARAMETERS = List.of("?", "0", "1", "2", "3", "11", "12", "21", "31", "32",
            "51", "59", "30", "x".repeat(128), "?11", "?31", "?51", "?59", "?x");
    private static final List<String> MALFORMED = List.of("", "%1", "%1POWR", "%1POWR ", "%1powr ?", "%2POWR ?",
            "%1PO\u0001R ?", "PJLINK 0", "garbage", "%1POWR " + "1".repeat(129), "%1XXXX ?", "%1ABCD 1");

    /** Query values by command, per Class 1: each field's characters and length. */
    private static final Map<String, Pattern> VALUES = Map.ofEntries(
            Map.entry("POWR", Pattern.compile("[0-3]")),
            Map.entry("INPT", Pattern.compile("[1-5][1-9]")),
            Map.entry("AVMT", Pattern.compile("[123][01]")),
            Map.entry("ERST", Pattern.compile("[0-2]{6}")),
            // 1 to 8 lamps, each: hours 0-99999 (1-5 digits), space, 0 off / 1 on
            Map.entry("LAMP", Pattern.compile("\\d{1,5} [01]( \\d{1,5} [01]){0,7}")),
            Map.entry("INST", Pattern.compile("[1-5][1-9]( [1-5][1-9])*")),
            // NAME: up to 64 bytes, no control characters (the wire carries one char per byte)
            Map.entry("NAME", Pattern.compile("[\\x20-\\x7e\\x80-\\xff]{0,64}")),
            // INF1 manufacturer, INF2 product, INFO other: up to 32 bytes of printable ASCII
            Map.entry("INF1", Pattern.compile("[\\x20-\\x7e]{0,32}")),
            Map.entry("INF2", Pattern.compile("[\\x20-\\x7e]{0,32}")),
            Map.entry("INFO", Pattern.compile("[\\x20-\\x7e]{0,32}")),
            Map.entry("CLSS", Pattern.compile("[12]")));
    /** Class 2 query values: the %2 forms of INPT (inputs 1-6, 1-9 or A-Z), AVMT, INST, and the Class 2 queries. */
    private static final Map<String, Pattern> VALUES_2 = Map.ofEntries(
            Map.entry("INPT", Pattern.compile("[1-6][1-9A-Z]")),
            Map.entry("AVMT", Pattern.compile("[123][01]")),
            Map.entry("INST", Pattern.compile("[1-6][1-9A-Z]( [1-6][1-9A-Z])*")),
            // SNUM serial, SVER software version, RLMP/RFIL replacement lamp/filter model: up to 32 bytes ASCII
            Map.entry("SNUM", Pattern.compile("[\\x20-\\x7e]{0,32}")),
            Map.entry("SVER", Pattern.compile("[\\x20-\\x7e]{0,32}")),
            Map.entry("RLMP", Pattern.compile("[\\x20-\\x7e]{0,32}")),
            Map.entry("RFIL", Pattern.compile("[\\x20-\\x7e]{0,32}")),
            // FILT: filter hours 0-99999
            Map.entry("FILT", Pattern.compile("\\d{1,5}")),
            // INNM: input name, up to 64 bytes UTF-8 (one char per byte on the wire)
            Map.entry("INNM", Pattern.compile("[\\x20-\\x7e\\x80-\\xff]{0,64}")),
            // IRES: <horizontal>x<vertical>, - no signal, * unknown
            Map.entry("IRES", Pattern.compile("[1-9]\\d{0,4}x[1-9]\\d{0,4}|-|\\*")),
            Map.entry("FREZ", Pattern.compile("[01]")));
    private static final Pattern REPLY = Pattern.compile("%([12])([A-Z0-9]{4})=(.*)", Pattern.DOTALL);
    private static final Pattern ERROR = Pattern.compile("ERR[1-4]");

    @Test
    void every_reply_of_every_model_in_every_state_keeps_to_the_class_1_and_2_limits() {
        List<ProjectorModel> models = List.of(ProjectorModel.LAMP, ProjectorModel.LASER,
                new ProjectorModel("m".repeat(32), "p".repeat(32), 8, java.util.Set.of()),
                ProjectorModel.LAMP.withUnsupported(CLASS_1.toArray(String[]::new)), ProjectorModel.CUT_DOWN,
                ProjectorModel.LAMP.withClass(2), ProjectorModel.LASER.withClass(2),
                new ProjectorModel("m".repeat(32), "p".repeat(32), 8, java.util.Set.of(), 2),
                ProjectorModel.LAMP.withClass(2).withUnsupported(CLASS_2.toArray(String[]::new)));
        List<Consumer<Scene>> power = List.of(s -> { }, s -> s.state.power(true), s -> {
            s.state.power(true);
            s.clock.addAndGet(1_000);
        }, s -> {
            s.state.power(true);
            s.clock.addAndGet(1_000);
            s.state.power(false);
        }, s -> {
            s.state.power(true);
            s.clock.addAndGet(1_000);
            s.state.mute("31");
            s.state.frozen(true);
            s.state.input("51");
        });
        List<Consumer<Scene>> lamps = List.of(s -> { }, s -> s.state.lampHours(99_999), s -> {
            // lit past the five digits on a fast clock: the field stays at its maximum
            s.state.lampHours(99_990);
            s.state.power(true);
            s.clock.addAndGet(50_000);
        });
        List<Consumer<Scene>> names = List.of(s -> { }, s -> s.state.name(""), s -> s.state.name("n".repeat(64)),
                s -> s.state.name("\u00e9".repeat(32)), s -> s.state.name("\u6559\u5ba4".repeat(10)));
        List<Consumer<Scene>> errors = List.of(s -> { }, s -> setAll(s, ErrorLevel.WARNING),
                s -> setAll(s, ErrorLevel.ERROR), s -> s.state.failLamp(), s -> {
                    s.state.failLamp();
                    s.state.replaceLamp();
                });

        long checked = 0;
        for (ProjectorModel model : models) {
            for (Consumer<Scene> p : power) {
                for (Consumer<Scene> l : lamps) {
                    for (Consumer<Scene> n : names) {
                        for (Consumer<Scene> e : errors) {
                            for (String request : requests()) {
                                Scene scene = new Scene(model);
                                p.andThen(l).andThen(n).andThen(e).accept(scene);
                                assertKeepsToSpec(model, request, scene.responder.answer(request));
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 500_000, "checked " + checked + " replies");
    }

    @Test
    void laser_answers_lamp_with_err1_and_a_cut_down_model_its_unsupported_commands_too() {
        Scene laser = new Scene(ProjectorModel.LASER);
        assertEquals("%1LAMP=ERR1", laser.responder.answer("%1LAMP ?"));
        assertEquals("%1INF2=SIM-LASER1", laser.responder.answer("%1INF2 ?"));
        Scene cutDown = new Scene(ProjectorModel.LAMP.withUnsupported("INPT", "ERST"));
        assertEquals("%1INPT=ERR1", cutDown.responder.answer("%1INPT ?"));
        assertEquals("%1ERST=ERR1", cutDown.responder.answer("%1ERST ?"));
        assertEquals("%1LAMP=1200 0", cutDown.responder.answer("%1LAMP ?"));
        Scene twoLamps = new Scene(new ProjectorModel("classbox", "SIM-PJ2", 2, java.util.Set.of()));
        assertEquals("%1LAMP=1200 0 1200 0", twoLamps.responder.answer("%1LAMP ?"));
        assertEquals(2, cutDown.responder.requests("INPT") + cutDown.responder.requests("ERST"));
    }

    @Test
    void greetings_and_refusals_keep_to_the_spec() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            ProjectorSimulator open = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 0, 0, 1, 1));
            ProjectorSimulator locked = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, "p".repeat(32), 0, 0,
                    1, 1));
            open.start().await(5, TimeUnit.SECONDS);
            locked.start().await(5, TimeUnit.SECONDS);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), open.port())) {
                assertEquals("PJLINK 0", readLine(socket.getInputStream()));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), locked.port())) {
                // "PJLINK 1 " then the 8 hex digits the digest is salted with
                assertTrue(readLine(socket.getInputStream()).matches("PJLINK 1 [0-9a-f]{8}"));
                socket.getOutputStream().write("0123456789abcdef0123456789abcdef%1POWR ?\r"
                        .getBytes(StandardCharsets.US_ASCII));
                assertEquals("PJLINK ERRA", readLine(socket.getInputStream()));
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> requests() {
        List<String> requests = new ArrayList<>(MALFORMED);
        for (String command : CLASS_1) {
            for (String parameter : PARAMETERS) {
                requests.add("%1" + command + " " + parameter);
            }
        }
        for (String command : CLASS_2) {
            for (String parameter : PARAMETERS) {
                requests.add("%2" + command + " " + parameter);
            }
        }
        return requests;
    }

    private static void assertKeepsToSpec(ProjectorModel model, String request, String reply) {
        Matcher command = Pattern.compile("%([12])([A-Z0-9]{4}).*", Pattern.DOTALL).matcher(request);
        boolean class2 = request.startsWith("%2");
        if (!command.matches() || (class2 && model.pjlinkClass() < 2)) {
            assertNull(reply, "a line that is not PJLink (to a class " + model.pjlinkClass() + " projector) closes"
                    + " the connection: '" + request + "'");
            return;
        }
        if (reply == null) {
            fail("no reply to '" + request + "'");
        }
        String where = "reply '" + reply + "' to '" + request + "'";
        assertTrue(reply.chars().allMatch(c -> c <= 0xff), where + ": one byte per character");
        assertTrue(reply.length() + 1 <= 136, where + ": line of " + (reply.length() + 1) + " bytes");
        Matcher parts = REPLY.matcher(reply);
        assertTrue(parts.matches(), where + ": %<class><command>=<value>");
        assertEquals(command.group(1) + command.group(2), parts.group(1) + parts.group(2),
                where + ": echoes class and command");
        String value = parts.group(3);
        if (ERROR.matcher(value).matches()) {
            return;
        }
        boolean query = request.length() >= 8 && request.charAt(7) == '?';
        if (!query) {
            assertEquals("OK", value, where + ": a command is answered OK or ERRn");
            return;
        }
        if (value.equals("OK")) {
            fail(where + ": a query is answered with a value or ERRn");
        }
        Pattern rule = (class2 ? VALUES_2 : VALUES).get(parts.group(2));
        assertTrue(rule != null && rule.matcher(value).matches(), where + ": value outside its field");
    }

    private static void setAll(Scene scene, ErrorLevel level) {
        for (ErrorPart part : ErrorPart.values()) {
            scene.state.error(part, level);
        }
    }

    /** One simulated projector's state and responder on a clock the test moves. */
    private static final class Scene {
        final AtomicLong clock = new AtomicLong(1_000_000);
        final ProjectorState state;
        final PjlinkResponder responder;

        Scene(ProjectorModel model) {
            ProjectorSimConfig config = new ProjectorSimConfig(0, null, 500, 500, 1200, 1).playing(model);
            state = new ProjectorState(config, clock::get);
            responder = new PjlinkResponder(state, model);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\r') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
