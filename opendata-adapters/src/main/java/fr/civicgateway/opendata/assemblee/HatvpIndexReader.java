package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.parliament.work.Declaration;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the HATVP's index of published declarations ({@code liste.csv}: {@code ;}-separated, UTF-8, a header) and
 * keeps the deputies' rows ({@code type_mandat} {@code depute}), joined to the Assemblée's uids by
 * {@code id_origine} ({@code 1008} → {@code PA1008}) or, for a row without it, by the name folded (accents, case,
 * hyphens, particles' spacing) when exactly one deputy has that name.
 */
final class HatvpIndexReader {

    static final String SITE = "https://www.hatvp.fr";

    record Result(Map<String, List<Declaration>> byDeputy, Map<String, String> pages, LocalDate lastPublication,
                  int deputyRows, int unmatchedRows) {
    }

    private HatvpIndexReader() {
    }

    /**
     * @param deputyNames uid → "prénom nom" of every deputy the Assemblée's data knows, for rows without an id
     */
    static Result read(Path csv, Map<String, String> deputyNames) {
        Map<String, String> byName = new HashMap<>();
        Map<String, Integer> nameCount = new HashMap<>();
        deputyNames.forEach((uid, name) -> {
            String key = fold(name);
            byName.put(key, uid);
            nameCount.merge(key, 1, Integer::sum);
        });
        Map<String, List<Declaration>> byDeputy = new HashMap<>();
        Map<String, String> pages = new HashMap<>();
        LocalDate last = null;
        int rows = 0;
        int unmatched = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new ParliamentDataException("empty HATVP index " + csv.getFileName());
            }
            List<String> columns = List.of(stripBom(header).split(";", -1));
            int prenom = column(columns, "prenom", csv);
            int nom = column(columns, "nom", csv);
            int mandat = column(columns, "type_mandat", csv);
            int type = column(columns, "type_document", csv);
            int published = column(columns, "date_publication", csv);
            int page = column(columns, "url_dossier", csv);
            int id = column(columns, "id_origine", csv);
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(";", -1);
                if (f.length < columns.size() || !"depute".equals(f[mandat].trim())) {
                    continue;
                }
                rows++;
                String uid = null;
                String idOrigine = f[id].trim();
                if (idOrigine.matches("\\d{1,9}")) {
                    uid = "PA" + idOrigine;
                } else {
                    String key = fold(f[prenom] + " " + f[nom]);
                    if (nameCount.getOrDefault(key, 0) == 1) {
                        uid = byName.get(key);
                    }
                }
                if (uid == null) {
                    unmatched++;
                    continue;
                }
                LocalDate date = date(f[published]);
                if (date != null && (last == null || date.isAfter(last))) {
                    last = date;
                }
                String code = f[type].trim().toLowerCase(Locale.ROOT);
                byDeputy.computeIfAbsent(uid, k -> new ArrayList<>()).add(new Declaration(kind(code), code, date));
                String p = f[page].trim();
                if (p.startsWith("/")) {
                    pages.putIfAbsent(uid, SITE + p);
                }
            }
        } catch (IOException e) {
            throw new ParliamentDataException("Cannot read the HATVP index " + csv.getFileName() + ": " + e, e);
        }
        byDeputy.values().forEach(l -> l.sort((a, b) -> {
            if (a.published() == null || b.published() == null) {
                return a.published() == null ? (b.published() == null ? 0 : 1) : -1;
            }
            return b.published().compareTo(a.published());
        }));
        return new Result(byDeputy, pages, last != null ? last : LocalDate.EPOCH, rows, unmatched);
    }

    static Declaration.Kind kind(String code) {
        return switch (code) {
            case "dia", "diam", "di", "dim" -> Declaration.Kind.INTERESTS;
            case "dsp", "dspm", "dspfm" -> Declaration.Kind.ASSETS;
            default -> Declaration.Kind.OTHER;
        };
    }

    /** "Jean-Luc  Mélenchon" and "MELENCHON Jean Luc" → "jean luc melenchon" (sorted words: order-free). */
    static String fold(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        String[] words = s.split(" ");
        java.util.Arrays.sort(words);
        return String.join(" ", words);
    }

    private static int column(List<String> columns, String name, Path csv) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new ParliamentDataException("HATVP index " + csv.getFileName() + " has no column " + name);
        }
        return i;
    }

    private static String stripBom(String s) {
        return s.startsWith("\ufeff") ? s.substring(1) : s;
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
