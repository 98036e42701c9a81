package org.classbox.provisioning.ansible;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The jars the bundle carries, from the reactor's build. */
final class Jars {
    private Jars() {
    }

    /** The agent's shaded jar: `mvn verify` packages edge-agent before it tests provisioning, which depends on it. */
    static Path agent(Path module) {
        Path jar = module.resolveSibling("edge-agent").resolve("target/edge-agent.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: mvn verify builds it before this test; alone, run"
                    + " mvn -o -pl edge-agent -am package -DskipTests first");
        }
        return jar;
    }

    /**
     * provisioning.jar when packaged already; else (this module's tests run before its package phase) a jar of its
     * compiled classes, which the role installs just the same.
     */
    static Path provisioning(Path module, Path work) throws IOException {
        Path packaged = module.resolve("target/provisioning.jar");
        if (Files.isRegularFile(packaged)) {
            return packaged;
        }
        Path classes = module.resolve("target/classes");
        Path jar = work.resolve("provisioning.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.classbox.provisioning.cli.Main");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path file : files) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
