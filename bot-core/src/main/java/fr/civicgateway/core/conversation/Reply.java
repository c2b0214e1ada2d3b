package fr.civicgateway.core.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the bot sends back, channel-neutral. Connectors render each kind in their own way (an inline keyboard on
 * Telegram, buttons in the widget; a chart as a photo on Telegram, an image with its caption in the widget). New
 * kinds (a location) are added here as new records; every connector's {@code switch} over them then fails to
 * compile until it renders the new kind.
 */
public sealed interface Reply {

    /**
     * A text message with optional quick replies. The text is plain text: connectors escape it for their medium.
     */
    record Text(String text, List<QuickReply> quickReplies) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
            quickReplies = List.copyOf(quickReplies);
        }

        public Text(String text) {
            this(text, List.of());
        }
    }

    /**
     * A chart that shows the figures of the text before it, sent after that text. The core names it by its path
     * under the records API, without extension; the gateway serves it there as {@code .svg}, {@code .png} and
     * {@code .csv} (the same numbers as a table). Connectors pick the form their medium shows (the widget the SVG,
     * Telegram the PNG) and say the caption when the image cannot be made, so nothing is lost.
     *
     * @param path    e.g. {@code /api/v1/deputies/PA1234/charts/participation}: starts with {@code /api/v1/}, no
     *                extension, query nor fragment
     * @param locale  the language of the answer, which the chart's labels are drawn in
     * @param alt     the text alternative: what the chart shows, with its numbers in words (for screen readers and
     *                an image that does not load)
     * @param caption one or two sentences under the image, with the numbers it shows; short (a channel may cut a
     *                long caption: the Telegram connector does past Telegram's limit)
     */
    record Chart(String path, Locale locale, String alt, String caption) implements Reply {

        private static final Pattern PATH = Pattern.compile("/api/v1(/[A-Za-z0-9_-]+)+");

        public Chart {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(alt, "alt");
            Objects.requireNonNull(caption, "caption");
            if (!PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("chart path must be /api/v1/... without extension, query nor "
                        + "fragment: " + path);
            }
            if (alt.isBlank()) {
                throw new IllegalArgumentException("chart alt text must not be blank: " + path);
            }
            if (caption.isBlank()) {
                throw new IllegalArgumentException("chart caption must not be blank: " + path);
            }
        }

        /** The chart in one of the forms the gateway serves: {@code svg}, {@code png} or {@code csv}. */
        public String path(String extension) {
            return path + "." + extension;
        }
    }
}
