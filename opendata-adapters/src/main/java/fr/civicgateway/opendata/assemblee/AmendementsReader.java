package fr.civicgateway.opendata.assemblee;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Streams the Amendements archive (the official {@code Amendements.json.zip}, about 240 MB zipped, one
 * {@code json/<dossier>/<texte>/AM….json} per amendement; or a directory laid out the same way, as the shipped
 * sample) into per-deputy counts: authored ({@code signataires.auteur.acteurRef}), co-signed
 * ({@code signataires.cosignataires.acteurRef}, not the author) and adopted (authored, {@code cycleDeVie.sort}
 * "Adopté"). Nothing but the counts is kept; the zip is read sequentially, one entry at a time.
 */
final class AmendementsReader {

    /** Authored, co-signed, adopted. */
    static final class Count {
        int authored;
        int cosigned;
        int adopted;
    }

    /** {@code firstDeposit} and {@code lastDeposit}: the period the archive covers ({@code EPOCH} when undated). */
    record Result(Map<String, Count> byDeputy, int amendements, LocalDate firstDeposit, LocalDate lastDeposit) {
    }

    private AmendementsReader() {
    }

    static Result read(Path path, ObjectMapper mapper) {
        Reading r = new Reading(mapper);
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            r.one(in, path.relativize(f).toString());
                        }
                    }
                }
            } else {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
                    ZipEntry e;
                    while ((e = zip.getNextEntry()) != null) {
                        if (!e.isDirectory() && e.getName().endsWith(".json")) {
                            r.one(zip, e.getName());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ParliamentDataException("Cannot read the Amendements archive " + path.getFileName() + ": "
                    + e.getMessage(), e);
        }
        if (r.amendements == 0) {
            throw new ParliamentDataException("no amendement in " + path.getFileName());
        }
        return new Result(Map.copyOf(r.counts), r.amendements, r.first != null ? r.first : LocalDate.EPOCH,
                r.last != null ? r.last : LocalDate.EPOCH);
    }

    private static final class Reading {
        final ObjectMapper mapper;
        final Map<String, Count> counts = new HashMap<>();
        int amendements;
        LocalDate first;
        LocalDate last;

        Reading(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        void one(InputStream in, String entry) {
            JsonNode a;
            try {
                // readTree must not close the zip's stream: the next entry follows.
                a = mapper.readTree(new java.io.FilterInputStream(in) {
                    @Override
                    public void close() {
                    }
                }).path("amendement");
            } catch (JacksonException e) {
                throw new ParliamentDataException("Malformed entry " + entry + ": " + e.getOriginalMessage(), e);
            }
            if (a.isMissingNode()) {
                return;
            }
            try {
                amendements++;
                String author = Json.text(a, "signataires.auteur.acteurRef");
                String sort = Json.text(a, "cycleDeVie.sort");
                LocalDate deposited = Json.date(a, "cycleDeVie.dateDepot");
                if (deposited != null && (last == null || deposited.isAfter(last))) {
                    last = deposited;
                }
                if (deposited != null && (first == null || deposited.isBefore(first))) {
                    first = deposited;
                }
                if (author != null) {
                    Count c = counts.computeIfAbsent(author, k -> new Count());
                    c.authored++;
                    if (sort != null && sort.toLowerCase(java.util.Locale.ROOT).startsWith("adopt")) {
                        c.adopted++;
                    }
                }
                Set<String> cosigners = new LinkedHashSet<>();
                for (JsonNode c : Json.list(Json.at(a, "signataires.cosignataires.acteurRef"))) {
                    String ref = c.isValueNode() ? c.asString() : null;
                    if (ref != null && !ref.isBlank() && !ref.equals(author)) {
                        cosigners.add(ref.trim());
                    }
                }
                for (String ref : cosigners) {
                    counts.computeIfAbsent(ref, k -> new Count()).cosigned++;
                }
            } catch (Json.Malformed e) {
                throw new ParliamentDataException("Malformed entry " + entry + ": " + e.getMessage());
            }
        }
    }

}
