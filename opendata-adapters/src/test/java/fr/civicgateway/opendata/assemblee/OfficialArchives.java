package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.ShippedData;
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
 * The archives the Assemblée publishes, built from the shipped snapshot's files (their bytes unchanged, in the
 * official zip layout), as a live site would serve them. Shared with the app's tests through this module's test jar.
 */
public final class OfficialArchives {

    private static final Pattern NUMBER = Pattern.compile("V(\\d+)\\.json$");
    private static byte[] amo10;
    private static byte[] amo30;

    private OfficialArchives() {
    }

    /** AMO10 as published: {@code json/acteur/PA….json} and {@code json/organe/PO….json}. */
    public static synchronized byte[] amo10() {
        if (amo10 == null) {
            amo10 = zip(List.of(ShippedData.amo10()), p -> true);
        }
        return amo10;
    }

    /**
     * A stand-in for AMO30, which the repository does not ship: every acteur of the shipped AMO10 and of the AMO50
     * extract, with the extract's separate mandates, in the official layout. Like AMO30 it holds the sitting deputies
     * as well as the former ones.
     */
    public static synchronized byte[] amo30() {
        if (amo30 == null) {
            amo30 = zip(List.of(ShippedData.amo10(),
                    ShippedData.assembleeDir().resolve("AMO50_acteurs_mandats_organes_divises_L17_extrait")), p -> true);
        }
        return amo30;
    }

    /** AMO10 with only the first {@code count} acteurs: a partial export. */
    public static byte[] amo10WithActeurs(int count) {
        Set<Path> kept = new HashSet<>();
        try (Stream<Path> acteurs = Files.list(ShippedData.amo10().resolve("json/acteur"))) {
            acteurs.sorted().limit(count).forEach(kept::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(List.of(ShippedData.amo10()), p -> !p.getParent().getFileName().toString().equals("acteur")
                || kept.contains(p));
    }

    /** The shipped Scrutins zip, as it is. */
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

    /** The directories' files under their path relative to each root ({@code json/acteur/PA1008.json}). */
    private static byte[] zip(List<Path> roots, java.util.function.Predicate<Path> keep) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).filter(keep).sorted()::iterator) {
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
