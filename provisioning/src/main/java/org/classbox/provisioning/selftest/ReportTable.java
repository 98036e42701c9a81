package org.classbox.provisioning.selftest;

import java.io.PrintWriter;
import java.util.List;

/** The pass/fail table printed at the end, columns as wide as their widest cell. */
final class ReportTable {
    private ReportTable() {
    }

    static void print(PrintWriter out, SelftestReport report) {
        List<StepResult> steps = report.steps();
        int device = Math.max("DEVICE".length(), steps.stream().mapToInt(s -> s.device().length()).max().orElse(0));
        int step = Math.max("STEP".length(), steps.stream().mapToInt(s -> s.step().length()).max().orElse(0));
        String format = "%-" + device + "s  %-" + step + "s  %-6s  %7s  %s%n";
        out.println();
        out.printf(format, "DEVICE", "STEP", "RESULT", "MILLIS", "DETAIL");
        for (StepResult s : steps) {
            out.printf(format, s.device(), s.step(), s.passed() ? "pass" : "FAIL", s.millis(), s.detail());
        }
        long failed = steps.stream().filter(s -> !s.passed()).count();
        out.println();
        out.println(report.passed() ? "All " + steps.size() + " steps passed."
                : steps.isEmpty() ? "Nothing was tested." : failed + " of " + steps.size() + " steps failed: "
                + report.failedSteps() + ".");
        out.flush();
    }
}
