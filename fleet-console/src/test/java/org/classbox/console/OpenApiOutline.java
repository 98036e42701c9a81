package org.classbox.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test can check of an OpenAPI file without a YAML parser (none is on the class path): its version, its
 * operations ("method /path" from the two-space path keys under {@code paths:} and their four-space method keys,
 * path parameters as {@code {}}), and its {@code $ref}s against the components it defines.
 */
record OpenApiOutline(String version, Set<String> operations, List<String> unresolvedRefs) {
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|put|post|delete|patch|head|options):$");
    private static final Pattern COMPONENT_KIND = Pattern.compile("^  (\\w+):$");
    private static final Pattern COMPONENT = Pattern.compile("^    (\\w+):$");
    private static final Pattern REF = Pattern.compile("\\$ref: '#/components/(\\w+)/(\\w+)'");

    static OpenApiOutline of(String yaml) {
        String version = null;
        Set<String> operations = new LinkedHashSet<>();
        Set<String> components = new LinkedHashSet<>();
        List<String> refs = new ArrayList<>();
        String section = null;
        String path = null;
        String kind = null;
        for (String line : yaml.split("\n")) {
            if (line.contains("\t")) {
                throw new AssertionError("a tab in openapi.yaml: " + line);
            }
            if (!line.startsWith(" ") && line.endsWith(":")) {
                section = line.substring(0, line.length() - 1);
            } else if (line.startsWith("openapi: ")) {
                version = line.substring("openapi: ".length()).trim();
            }
            Matcher m;
            if ("paths".equals(section) && (m = PATH.matcher(line)).matches()) {
                path = template(m.group(1));
            } else if ("paths".equals(section) && path != null && (m = METHOD.matcher(line)).matches()) {
                operations.add(m.group(1) + " " + path);
            } else if ("components".equals(section) && (m = COMPONENT_KIND.matcher(line)).matches()) {
                kind = m.group(1);
            } else if ("components".equals(section) && kind != null && (m = COMPONENT.matcher(line)).matches()) {
                components.add(kind + "/" + m.group(1));
            }
            Matcher ref = REF.matcher(line);
            if (ref.find()) {
                refs.add(ref.group(1) + "/" + ref.group(2));
            }
        }
        return new OpenApiOutline(version, operations, refs.stream().filter(r -> !components.contains(r))
                .distinct().toList());
    }

    /** A path with its parameters, Vert.x {@code :name} or OpenAPI {@code {name}}, written as {@code {}}. */
    static String template(String path) {
        return path.replaceAll(":[A-Za-z0-9_]+", "{}").replaceAll("\\{[A-Za-z0-9_]+}", "{}");
    }
}
