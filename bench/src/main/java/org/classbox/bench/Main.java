package org.classbox.bench;

import java.util.Arrays;

/** {@code bench/run NAME [--quick]}; {@code bench/run footprint [--window S] [--warmup S] [--config FILE]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench/run journal|drain|bytes|restart|lessons|lessons-storage|console"
                    + "|console-store|console-cluster|console-storm|console-queries"
                    + " [--quick]"
                    + "\n       bench/run footprint [--window SECONDS] [--warmup SECONDS] [--config FILE]");
            System.exit(2);
        }
        boolean quick = Arrays.asList(args).contains("--quick");
        switch (args[0]) {
            case "journal":
                new JournalBench(quick).run();
                break;
            case "drain":
                new DrainBench(quick).run();
                break;
            case "bytes":
                new BytesBench(quick).run();
                break;
            case "restart":
                new RestartBench(quick).run();
                break;
            case "lessons":
                new LessonsBench(quick).run();
                break;
            case "lessons-storage":
                new LessonStorageBench(quick).run();
                break;
            case "console":
                new ConsoleBench(quick).run();
                break;
            case "bare-subscriber":
                // The console benchmark's child process, not a benchmark of its own.
                BareSubscriber.run(Integer.parseInt(args[1]));
                break;
            case "console-cluster":
                new ConsoleBench(quick).cluster();
                break;
            case "console-storm":
                new ConsoleBench(quick).storm();
                break;
            case "console-store":
                new StoreRowsBench(quick).run();
                break;
            case "console-queries":
                new FleetQueriesBench(quick).run();
                break;
            case "footprint":
                FootprintBench footprint;
                try {
                    footprint = FootprintBench.of(args);
                } catch (IllegalArgumentException e) {
                    System.err.println("footprint: " + e.getMessage());
                    System.exit(2);
                    return;
                }
                footprint.run();
                break;
            default:
                System.err.println("unknown benchmark '" + args[0]
                        + "': journal, drain, bytes, restart, lessons, lessons-storage, console, console-store,"
                        + " console-cluster, console-storm, console-queries"
                        + " or footprint");
                System.exit(2);
        }
        System.exit(0);
    }
}
