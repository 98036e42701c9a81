package org.classbox.provisioning.ansible;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PLAY RECAP line of one host from ansible-playbook's output, and the tasks that reported a change. */
record Recap(int ok, int changed, int unreachable, int failed, List<String> changedTasks) {
    private static final Pattern LINE = Pattern.compile(
            "(?m)^(\\S+)\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)");
    private static final Pattern TASK = Pattern.compile("^(?:TASK|RUNNING HANDLER) \\[(.*)\\]");

    String summary() {
        return "ok=" + ok + " changed=" + changed + " unreachable=" + unreachable + " failed=" + failed;
    }

    static Recap parse(String host, String output) {
        Matcher line = LINE.matcher(output);
        while (line.find()) {
            if (line.group(1).equals(host)) {
                return new Recap(Integer.parseInt(line.group(2)), Integer.parseInt(line.group(3)),
                        Integer.parseInt(line.group(4)), Integer.parseInt(line.group(5)), changedTasks(output));
            }
        }
        throw new AssertionError("no PLAY RECAP line for " + host + " in:\n" + output);
    }

    private static List<String> changedTasks(String output) {
        List<String> tasks = new ArrayList<>();
        String task = "";
        for (String text : output.split("\n")) {
            Matcher header = TASK.matcher(text);
            if (header.find()) {
                task = header.group(1);
            } else if (text.startsWith("changed:") && !tasks.contains(task)) {
                tasks.add(task);
            }
        }
        return tasks;
    }
}
