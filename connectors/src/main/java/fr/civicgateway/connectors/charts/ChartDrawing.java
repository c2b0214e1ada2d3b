package fr.civicgateway.connectors.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link ChartModel} with JFreeChart, as SVG (JFreeSVG) or PNG, at a fixed size: the same numbers, the same
 * picture, byte for byte, for the same model (no time, no random id), so that the result can be cached and compared.
 *
 * <p>Accessible by construction: the SVG has a {@code <title>}, a {@code <desc>} with the numbers in words,
 * {@code role="img"} and {@code aria-labelledby}, and a link to the CSV; the colours are the Okabe–Ito palette
 * (told apart with the common colour blindnesses), and never alone: the lines differ by dash and marker, the stacked
 * parts carry their numbers. Text is at least 12 px. Fonts: DejaVu Sans, which Debian's fontconfig installs with any
 * JDK that draws text (its default), else Liberation Sans, else the JDK's logical sans-serif font.
 */
final class ChartDrawing {

    static final int WIDTH = 1000;
    static final int HEIGHT = 600;
    private static final int FOOTER = 70;
    private static final int MARGIN = 16;
    /** Room for a drawing's SVG elements (a scrutin's 12 groups: ≈ 58,000 characters). */
    private static final int ELEMENTS_CAPACITY = 80 * 1024;

    /** Okabe & Ito (2008): for, against, abstention, non-voting, absent. */
    private static final Color GREEN = new Color(0x009E73);
    private static final Color VERMILLION = new Color(0xD55E00);
    private static final Color ORANGE = new Color(0xE69F00);
    private static final Color SKY = new Color(0x56B4E9);
    private static final Color GREY = new Color(0xBBBBBB);
    private static final Color BLUE = new Color(0x0072B2);
    private static final Color DARK = new Color(0x222222);
    private static final Color[] STACK = {GREEN, VERMILLION, ORANGE, SKY, GREY};

    static final String FONT_FAMILY = fontFamily();
    /** What the SVG asks browsers for: the font the PNG is drawn with, then common ones of the same metrics. */
    static final String SVG_FONTS = "DejaVu Sans, Verdana, Liberation Sans, Arial, Helvetica, sans-serif";

    static {
        // JFreeChart draws rotated strings (the value axis's label, slanted category labels) through a TextLayout by
        // default, a work-around for JDK bugs long fixed: in the SVG that is glyph outlines, a 14 kB <path> a
        // screen reader cannot read and half a drawing's time. Plain drawString gives SVG <text> with a rotation.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartDrawing() {
    }

    private static String fontFamily() {
        // Charts are drawn on servers without a display; Spring Boot sets this too, tools and benchmarks may not.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Set<String> available = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames(Locale.ROOT));
        for (String f : List.of("DejaVu Sans", "Liberation Sans")) {
            if (available.contains(f)) {
                return f;
            }
        }
        return Font.SANS_SERIF;
    }

    private static Font font(int style, int size) {
        return new Font(FONT_FAMILY, style, size);
    }

    /**
     * The SVG document, UTF-8 text.
     *
     * @param id     unique among charts of a page: the prefix of the title's and description's ids
     * @param csvUrl where the same numbers are, linked from the chart
     */
    static String svg(ChartModel model, String id, String csvUrl) {
        return new String(svgBytes(model, id, csvUrl), StandardCharsets.UTF_8);
    }

    /** {@link #svg} as UTF-8 bytes, what is served and cached. */
    static byte[] svgBytes(ChartModel model, String id, String csvUrl) {
        // Sized for a drawing (≈ 60 kB) so that the elements are not copied as the builder grows.
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT, null, new StringBuilder(ELEMENTS_CAPACITY));
        g.setDefsKeyPrefix(id + "-");
        g.setFontFunction(family -> SVG_FONTS);
        draw(model, g, false);
        String body = g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        int open = body.indexOf('>');
        String titleId = id + "-title";
        String descId = id + "-desc";
        String title = xml(model.title());
        String desc = xml(model.description());
        StringBuilder svg = new StringBuilder(body.length() + title.length() + desc.length() + 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(body, 0, open)
                .append(" role='img' aria-labelledby='").append(titleId).append(' ').append(descId).append("'>")
                .append("<title id='").append(titleId).append("'>").append(title).append("</title>")
                .append("<desc id='").append(descId).append("'>").append(desc).append("</desc>")
                .append(body, open + 1, body.length() - "</svg>".length())
                .append("<a href='").append(xml(csvUrl)).append("'><text x='").append(MARGIN).append("' y='")
                .append(HEIGHT - 12).append("' style='fill: #0B5394; font-family: ").append(SVG_FONTS)
                .append("; font-size: 13px; text-decoration: underline;'>").append(xml(model.csvLine()))
                .append("</text></a></svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The PNG image, {@link #WIDTH} × {@link #HEIGHT}. */
    static byte[] png(ChartModel model) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            draw(model, g, true);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(ChartModel model, Graphics2D g, boolean withCsvLine) {
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT - FOOTER);
        if (model.empty()) {
            drawEmpty(model, g, area);
        } else {
            chart(model).draw(g, area);
        }
        // The footer: the source line, and in the PNG the CSV's address (the SVG links it instead).
        block(g, model.sourceLine(), font(Font.PLAIN, 13), DARK, HEIGHT - FOOTER + 6, TextBlockAnchor.TOP_LEFT);
        if (withCsvLine) {
            block(g, model.csvLine(), font(Font.PLAIN, 13), DARK, HEIGHT - 26, TextBlockAnchor.TOP_LEFT);
        }
    }

    private static void block(Graphics2D g, String text, Font f, Paint paint, float y, TextBlockAnchor anchor) {
        g.setFont(f);
        TextBlock b = TextUtils.createTextBlock(text, f, paint, WIDTH - 2 * MARGIN, 3, new G2TextMeasurer(g));
        float x = anchor == TextBlockAnchor.TOP_CENTER ? WIDTH / 2f : MARGIN;
        b.setLineAlignment(anchor == TextBlockAnchor.TOP_CENTER ? HorizontalAlignment.CENTER : HorizontalAlignment.LEFT);
        b.draw(g, x, y, anchor);
    }

    /** No axes over nothing: the title and a sentence that says why there is nothing to draw. */
    private static void drawEmpty(ChartModel model, Graphics2D g, Rectangle2D area) {
        block(g, model.title(), font(Font.BOLD, 20), DARK, 20, TextBlockAnchor.TOP_CENTER);
        g.setPaint(new Color(0xF2F2F2));
        g.fill(new Rectangle2D.Double(MARGIN * 4, area.getHeight() / 2 - 60, WIDTH - MARGIN * 8, 120));
        block(g, model.emptyMessage(), font(Font.PLAIN, 18), DARK, (float) area.getHeight() / 2 - 30,
                TextBlockAnchor.TOP_CENTER);
    }

    private static JFreeChart chart(ChartModel model) {
        CategoryDataset dataset = dataset(model);
        JFreeChart chart = model.style() != ChartModel.Style.STACKED_COUNTS
                ? ChartFactory.createLineChart(model.title(), null, model.valueAxis(), dataset)
                : ChartFactory.createStackedBarChart(model.title(), null, model.valueAxis(), dataset);
        theme().apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 4, 16));
        chart.getTitle().setFont(font(Font.BOLD, 20));
        chart.getTitle().setPaint(DARK);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(font(Font.PLAIN, 14));
        legend.setFrame(BlockBorder.NONE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        CategoryAxis x = plot.getDomainAxis();
        x.setTickLabelFont(font(Font.PLAIN, 13));
        x.setTickLabelPaint(DARK);
        if (model.categories().size() > 12) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setLabelFont(font(Font.PLAIN, 14));
        y.setTickLabelFont(font(Font.PLAIN, 13));
        y.setLabelPaint(DARK);
        // The language's digits, never the server's default locale: the same chart on every machine.
        y.setNumberFormatOverride(NumberFormat.getNumberInstance(model.locale()));
        y.setTickLabelPaint(DARK);
        if (model.style() != ChartModel.Style.STACKED_COUNTS) {
            if (model.style() == ChartModel.Style.INDEX_LINE) {
                y.setRange(0, 1);
                y.setTickUnit(new NumberTickUnit(0.1));
            } else {
                y.setRange(0, 100);
            }
            LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
            r.setDefaultShapesVisible(true);
            r.setSeriesPaint(0, BLUE);
            r.setSeriesStroke(0, new BasicStroke(3f));
            r.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            r.setSeriesPaint(1, DARK);
            r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 5f}, 0f));
            r.setSeriesShape(1, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
            r.setSeriesShapesFilled(1, false);
        } else {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setDrawBarOutline(true);
            r.setDefaultOutlinePaint(Color.WHITE);
            r.setMaximumBarWidth(0.08);
            for (int i = 0; i < model.series().size(); i++) {
                r.setSeriesPaint(i, STACK[i % STACK.length]);
                r.setSeriesOutlinePaint(i, Color.WHITE);
            }
            // Each part carries its number when it is tall enough to hold it: not colour alone.
            r.setDefaultItemLabelGenerator(new CountLabels(0.04 * maxStack(model)));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(font(Font.PLAIN, model.categories().size() > 20 ? 11 : 13));
            r.setDefaultItemLabelPaint(Color.BLACK);
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("civic");
        t.setExtraLargeFont(font(Font.BOLD, 20));
        t.setLargeFont(font(Font.PLAIN, 14));
        t.setRegularFont(font(Font.PLAIN, 13));
        t.setSmallFont(font(Font.PLAIN, 12));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    private static CategoryDataset dataset(ChartModel model) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (ChartModel.Series s : model.series()) {
            for (int i = 0; i < model.categories().size(); i++) {
                double v = s.values()[i];
                d.addValue(Double.isNaN(v) ? null : v, s.label(), model.categories().get(i));
            }
        }
        return d;
    }

    private static double maxStack(ChartModel model) {
        double max = 0;
        for (int i = 0; i < model.categories().size(); i++) {
            double sum = 0;
            for (ChartModel.Series s : model.series()) {
                sum += Double.isNaN(s.values()[i]) ? 0 : s.values()[i];
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** A part's count as its label, or nothing when the part is too thin to hold it. */
    private record CountLabels(double threshold) implements CategoryItemLabelGenerator {

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number n = dataset.getValue(row, column);
            return n == null || n.doubleValue() <= 0 || n.doubleValue() < threshold ? "" : Long.toString(
                    Math.round(n.doubleValue()));
        }

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }
    }

    /** Text for XML content and single-quoted attributes. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
