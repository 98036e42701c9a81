package org.classbox.provisioning.configure;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's properties file as the technician left it, edited in place: a key configure sets gets its new value
 * on its own line, every other line (keys set by hand, comments, blank lines) stays as it was, and keys that are new
 * go at the end. Written as UTF-8, which the agent reads (place names are often not ASCII).
 */
final class AgentProperties {
    /** One logical line: its text (with continuation lines) and the key it sets, or null for a comment or blank. */
    private record Line(String text, String key) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    /** The file at {@code path}, or an empty one when there is none yet. */
    static AgentProperties read(Path path) throws IOException {
        AgentProperties file = new AgentProperties();
        if (!Files.exists(path)) {
            return file;
        }
        StringBuilder logical = new StringBuilder();
        for (String physical : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            logical.append(physical);
            if (continues(physical) && !isComment(logical.toString())) {
                logical.append('\n');
                continue;
            }
            file.addLine(logical.toString());
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            file.addLine(logical.toString());
        }
        return file;
    }

    private void addLine(String text) {
        if (isComment(text) || text.isBlank()) {
            lines.add(new Line(text, null));
            return;
        }
        Properties one = new Properties();
        try {
            one.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            lines.add(new Line(text, null));
            return;
        }
        String key = one.stringPropertyNames().stream().findFirst().orElse(null);
        lines.add(new Line(text, key));
        if (key != null) {
            values.put(key, one.getProperty(key));
        }
    }

    /** The value set for {@code key}, or null. */
    String get(String key) {
        return values.get(key);
    }

    /** Every key and value, in file order. */
    Map<String, String> values() {
        return new LinkedHashMap<>(values);
    }

    void set(String key, String value) {
        values.put(key, value);
        String text = escape(key, true) + "=" + escape(value, false);
        for (int i = 0; i < lines.size(); i++) {
            if (key.equals(lines.get(i).key())) {
                lines.set(i, new Line(text, key));
                return;
            }
        }
        lines.add(new Line(text, key));
    }

    /** Removes every key starting with {@code prefix}; returns how many went. */
    int removeStartingWith(String prefix) {
        int before = values.size();
        values.keySet().removeIf(k -> k.startsWith(prefix));
        lines.removeIf(line -> line.key() != null && line.key().startsWith(prefix));
        return before - values.size();
    }

    /** The file's text; a file that had no lines yet starts with {@code header} as a comment. */
    String render(String header, boolean fresh) {
        StringBuilder text = new StringBuilder();
        if (fresh) {
            text.append("# ").append(header).append('\n');
        }
        lines.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    private static boolean isComment(String text) {
        String stripped = text.stripLeading();
        return stripped.startsWith("#") || stripped.startsWith("!");
    }

    private static boolean continues(String physical) {
        int slashes = 0;
        for (int i = physical.length() - 1; i >= 0 && physical.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    /** Properties escaping: backslashes and line breaks always, and separators in keys and leading blanks. */
    static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
