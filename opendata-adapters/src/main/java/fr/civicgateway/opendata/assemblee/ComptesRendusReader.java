package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.SittingRef;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the comptes rendus des séances publiques (Syceron XML, {@code xml/compteRendu/CRSANR5L17S…xml} in the
 * official {@code syseron.xml.zip}) into per-deputy counts of interventions and questions, by the methods of API.md
 * §5. One entry at a time, one StAX pass each: nothing of the 259 MB of XML is kept but the counts and, per
 * question, its title.
 *
 * <p>Not thread-safe: one reader per load.
 */
final class ComptesRendusReader {

    /** Interventions of this many words or fewer are short (API.md §5, as NosDéputés counts them). */
    static final int SHORT_WORDS = 20;

    static final String ENTRIES = "xml/compteRendu/";

    private static final DateTimeFormatter SEANCE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    /** What is counted for one deputy while reading. */
    static final class Tally {
        int interventions;
        int shortInterventions;
        int sittings;
        /** The sitting being read where this deputy last spoke, to count sittings once. */
        String lastSittingUid;
        String latestTimestamp;
        SittingRef latest;
        final List<Question> questions = new ArrayList<>();
    }

    /** The whole result. */
    record Result(Map<String, Tally> byDeputy, int sittings, LocalDate first, LocalDate last, long xmlBytes) {
    }

    private final XMLInputFactory factory;
    private final Map<String, Tally> tallies = new HashMap<>();
    private int sittings;
    private LocalDate first;
    private LocalDate last;
    private long xmlBytes;

    ComptesRendusReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /**
     * Reads every compte rendu of the zip.
     *
     * @throws ParliamentDataException naming the entry when one is not a well-formed compte rendu, or when the zip
     *                                 holds none
     */
    static Result read(java.nio.file.Path zipFile) {
        ComptesRendusReader r = new ComptesRendusReader();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory() && e.getName().startsWith(ENTRIES) && e.getName().endsWith(".xml")) {
                    entries.add(e);
                }
            }
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            if (entries.isEmpty()) {
                throw new ParliamentDataException("no " + ENTRIES + "*.xml entry in " + zipFile.getFileName());
            }
            for (ZipEntry e : entries) {
                try (InputStream in = zip.getInputStream(e)) {
                    r.readSitting(in, e.getName());
                } catch (IOException | XMLStreamException | RuntimeException ex) {
                    if (ex instanceof ParliamentDataException p) {
                        throw p;
                    }
                    throw new ParliamentDataException("Malformed entry " + e.getName() + " in "
                            + zipFile.getFileName() + ": " + ex.getMessage(), ex);
                }
            }
        } catch (IOException e) {
            throw new ParliamentDataException("Cannot read the comptes rendus archive " + zipFile.getFileName()
                    + ": " + e.getMessage(), e);
        }
        for (Tally t : r.tallies.values()) {
            t.questions.sort((a, b) -> b.sitting().date().compareTo(a.sitting().date()));
        }
        return new Result(Map.copyOf(r.tallies), r.sittings, r.first, r.last, r.xmlBytes);
    }

    /** What is known of the paragraph being read. */
    private static final class Paragraph {
        String acteur;
        String mandat;
        String nominationOe;
        String grammar;
        boolean presidingRole;
        StringBuilder orateurName;
        int words;
        boolean inWord;
    }

    /** One sitting, one pass. */
    private void readSitting(InputStream raw, String entry) throws XMLStreamException {
        CountingStream in = new CountingStream(raw);
        XMLStreamReader x = factory.createXMLStreamReader(in, "UTF-8");
        String uid = null;
        String timestamp = null;
        LocalDate date = null;
        Map<String, String> titles = new HashMap<>();
        boolean inSommaire = false;
        String titreId = null;
        StringBuilder text = null; // the text being captured (uid, date, an intitulé, a point's texte)
        int italique = 0;
        int depth = 0;
        boolean inContenu = false;
        // contenu state
        String subject = null;          // the current first-level point's title
        boolean capturePointTitle = false;
        String pendingPointId = null;
        int pendingPointLevel = 0;
        Question.Kind questionKind = null; // the question point being read, until its author is found
        String questionTitle = null;
        boolean questionAuthored = false;
        Paragraph p = null;
        boolean inOrateurNom = false;
        boolean inTexte = false;
        Map<String, String> seenInSitting = new HashMap<>();
        List<String[]> pendingQuestions = new ArrayList<>(); // {acteur, kind, title}
        Map<String, String> lastSubject = new HashMap<>();

        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = x.getLocalName();
                if (!inContenu) {
                    switch (name) {
                        case "uid", "dateSeance" -> {
                            if (depth == 2 || name.equals("dateSeance")) {
                                text = new StringBuilder();
                            }
                        }
                        case "sommaire" -> inSommaire = true;
                        case "titreStruct" -> {
                            if (inSommaire) {
                                titreId = x.getAttributeValue(null, "id_syceron");
                            }
                        }
                        case "intitule" -> {
                            if (inSommaire && titreId != null) {
                                text = new StringBuilder();
                            }
                        }
                        case "italique" -> italique++;
                        case "contenu" -> inContenu = true;
                        default -> {
                        }
                    }
                    continue;
                }
                switch (name) {
                    case "point" -> {
                        String id = x.getAttributeValue(null, "id_syceron");
                        String grammar = x.getAttributeValue(null, "code_grammaire");
                        int level = parseLevel(x.getAttributeValue(null, "nivpoint"));
                        String title = id == null ? null : titles.get(id);
                        pendingPointId = id;
                        pendingPointLevel = level;
                        capturePointTitle = true;
                        if (level == 1) {
                            subject = title;
                        }
                        if (grammar != null && (grammar.startsWith("QG_") || grammar.startsWith("QOSD_"))) {
                            questionKind = grammar.startsWith("QG_") ? Question.Kind.GOVERNMENT
                                    : Question.Kind.ORAL_WITHOUT_DEBATE;
                            questionTitle = title;
                            questionAuthored = false;
                        } else {
                            questionKind = null;
                        }
                    }
                    case "paragraphe" -> {
                        capturePointTitle = false;
                        p = new Paragraph();
                        p.acteur = blankToNull(x.getAttributeValue(null, "id_acteur"));
                        p.mandat = x.getAttributeValue(null, "id_mandat");
                        p.nominationOe = x.getAttributeValue(null, "id_nomination_oe");
                        p.grammar = x.getAttributeValue(null, "code_grammaire");
                        p.presidingRole = "president".equals(x.getAttributeValue(null, "roledebat"));
                    }
                    case "nom" -> {
                        if (p != null && p.orateurName == null) {
                            p.orateurName = new StringBuilder();
                            inOrateurNom = true;
                        }
                    }
                    case "texte" -> {
                        if (p != null) {
                            inTexte = true;
                        } else if (capturePointTitle) {
                            text = new StringBuilder();
                        }
                    }
                    case "italique" -> italique++;
                    case "br" -> {
                        if (p != null && inTexte) {
                            p.inWord = false;
                        } else if (text != null) {
                            text.append(' ');
                        }
                    }
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (p != null) {
                    if (inOrateurNom) {
                        p.orateurName.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                    } else if (inTexte && italique == 0) {
                        countWords(p, x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                    }
                } else if (text != null && italique == 0) {
                    text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String name = x.getLocalName();
                depth--;
                if (!inContenu) {
                    switch (name) {
                        case "uid" -> {
                            if (text != null && uid == null) {
                                uid = text.toString().trim();
                            }
                            text = null;
                        }
                        case "dateSeance" -> {
                            if (text != null) {
                                timestamp = text.toString().trim();
                                date = seanceDate(timestamp, entry);
                            }
                            text = null;
                        }
                        case "intitule" -> {
                            if (text != null && titreId != null) {
                                String t = clean(text);
                                if (!t.isEmpty()) {
                                    titles.putIfAbsent(titreId, t);
                                }
                            }
                            text = null;
                        }
                        case "titreStruct" -> titreId = null;
                        case "sommaire" -> inSommaire = false;
                        case "italique" -> italique--;
                        default -> {
                        }
                    }
                    continue;
                }
                switch (name) {
                    case "italique" -> italique--;
                    case "nom" -> inOrateurNom = false;
                    case "texte" -> {
                        if (p != null) {
                            inTexte = false;
                        } else if (text != null) {
                            String t = clean(text);
                            text = null;
                            if (!t.isEmpty() && pendingPointId != null && !titles.containsKey(pendingPointId)) {
                                if (pendingPointLevel == 1 && subject == null) {
                                    subject = t;
                                }
                                if (questionKind != null && questionTitle == null) {
                                    questionTitle = t;
                                }
                            } else if (!t.isEmpty() && pendingPointId == null) {
                                if (pendingPointLevel == 1 && subject == null) {
                                    subject = t;
                                }
                                if (questionKind != null && questionTitle == null) {
                                    questionTitle = t;
                                }
                            }
                        }
                    }
                    case "paragraphe" -> {
                        if (p != null && date != null && uid != null) {
                            if (counts(p)) {
                                Tally t = tallies.computeIfAbsent(p.acteur, k -> new Tally());
                                t.interventions++;
                                if (p.words <= SHORT_WORDS) {
                                    t.shortInterventions++;
                                }
                                if (!uid.equals(t.lastSittingUid)) {
                                    t.lastSittingUid = uid;
                                    t.sittings++;
                                }
                                lastSubject.put(p.acteur, subject == null ? "" : subject);
                                seenInSitting.put(p.acteur, uid);
                                if (questionKind != null && !questionAuthored
                                        && (p.grammar == null || !p.grammar.startsWith("INTERRUPTION_"))) {
                                    questionAuthored = true;
                                    pendingQuestions.add(new String[] {p.acteur, questionKind.name(),
                                            questionTitle == null ? "" : questionTitle});
                                }
                            }
                        }
                        p = null;
                        inTexte = false;
                        inOrateurNom = false;
                    }
                    case "contenu" -> inContenu = false;
                    default -> {
                    }
                }
            }
        }
        x.close();
        if (uid == null || date == null) {
            throw new ParliamentDataException("Malformed entry " + entry + ": no uid or dateSeance");
        }
        sittings++;
        first = first == null || date.isBefore(first) ? date : first;
        last = last == null || date.isAfter(last) ? date : last;
        xmlBytes += in.count;
        for (String acteur : seenInSitting.keySet()) {
            Tally t = tallies.get(acteur);
            if (t.latestTimestamp == null || timestamp.compareTo(t.latestTimestamp) > 0
                    || (timestamp.equals(t.latestTimestamp) && uid.compareTo(t.latest.uid()) > 0)) {
                t.latestTimestamp = timestamp;
                String s = lastSubject.get(acteur);
                t.latest = new SittingRef(uid, date, s.isEmpty() ? null : s);
            }
        }
        for (String[] q : pendingQuestions) {
            Question.Kind kind = Question.Kind.valueOf(q[1]);
            tallies.get(q[0]).questions.add(new Question(kind, new SittingRef(uid, date, q[2]), q[2]));
        }
    }

    /**
     * An intervention of API.md §5: a paragraph with a speaker, who is not presiding (the role or the name "M. le
     * président" / "Mme la présidente") and not speaking as a member of the Government (no deputy mandate, or a
     * Government nomination).
     */
    private static boolean counts(Paragraph p) {
        if (p.acteur == null || p.presidingRole) {
            return false;
        }
        if (p.orateurName != null && isPresidingName(p.orateurName.toString())) {
            return false;
        }
        boolean government = "-1".equals(p.mandat) || (p.nominationOe != null && p.nominationOe.startsWith("PM"));
        return !government;
    }

    static boolean isPresidingName(String name) {
        String n = name.replace('\u00a0', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return n.equals("m. le président") || n.equals("mme la présidente");
    }

    /** Words: runs of non-space characters holding a letter or a digit; {@code <br/>} separates. */
    private static void countWords(Paragraph p, char[] chars, int start, int length) {
        for (int i = start; i < start + length; i++) {
            char c = chars[i];
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u202f') {
                p.inWord = false;
            } else if (Character.isLetterOrDigit(c) && !p.inWord) {
                p.inWord = true;
                p.words++;
            } else if (!Character.isLetterOrDigit(c)) {
                // punctuation neither starts nor ends a word: "l’État" stays one word, "–" alone is none
            }
        }
    }

    private static LocalDate seanceDate(String timestamp, String entry) {
        try {
            return LocalDate.parse(timestamp.substring(0, 8), SEANCE_DATE);
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            throw new ParliamentDataException("Malformed entry " + entry + ": dateSeance " + timestamp);
        }
    }

    private static int parseLevel(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String clean(StringBuilder s) {
        return s.toString().replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Counts the XML bytes read, for the throughput figure. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
