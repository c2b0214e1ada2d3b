package fr.civicgateway.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The archives the Assemblée publishes, made of the shipped snapshot's files (bytes unchanged) in the official zip
 * layout ({@code json/acteur/PA….json}, {@code json/VTANR5L17V<n>.json}), as its live site serves them.
 */
public final class OfficialArchives {

    private static final Pattern NUMBER = Pattern.compile("V(\\d+)\\.json$");

    private OfficialArchives() {
    }

    private static Path assemblee() {
        return ShippedData.dataDirectory().resolve("assemblee-nationale");
    }

    /** AMO10: the shipped acteur and organe files. */
    public static byte[] amo10() {
        return zip(List.of(assemblee().resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17")));
    }

    /**
     * A stand-in for AMO30, which the repository does not ship: every acteur of AMO10 and of the AMO50 extract (with
     * its separate mandates), so that, like AMO30, it holds the sitting deputies as well as the former ones.
     */
    public static byte[] amo30() {
        return zip(List.of(assemblee().resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17"),
                assemblee().resolve("AMO50_acteurs_mandats_organes_divises_L17_extrait")));
    }

    /** The shipped Scrutins archive as it is: all 3,876 scrutins. */
    public static byte[] scrutins() {
        try {
            return Files.readAllBytes(ShippedData.scrutinsZip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Scrutins archive with only the scrutins whose number passes {@code keep}. */
    public static byte[] scrutins(IntPredicate keep) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(ShippedData.scrutinsZip()));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Matcher m = NUMBER.matcher(e.getName());
                if (e.isDirectory() || (m.find() && !keep.test(Integer.parseInt(m.group(1))))) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(List<Path> roots) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        if (written.add(name)) { // an organe both archives describe is written once
                            out.putNextEntry(new ZipEntry(name));
                            try (InputStream in = Files.newInputStream(p)) {
                                in.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
