package fr.civicgateway.core.nlu;

import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.parliament.ParliamentData;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The bot's {@link NaturalLanguageUnderstanding}: gazetteer entities, a lexicon language guess, then the OpenNLP
 * intent classifier on the message with its entity mentions replaced by placeholders ({@code {deputy}},
 * {@code {scrutin}}...), the same form the corpus is written in, so that "Panot" and "Ruffin" look alike to it.
 *
 * <p>Thread-safe: the extractor is immutable and the classifier keeps one categorizer per thread. Training takes
 * about a second, so build one instance at start-up and share it; when the parliament or geographic data are
 * refreshed, call {@link #withEntities} to swap the gazetteers and keep the trained classifier.
 *
 * <pre>{@code
 * NaturalLanguageUnderstanding nlu = OpenNlpUnderstanding.create(parliament, geo);
 * Understanding u = nlu.parse("Qui est mon député ? J'habite à Annecy", null);
 * u.intent();                      // FIND_REPRESENTATIVE
 * u.first(EntityType.COMMUNE);     // 74010 "Annecy"
 * }</pre>
 */
public final class OpenNlpUnderstanding implements NaturalLanguageUnderstanding {

    private final Classifier classifier;
    private final GazetteerEntityExtractor entities;

    public OpenNlpUnderstanding(IntentClassifier classifier, GazetteerEntityExtractor entities) {
        this(new Classifier(null, Objects.requireNonNull(classifier, "classifier")), entities);
    }

    private OpenNlpUnderstanding(Classifier classifier, GazetteerEntityExtractor entities) {
        this.classifier = classifier;
        this.entities = Objects.requireNonNull(entities, "entities");
    }

    /**
     * An understanding whose classifier is obtained at its first use, once: the app trains it on the corpora of the
     * handlers it discovered, and those handlers read the data these gazetteers are built from.
     */
    public static OpenNlpUnderstanding trainedLater(Supplier<IntentClassifier> classifier, GazetteerEntityExtractor entities) {
        return new OpenNlpUnderstanding(new Classifier(Objects.requireNonNull(classifier, "classifier"), null), entities);
    }

    /** Trains the classifier on the whole corpus shipped in bot-core and builds the gazetteers from the data. */
    public static OpenNlpUnderstanding create(ParliamentData parliament, GeoDirectory geo) {
        return new OpenNlpUnderstanding(IntentClassifier.train(IntentCorpus.load().all()),
                new GazetteerEntityExtractor(parliament, geo));
    }

    /** The same classifier over gazetteers built from refreshed data. */
    public OpenNlpUnderstanding withEntities(GazetteerEntityExtractor refreshed) {
        return new OpenNlpUnderstanding(classifier, refreshed);
    }

    /** The trained classifier, given or obtained once from its supplier; thread-safe. */
    private static final class Classifier {
        private final Supplier<IntentClassifier> supplier;
        private volatile IntentClassifier trained;

        Classifier(Supplier<IntentClassifier> supplier, IntentClassifier trained) {
            this.supplier = supplier;
            this.trained = trained;
        }

        IntentClassifier get() {
            IntentClassifier c = trained;
            if (c == null) {
                c = Objects.requireNonNull(supplier.get(), "no intent classifier");
                trained = c;
            }
            return c;
        }
    }

    @Override
    public Understanding parse(String text, Language languageHint) {
        String message = text == null ? "" : text;
        List<Token> tokens = FoldingTokenizer.tokenize(message);
        List<EntityMention> mentions = entities.extract(message, tokens);
        String withPlaceholders = substitute(message, mentions);
        Language language = languageHint != null ? languageHint
                : LanguageDetector.detect(withoutEntities(message, mentions));
        return new Understanding(message, language, classifier.get().rank(withPlaceholders), mentions);
    }

    /**
     * The text the classifier sees: every mention but the topic and the day replaced by its placeholder. The topic
     * keeps its words, which tell a vote question from, say, a question about works in a street; a day keeps its
     * words ("demain", "le 15 avril"), as the corpora write them.
     */
    static String substitute(String text, List<EntityMention> mentions) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (EntityMention m : mentions) {
            if (m.type() == EntityType.TOPIC || m.type() == EntityType.DATE) {
                continue;
            }
            sb.append(text, at, m.start()).append(' ').append('{').append(m.type().apiName()).append('}').append(' ');
            at = m.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /**
     * Names ("Marine Le Pen", "Saint-Denis") say nothing of the language the citizen writes in; days ("demain",
     * "tomorrow") do.
     */
    private static String withoutEntities(String text, List<EntityMention> mentions) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (EntityMention m : mentions) {
            if (m.type() == EntityType.TOPIC || m.type() == EntityType.DATE) {
                continue;
            }
            sb.append(text, at, m.start()).append(' ');
            at = m.end();
        }
        return sb.append(text, at, text.length()).toString();
    }
}
