package fr.civicgateway.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The core's word lists and tables shipped on the class path (topic lexicon, arrondissements, bill words…): UTF-8
 * lines of tab-separated columns, where blank lines and lines starting with {@code #} are comments. One reader, so
 * that every list skips comments alike and a malformed row fails the start with its file, line and content.
 *
 * <pre>{@code
 * for (String[] row : TsvResource.rows("/geo/arrondissements.tsv", r -> r.length == 5, "5 columns")) { … }
 * }</pre>
 */
public final class TsvResource {

    private TsvResource() {
    }

    /**
     * The rows of a class-path resource, in file order, comments left out.
     *
     * @param resource an absolute class-path name ({@code /parliament/topic-lexicon.tsv})
     * @param valid    whether a row's columns are what the file must hold
     * @param expected what a valid row holds, for the error ("aliases<TAB>phrases")
     * @throws IllegalStateException when the resource is missing or a row is not {@code valid}; the message names the
     *                               resource, the line's number and the line
     * @throws UncheckedIOException  when the resource cannot be read
     */
    public static List<String[]> rows(String resource, Predicate<String[]> valid, String expected) {
        Objects.requireNonNull(valid, "valid");
        if (!resource.startsWith("/")) {
            throw new IllegalArgumentException("an absolute class-path name is expected, was " + resource);
        }
        InputStream in = TsvResource.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("data file not found on the class path: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (!valid.test(row)) {
                    throw new IllegalStateException(resource + ":" + number + ": " + expected + " expected: " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
