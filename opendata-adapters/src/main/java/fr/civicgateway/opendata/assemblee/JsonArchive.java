package fr.civicgateway.opendata.assemblee;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A set of JSON entries laid out as the Assemblée's archives are ({@code json/acteur/PA1008.json}), read either
 * from the official zip file or from a directory where such a zip was unpacked (the shipped snapshot). Entry
 * names always use {@code /}, whatever the platform.
 *
 * <p>Not thread-safe: one loader reads one archive at a time, then closes it.
 */
sealed interface JsonArchive extends AutoCloseable permits JsonArchive.Directory, JsonArchive.Zip {

    /** A short name for messages: the file or directory name, never a full path. */
    String name();

    /** The names of the {@code .json} entries under {@code prefix} ({@code json/acteur/}), sorted. */
    List<String> entries(String prefix);

    InputStream open(String entry) throws IOException;

    @Override
    void close();

    /**
     * Reads one entry as a JSON tree and hands it to {@code parser}; any failure, syntax or shape, becomes a
     * {@link ParliamentDataException} naming this archive and the entry.
     */
    default <T> T parse(String entry, ObjectMapper mapper, Function<JsonNode, T> parser) {
        try (InputStream in = open(entry)) {
            return parser.apply(mapper.readTree(in));
        } catch (Json.Malformed e) {
            throw new ParliamentDataException("Malformed entry " + entry + " in " + name() + ": " + e.getMessage());
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new ParliamentDataException("Malformed entry " + entry + " in " + name() + ": " + e.getMessage(), e);
        }
    }

    /** Opens a directory as is, anything else as a zip file. */
    static JsonArchive open(Path path) {
        if (Files.isDirectory(path)) {
            return new Directory(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ParliamentDataException("Assemblée archive not found: " + path.getFileName());
        }
        try {
            return new Zip(path.getFileName().toString(), new ZipFile(path.toFile()));
        } catch (IOException e) {
            throw new ParliamentDataException("Cannot open the Assemblée archive " + path.getFileName()
                    + ": " + e.getMessage(), e);
        }
    }

    record Directory(Path root) implements JsonArchive {

        @Override
        public String name() {
            return root.getFileName().toString();
        }

        @Override
        public List<String> entries(String prefix) {
            Path dir = root.resolve(prefix);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile)
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(n -> n.endsWith(".json"))
                        .sorted()
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                throw new ParliamentDataException("Cannot list " + prefix + " in " + name() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public InputStream open(String entry) throws IOException {
            return Files.newInputStream(root.resolve(entry));
        }

        @Override
        public void close() {
            // nothing held open
        }
    }

    record Zip(String name, ZipFile zip) implements JsonArchive {

        @Override
        public List<String> entries(String prefix) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory() && e.getName().startsWith(prefix) && e.getName().endsWith(".json")) {
                    names.add(e.getName());
                }
            }
            Collections.sort(names);
            return names;
        }

        @Override
        public InputStream open(String entry) throws IOException {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                throw new IOException("no such entry");
            }
            return zip.getInputStream(e);
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                // The data is already read; a failure to release the file handle changes nothing for the load.
            }
        }
    }
}
