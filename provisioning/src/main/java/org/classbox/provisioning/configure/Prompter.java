package org.classbox.provisioning.configure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import org.classbox.settings.ConfigException;

/**
 * Asks the technician for each answer on the command's own stdin, checks it at once and asks again until it is
 * right; Enter keeps the value shown in brackets. An answer that never comes (stdin ended) is a usage error.
 */
final class Prompter {
    private final BufferedReader in;
    private final PrintWriter out;

    Prompter(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    String ask(Field field, String suggestion) {
        while (true) {
            String shown = suggestion == null || suggestion.isEmpty() ? (field.required ? "" : " [none]")
                    : " [" + suggestion + "]";
            out.print(field.label + " (" + field.key + ")" + shown + ": ");
            out.flush();
            String answer = readLine(field);
            if (answer.isBlank() && suggestion != null && !suggestion.isEmpty()) {
                answer = suggestion;
            }
            try {
                return field.check(answer);
            } catch (ConfigException e) {
                out.println("  " + e.getMessage() + "; again please.");
            }
        }
    }

    private String readLine(Field field) {
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
                throw new ConfigException(field.option, "stdin ended before " + field.option + " (" + field.key
                        + ") was answered");
            }
            return line;
        } catch (IOException e) {
            throw new ConfigException(field.option, "cannot read the answer for " + field.option + ": " + e);
        }
    }
}
