package fr.civicgateway.connectors.charts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.votes.VoteAlignments;
import fr.civicgateway.connectors.web.ContentCoding;
import fr.civicgateway.core.votes.VoteAlignments.Cohesion;
import fr.civicgateway.core.votes.VoteAlignments.MonthlyRice;
import fr.civicgateway.connectors.charts.ChartFigures.GroupRow;
import fr.civicgateway.connectors.charts.ChartFigures.MonthPositions;
import fr.civicgateway.connectors.charts.ChartFigures.MonthRate;
import fr.civicgateway.connectors.charts.ChartFigures.MonthlyRates;
import fr.civicgateway.connectors.charts.ChartModel.Series;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The charts of the records API, drawn on the server: a deputy's participation month by month beside the Assembly's
 * median, a deputy's positions by month, a scrutin's result by group, a group's cohesion (the Rice index, monthly
 * mean) over time. Each chart is named by its path, as the API
 * serves it ({@code /api/v1/deputies/PA720892/charts/participation}, with or without {@code .svg}, {@code .png},
 * {@code .csv}) and comes in three forms: SVG (accessible: title, description of the numbers in words, link to the
 * CSV), PNG ({@value ChartDrawing#WIDTH} × {@value ChartDrawing#HEIGHT}, for Telegram) and the same numbers as CSV.
 *
 * <p>Other code gets a chart without HTTP from this bean, e.g. the Telegram channel sending a PNG after an answer:
 * <pre>{@code
 * Optional<byte[]> png = charts.png("/api/v1/deputies/PA720892/charts/participation", Locale.FRENCH);
 * Optional<String> alt = charts.description("/api/v1/scrutins/3876/charts/groups", Locale.ENGLISH);
 * }</pre>
 * Each method returns empty for a path that names no chart, or a deputy, scrutin or group the data does not know.
 * The language is French unless the locale's is English.
 *
 * <p>Thread-safe. The figures come from the data's current version and the core's computations (participation is
 * {@code ParticipationCalculator}'s, cohesion {@code VoteAlignments}'); a drawing is deterministic (same data, same bytes) and kept in a bounded cache
 * under the data's version, so a chart is drawn once per version, format and language. Failures of the drawing itself
 * (a JDK without any font) are thrown as they come: nothing is invented in their place.
 */
public final class ChartRenderer {

    /** Changes when the drawing changes, so that ETags of older drawings no longer match. */
    static final String DRAWING_REVISION = "4";

    /**
     * The fewest scrutins counted in a month for it to be named the highest or the lowest month of a participation
     * or cohesion chart's description (docs/journalists/charts.md); every month is still drawn and in the CSV.
     */
    static final int MIN_SCRUTINS_RANKED = 10;

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private record Key(long version, ChartRef ref, ChartFormat format, Language language) {
    }

    /**
     * The default bound of the drawings kept (civic.records.chart-cache-size). What it holds, gzipped as kept: the
     * 3,876 scrutins' result by group, 3.5 KB an SVG, 13.6 MB in one language (27 MB in both), their CSV well under
     * 1 KB each (under 4 MB); the deputies' two charts and the groups' one are a few thousand more of a few KB. Drawn
     * plain, the scrutins' SVG alone (47 KB each, 182 MB) did not fit, so a round of every scrutin redrew them all.
     * PNGs (tens of KB, Telegram's) share the rest.
     */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;
    /** A key's weight in the cache, roughly (the record, its ref and the ref's id). */
    private static final int KEY_BYTES = 96;

    private final ParliamentData data;
    private final VoteAlignments alignments;
    private final MessageCatalogue messages;
    private final MethodLinks links;
    private final Cache<Key, byte[]> drawn;
    private final AtomicReference<MonthlyRates> rates = new AtomicReference<>();

    /**
     * @param alignments the core's vote figures: a group's cohesion is theirs, never computed here
     * @param messages the catalogue with the {@code charts} bundle
     * @param links    the public address: the CSV's link and the methods' links start with it
     */
    public ChartRenderer(ParliamentData data, VoteAlignments alignments, MessageCatalogue messages,
                         MethodLinks links) {
        this(data, alignments, messages, links, DEFAULT_CACHE_BYTES);
    }

    /**
     * @param cacheBytes the most bytes of drawings kept (civic.records.chart-cache-size): SVG and CSV are kept
     *                   gzipped, PNG as drawn
     */
    public ChartRenderer(ParliamentData data, VoteAlignments alignments, MessageCatalogue messages,
                         MethodLinks links, long cacheBytes) {
        this.data = Objects.requireNonNull(data, "data");
        this.alignments = Objects.requireNonNull(alignments, "alignments");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.links = Objects.requireNonNull(links, "links");
        if (cacheBytes <= 0) {
            throw new IllegalArgumentException("the charts' cache size must be positive; got " + cacheBytes);
        }
        this.drawn = Caffeine.newBuilder().maximumWeight(cacheBytes)
                .weigher((Key k, byte[] v) -> v.length + KEY_BYTES).build();
    }

    /** The chart as a PNG image; empty for an unknown chart, deputy, scrutin or group. */
    public Optional<byte[]> png(String chartPath, Locale locale) {
        return ChartRef.parse(chartPath).flatMap(r -> render(r, ChartFormat.PNG, language(locale)));
    }

    /** The chart as an SVG document (UTF-8 text); empty for an unknown chart, deputy, scrutin or group. */
    public Optional<String> svg(String chartPath, Locale locale) {
        return ChartRef.parse(chartPath).flatMap(r -> render(r, ChartFormat.SVG, language(locale)))
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The chart's numbers as CSV (header row, CRLF, formula-safe cells); empty as for the drawings. */
    public Optional<String> csv(String chartPath) {
        return ChartRef.parse(chartPath).flatMap(r -> render(r, ChartFormat.CSV, Language.FR))
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * The chart's numbers in words, its text alternative (the SVG's {@code <desc>}): for an image's alt text or a
     * caption. Empty as for the drawings.
     */
    public Optional<String> description(String chartPath, Locale locale) {
        return ChartRef.parse(chartPath).flatMap(r -> model(r, language(locale))).map(ChartModel::description);
    }

    /** The chart's title, in the locale's language; empty as for the drawings. */
    public Optional<String> title(String chartPath, Locale locale) {
        return ChartRef.parse(chartPath).flatMap(r -> model(r, language(locale))).map(ChartModel::title);
    }

    private static Locale locale(Language l) {
        return l == Language.EN ? Locale.ENGLISH : Locale.FRENCH;
    }

    static Language language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Language.EN : Language.FR;
    }

    /** Whether the data knows what the chart is about (else the API's 404). */
    boolean exists(ChartRef ref) {
        return switch (ref.kind()) {
            case PARTICIPATION, POSITIONS -> data.deputy(ref.id()).isPresent();
            case GROUPS -> number(ref.id()).flatMap(data::scrutin).isPresent();
            case COHESION -> data.group(ref.id()).isPresent();
        };
    }

    /**
     * The entity tag of a chart's form: the data's version and description (which changes with each new version,
     * also across restarts), the drawing's revision, the chart, the format and the language. Cheap: nothing drawn.
     */
    String etag(ChartRef ref, ChartFormat format, Language language) {
        DataInfo info = data.info();
        String basis = DRAWING_REVISION + "|" + data.version() + "|" + info + "|" + ref.path() + "|" + format
                + "|" + (format == ChartFormat.CSV ? "" : language) + "|" + links.base();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(h, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chart in one form, drawn at most once per data version; empty when the data does not know its subject. */
    Optional<byte[]> render(ChartRef ref, ChartFormat format, Language language) {
        return kept(ref, format, language).map(b -> compressed(format) ? ContentCoding.gunzip(b) : b);
    }

    /**
     * The chart gzipped (SVG and CSV; a PNG is compressed already), as kept: what a client that accepts gzip gets.
     * Empty as {@link #render}.
     */
    Optional<byte[]> renderGzipped(ChartRef ref, ChartFormat format, Language language) {
        if (!compressed(format)) {
            throw new IllegalArgumentException("a " + format + " chart is not gzipped");
        }
        return kept(ref, format, language);
    }

    /** The forms kept gzipped: text, which gzip shrinks about thirteen-fold (a scrutin's SVG, 47 KB → 3.5 KB). */
    static boolean compressed(ChartFormat format) {
        return format != ChartFormat.PNG;
    }

    private Optional<byte[]> kept(ChartRef ref, ChartFormat format, Language language) {
        Language l = format == ChartFormat.CSV ? Language.FR : language;
        Key key = new Key(data.version(), ref, format, l);
        byte[] cached = drawn.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> out = model(ref, l).map(m -> switch (format) {
            case SVG -> ContentCoding.gzip(ChartDrawing.svgBytes(m, "chart-" + ref.fileName(),
                    links.base() + ref.path() + ".csv"));
            case PNG -> ChartDrawing.png(m);
            case CSV -> ContentCoding.gzip(csv(m).getBytes(StandardCharsets.UTF_8));
        });
        out.ifPresent(b -> drawn.put(key, b));
        return out;
    }

    Optional<ChartModel> model(ChartRef ref, Language l) {
        return switch (ref.kind()) {
            case PARTICIPATION -> data.deputy(ref.id()).map(d -> participation(ref, d, l));
            case POSITIONS -> data.deputy(ref.id()).map(d -> positions(ref, d, l));
            case GROUPS -> number(ref.id()).flatMap(data::scrutin).map(s -> groups(ref, s, l));
            case COHESION -> data.group(ref.id()).map(g -> cohesion(ref, g.uid(), l));
        };
    }

    private static Optional<Integer> number(String id) {
        return id.matches("[0-9]{1,7}") ? Optional.of(Integer.parseInt(id)) : Optional.empty();
    }

    private MonthlyRates monthlyRates() {
        MonthlyRates r = rates.get();
        long version = data.version();
        if (r == null || r.version() != version) {
            r = MonthlyRates.of(data);
            rates.set(r);
        }
        return r;
    }

    private ChartModel participation(ChartRef ref, Deputy d, Language l) {
        String name = d.fullName();
        String title = msg(l, "charts.participation_title", "deputy", name);
        String source = source(l, d.pageUrl(), Provenance.Method.PARTICIPATION);
        List<String> header = List.of("month", "counted", "took_part", "rate_percent", "assembly_median_percent",
                "deputies_in_median");
        if (d.mandateStart() == null) {
            String why = msg(l, "charts.no_mandate_start", "deputy", name);
            return empty(ref, l, title, why, source, header);
        }
        List<MonthRate> months = ChartFigures.participation(data, d, monthlyRates());
        if (months.isEmpty()) {
            String why = msg(l, "charts.participation_empty", "deputy", name);
            return empty(ref, l, title, why, source, header);
        }
        int n = months.size();
        List<String> categories = new ArrayList<>(n);
        double[] rate = new double[n];
        double[] median = new double[n];
        List<List<Object>> rows = new ArrayList<>(n);
        int counted = 0;
        int took = 0;
        for (int i = 0; i < n; i++) {
            MonthRate m = months.get(i);
            categories.add(m.month().toString());
            rate[i] = 100 * m.rate();
            median[i] = 100 * m.median();
            counted += m.counted();
            took += m.tookPart();
            rows.add(List.of(m.month().toString(), m.counted(), m.tookPart(), percent(m.rate()),
                    percent(m.median()), m.deputiesInMedian()));
        }
        // The first of the highest and of the lowest months, among those with enough scrutins for a rate to mean
        // something (a month of one scrutin is 0 or 100 %).
        List<MonthRate> ranked = months.stream().filter(m -> m.counted() >= MIN_SCRUTINS_RANKED).toList();
        Optional<MonthRate> best = ranked.stream().max(Comparator.comparingDouble(MonthRate::rate));
        Optional<MonthRate> worst = ranked.stream().min(Comparator.comparingDouble(MonthRate::rate));
        String desc = msg(l, "charts.participation_desc", "deputy", name, "took", took, "counted", counted,
                "from", month(l, months.getFirst().month()), "to", month(l, months.getLast().month()),
                "rate", Formats.percent(l, took, counted), "min", MIN_SCRUTINS_RANKED,
                "ranked", best.isPresent() ? "yes" : "none",
                "best_month", best.map(m -> month(l, m.month())).orElse(""),
                "best_rate", best.map(m -> Formats.percent(l, m.tookPart(), m.counted())).orElse(""),
                "best_counted", best.map(MonthRate::counted).orElse(0),
                "best_median", best.map(m -> percentOf(l, m.median())).orElse(""),
                "worst_month", worst.map(m -> month(l, m.month())).orElse(""),
                "worst_rate", worst.map(m -> Formats.percent(l, m.tookPart(), m.counted())).orElse(""),
                "worst_counted", worst.map(MonthRate::counted).orElse(0),
                "worst_median", worst.map(m -> percentOf(l, m.median())).orElse(""));
        List<Series> series = List.of(new Series(name, rate),
                new Series(msg(l, "charts.participation_series_median"), median));
        return new ChartModel(title, desc, source, csvLine(ref, l), ChartModel.Style.PERCENT_LINES,
                msg(l, "charts.participation_axis"), categories, series, null, header, rows, locale(l));
    }

    private ChartModel positions(ChartRef ref, Deputy d, Language l) {
        String name = d.fullName();
        String title = msg(l, "charts.positions_title", "deputy", name);
        String source = source(l, d.pageUrl(), Provenance.Method.PARTICIPATION);
        List<String> header = List.of("month", "for", "against", "abstention", "non_voting", "absent");
        if (d.mandateStart() == null) {
            return empty(ref, l, title, msg(l, "charts.no_mandate_start", "deputy", name), source, header);
        }
        List<MonthPositions> months = ChartFigures.positions(data, d);
        if (months.isEmpty()) {
            return empty(ref, l, title, msg(l, "charts.participation_empty", "deputy", name), source, header);
        }
        int n = months.size();
        List<String> categories = new ArrayList<>(n);
        double[][] v = new double[5][n];
        int[] total = new int[5];
        List<List<Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MonthPositions m = months.get(i);
            categories.add(m.month().toString());
            int[] c = {m.forVotes(), m.against(), m.abstentions(), m.nonVoting(), m.absent()};
            for (int k = 0; k < 5; k++) {
                v[k][i] = c[k];
                total[k] += c[k];
            }
            rows.add(List.of(m.month().toString(), c[0], c[1], c[2], c[3], c[4]));
        }
        String desc = msg(l, "charts.positions_desc", "deputy", name,
                "counted", total[0] + total[1] + total[2] + total[3] + total[4],
                "from", month(l, months.getFirst().month()), "to", month(l, months.getLast().month()),
                "for", total[0], "against", total[1], "abstention", total[2], "non_voting", total[3],
                "absent", total[4], "gender", d.feminine() ? "female" : "other");
        List<Series> series = List.of(new Series(msg(l, "charts.position_for"), v[0]),
                new Series(msg(l, "charts.position_against"), v[1]),
                new Series(msg(l, "charts.position_abstention"), v[2]),
                new Series(msg(l, "charts.position_non_voting"), v[3]),
                new Series(msg(l, "charts.position_absent"), v[4]));
        return new ChartModel(title, desc, source, csvLine(ref, l), ChartModel.Style.STACKED_COUNTS,
                msg(l, "charts.positions_axis"), categories, series, null, header, rows, locale(l));
    }

    private ChartModel groups(ChartRef ref, Scrutin s, Language l) {
        String title = msg(l, "charts.groups_title", "number", String.valueOf(s.number()), "date", Formats.date(l, s.date()));
        String source = source(l, s.pageUrl(), null);
        List<String> header = List.of("group_uid", "group", "for", "against", "abstention", "non_voting");
        List<GroupRow> groups = ChartFigures.groups(data, s);
        if (groups.isEmpty()) {
            return empty(ref, l, title, msg(l, "charts.groups_empty", "number", String.valueOf(s.number())), source,
                    header);
        }
        int n = groups.size();
        List<String> categories = new ArrayList<>(n);
        double[][] v = new double[4][n];
        List<List<Object>> rows = new ArrayList<>(n);
        List<String> lines = new ArrayList<>(n);
        // Groups the data does not name share one placeholder uid: they are numbered, else their bars would merge
        // into one (the last one's numbers drawn, the others' lost), and the axis gets a label short enough to fit.
        boolean numbered = groups.stream().filter(g -> g.label() == null).count() > 1;
        int unnamed = 0;
        for (int i = 0; i < n; i++) {
            GroupRow g = groups.get(i);
            String label;
            String axisLabel;
            if (g.label() != null) {
                label = g.label();
                axisLabel = label;
            } else {
                unnamed++;
                Object[] number = {"numbered", numbered ? "yes" : "no", "n", String.valueOf(unnamed)};
                label = msg(l, "charts.group_unnamed", number);
                axisLabel = msg(l, "charts.group_unnamed_axis", number);
            }
            // Two blocks of the same name would merge into one bar: the uid tells them apart.
            categories.add(categories.contains(axisLabel) ? axisLabel + " (" + g.groupUid() + ")" : axisLabel);
            v[0][i] = g.forVotes();
            v[1][i] = g.against();
            v[2][i] = g.abstentions();
            v[3][i] = g.nonVoting();
            rows.add(List.of(g.groupUid(), g.label() == null ? "" : g.label(), g.forVotes(), g.against(),
                    g.abstentions(), g.nonVoting()));
            lines.add(msg(l, "charts.groups_desc_group", "group", label, "for", g.forVotes(), "against", g.against(),
                    "abstention", g.abstentions(), "non_voting", g.nonVoting()));
        }
        String desc = msg(l, "charts.groups_desc", "number", String.valueOf(s.number()), "date", Formats.date(l, s.date()),
                "title", s.title().replaceAll("\\.$", ""),
                "outcome", s.outcome() == Outcome.ADOPTED ? "adopted" : "rejected",
                "for", s.counts().forVotes(), "against", s.counts().against(),
                "abstention", s.counts().abstentions(), "non_voting", s.counts().nonVoting(),
                "groups", String.join(l == Language.EN ? "; " : " ; ", lines));
        List<Series> series = List.of(new Series(msg(l, "charts.position_for"), v[0]),
                new Series(msg(l, "charts.position_against"), v[1]),
                new Series(msg(l, "charts.position_abstention"), v[2]),
                new Series(msg(l, "charts.position_non_voting"), v[3]));
        return new ChartModel(title, desc, source, csvLine(ref, l), ChartModel.Style.STACKED_COUNTS,
                msg(l, "charts.groups_axis"), categories, series, null, header, rows, locale(l));
    }

    private ChartModel cohesion(ChartRef ref, String groupUid, Language l) {
        String group = data.groupFullName(groupUid).orElse(groupUid);
        String title = msg(l, "charts.cohesion_title", "group", group);
        String source = source(l, "https://www.assemblee-nationale.fr/dyn/17/scrutins", Provenance.Method.COHESION);
        List<String> header = List.of("month", "scrutins", "average_rice");
        Optional<Cohesion> found = alignments.cohesion(groupUid);
        if (found.isEmpty() || found.get().months().isEmpty()) {
            boolean nonInscrits = data.groupAbbreviation(groupUid).filter("NI"::equals).isPresent();
            return empty(ref, l, title, msg(l, "charts.cohesion_empty", "group", group, "reason",
                    nonInscrits ? "non_inscrits" : "no_scrutin"), source, header);
        }
        Cohesion c = found.get();
        List<MonthlyRice> months = c.months();
        int n = months.size();
        List<String> categories = new ArrayList<>(n);
        double[] rice = new double[n];
        List<List<Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MonthlyRice m = months.get(i);
            categories.add(m.month().toString());
            rice[i] = m.averageRice();
            rows.add(List.of(m.month().toString(), m.scrutins(),
                    BigDecimal.valueOf(Math.round(m.averageRice() * 10_000), 4)));
        }
        // As participation's: a month of one scrutin is trivially 1 or near it, so only months of enough scrutins are
        // named the most or the least united.
        List<MonthlyRice> ranked = months.stream().filter(m -> m.scrutins() >= MIN_SCRUTINS_RANKED).toList();
        Optional<MonthlyRice> best = ranked.stream().max(Comparator.comparingDouble(MonthlyRice::averageRice));
        Optional<MonthlyRice> worst = ranked.stream().min(Comparator.comparingDouble(MonthlyRice::averageRice));
        String desc = msg(l, "charts.cohesion_desc", "group", group, "rice", Formats.index(l, c.averageRice()),
                "count", c.scrutins(), "from", Formats.month(l, months.getFirst().month()),
                "to", Formats.month(l, months.getLast().month()), "min", MIN_SCRUTINS_RANKED,
                "ranked", best.isPresent() ? "yes" : "none",
                "best_month", best.map(m -> Formats.month(l, m.month())).orElse(""),
                "best_rice", best.map(m -> Formats.index(l, m.averageRice())).orElse(""),
                "best_count", best.map(MonthlyRice::scrutins).orElse(0),
                "worst_month", worst.map(m -> Formats.month(l, m.month())).orElse(""),
                "worst_rice", worst.map(m -> Formats.index(l, m.averageRice())).orElse(""),
                "worst_count", worst.map(MonthlyRice::scrutins).orElse(0));
        return new ChartModel(title, desc, source, csvLine(ref, l), ChartModel.Style.INDEX_LINE,
                msg(l, "charts.cohesion_axis"), categories,
                List.of(new Series(data.groupAbbreviation(groupUid).orElse(group), rice)), null, header, rows, locale(l));
    }

    private ChartModel empty(ChartRef ref, Language l, String title, String why, String source, List<String> header) {
        return new ChartModel(title, why, source, csvLine(ref, l), ChartModel.Style.PERCENT_LINES, "", List.of(),
                List.of(), why, header, List.of(), locale(l));
    }

    private String csvLine(ChartRef ref, Language l) {
        return msg(l, "charts.csv_link", "url", links.base() + ref.path() + ".csv");
    }

    private String source(Language l, String url, Provenance.Method method) {
        LocalDate date = data.info().lastScrutinDate();
        String line = msg(l, "charts.source", "url", url, "date", date == null ? "" : Formats.date(l, date));
        // The method on a line of its own, so that its link is never broken.
        return method == null ? line : line + "\n" + msg(l, "charts.method", "method", method.id, "method_url",
                links.of(method));
    }

    private String msg(Language l, String key, Object... args) {
        return messages.format(l, key, args);
    }

    private static String month(Language l, YearMonth m) {
        return Formats.month(l, m);
    }

    /** A share (0–1) as a written percentage, as the answers write them. */
    private static String percentOf(Language l, double share) {
        return Formats.percent(l, Math.round(share * 1000), 1000);
    }

    /** A share (0–1) as a percentage with one decimal, for the CSV. */
    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(Math.round(share * 1000), 1);
    }

    /** RFC 4180, a header row; a text cell that a spreadsheet would read as a formula is quoted with a leading '. */
    static String csv(ChartModel m) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSV)) {
            p.printRecord(m.csvHeader());
            for (List<Object> row : m.csvRows()) {
                List<Object> safe = new ArrayList<>(row.size());
                for (Object cell : row) {
                    safe.add(cell instanceof String s ? formulaSafe(s) : cell);
                }
                p.printRecord(safe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** OWASP's advice for CSV injection: a cell starting with = + - @ tab or CR is prefixed with an apostrophe. */
    static String formulaSafe(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
