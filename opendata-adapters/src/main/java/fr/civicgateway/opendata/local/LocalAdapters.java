package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads every {@code *.yml} of the adapters directory into a local data source, in file-name order. */
public final class LocalAdapters {

    private LocalAdapters() {
    }

    /**
     * @param directory     the adapters directory; absent means no local data (a town may have none)
     * @param baseDirectory what relative {@code file:} paths resolve against (the working directory in production)
     * @throws LocalDataException naming the file and key of the first bad configuration, or a duplicate id
     */
    public static List<LocalDataSource> load(Path directory, Path baseDirectory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new LocalDataException("cannot list the adapters directory " + directory.getFileName(), e);
        }
        List<LocalDataSource> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            LocalDataSource source = CsvLocalDataSource.fromConfig(f, baseDirectory);
            if (!ids.add(source.id())) {
                throw new LocalDataException(f.getFileName() + ": id '" + source.id()
                        + "' is already used by another adapter configuration");
            }
            out.add(source);
        }
        return List.copyOf(out);
    }
}
