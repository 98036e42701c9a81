package org.classbox.provisioning.selftest;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs steps one after another on the command's own thread (never a Vert.x thread), each bounded by a deadline,
 * printing a progress line as each starts and its result as it ends, so a technician watching a projector warm up
 * knows what is being waited for.
 */
final class StepRunner {
    private static final long DOT_MILLIS = 5_000;

    private final PrintWriter out;
    private final long stepDeadlineMillis;

    StepRunner(PrintWriter out, long stepDeadlineMillis) {
        this.out = out;
        this.stepDeadlineMillis = stepDeadlineMillis;
    }

    List<StepResult> run(List<Step> steps) {
        List<StepResult> results = new ArrayList<>();
        int n = 0;
        for (Step step : steps) {
            n++;
            out.printf("[%d/%d] %s: %s ... ", n, steps.size(), step.device(), step.name());
            out.flush();
            StepResult result = runOne(step);
            out.println((result.passed() ? "passed" : "FAILED") + " (" + result.detail() + ")");
            out.flush();
            results.add(result);
        }
        return results;
    }

    private StepResult runOne(Step step) {
        long start = System.nanoTime();
        boolean passed = false;
        String detail;
        try {
            detail = await(step.work().get().toCompletionStage().toCompletableFuture(), start);
            passed = true;
        } catch (ExecutionException e) {
            detail = why(e.getCause());
        } catch (TimeoutException e) {
            detail = "no result within " + stepDeadlineMillis + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
        } catch (RuntimeException e) {
            detail = why(e);
        }
        return new StepResult(step.device(), step.name(), passed, (System.nanoTime() - start) / 1_000_000, detail);
    }

    /** The step's result; a dot every few seconds meanwhile, so a projector's long warm-up is seen to go on. */
    private String await(CompletableFuture<String> work, long start)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = start + stepDeadlineMillis * 1_000_000;
        while (true) {
            long left = Math.min(DOT_MILLIS, (deadline - System.nanoTime()) / 1_000_000);
            if (left <= 0) {
                throw new TimeoutException();
            }
            try {
                return work.get(left, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                out.print('.');
                out.flush();
            }
        }
    }

    /** The device's own words: a DeviceException already names the device and its address. */
    private static String why(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
