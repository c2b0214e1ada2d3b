package fr.civicgateway.core.news;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.town.Town;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code local_news} ("Quoi de neuf à la mairie ?", "What's new at the town hall?") from the town's
 * {@link TownNews}: the latest items of its feeds, newest first, each with its title, date and link, then each
 * source with the date of its data; "Voir plus" for the next page. Honest when the town configured no feed, when a
 * feed holds nothing yet (never fetched), when the items are a last good copy kept while the feed fails (its date
 * said), and when the feed is empty.
 *
 * <p>It keeps nothing between messages: the page travels in the quick reply's text ("actualités de la mairie (2)"),
 * which the handler {@linkplain #claims claims} back. Stateless and thread-safe.
 */
public final class LocalNewsHandler implements IntentHandler {

    static final int PAGE_SIZE = 5;
    /** The form of {@link #nextPage}, in both languages. */
    private static final Pattern NEXT_PAGE = Pattern.compile(
            "(?:actualités de la mairie|town hall news) \\((\\d{1,3})\\)");
    private static final Pattern PAGE = Pattern.compile("\\((\\d{1,3})\\)\\s*$");

    private final TownNews news;
    private final ZoneId zone;

    /** @param town its time zone dates the items */
    public LocalNewsHandler(TownNews news, Town town) {
        this.news = Objects.requireNonNull(news, "news");
        this.zone = town.zone();
    }

    @Override
    public Intent intent() {
        return Intent.LOCAL_NEWS;
    }

    /** Its own "Voir plus": "actualités de la mairie (2)", "town hall news (2)". */
    @Override
    public boolean claims(String text, ConversationState state) {
        return text.length() <= 40 && NEXT_PAGE.matcher(text.strip()).matches();
    }

    @Override
    public Answer handle(Turn t) {
        ConversationState state = t.state();
        List<NewsSource> sources = news.sources();
        if (sources.isEmpty()) {
            return Answer.text(state, t.msg("local_news.none_configured"));
        }
        int page = page(t.message().text());
        List<NewsFeed> held = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<NewsItem> items = new ArrayList<>();
        for (NewsSource s : sources) {
            NewsFeed f = news.latest(s.id()).orElse(null);
            if (f == null || !f.available()) {
                notes.add(t.msg("local_news.unavailable", "title", s.title(), "url", s.url()));
                continue;
            }
            held.add(f);
            items.addAll(f.items());
            if (f.stale()) {
                notes.add(t.msg("local_news.stale", "title", s.title(), "date", date(t, f.checkedAt())));
            }
            if (f.items().isEmpty()) {
                notes.add(t.msg("local_news.empty", "title", s.title()));
            }
        }
        items.sort(Comparator.comparing(NewsItem::published, Comparator.nullsLast(Comparator.reverseOrder())));
        StringBuilder out = new StringBuilder();
        List<QuickReply> replies = new ArrayList<>();
        int from = (page - 1) * PAGE_SIZE;
        if (!items.isEmpty() && from < items.size()) {
            int to = Math.min(items.size(), from + PAGE_SIZE);
            out.append(t.msg("local_news.latest", "count", items.size(), "sources", held.size(),
                    "title", held.getFirst().source().title(), "more", from == 0 ? "no" : "yes"));
            for (NewsItem i : items.subList(from, to)) {
                out.append("\n• ").append(line(t, i, held.size() > 1));
            }
            if (to < items.size()) {
                replies.add(new QuickReply(t.msg("local_news.see_more"), nextPage(t, page + 1)));
            }
        } else if (!items.isEmpty()) {
            out.append(t.msg("local_news.no_more"));
        }
        for (String n : notes) {
            out.append(out.isEmpty() ? "" : "\n").append(n);
        }
        for (NewsFeed f : held) {
            NewsSource s = f.source();
            out.append('\n').append(t.msg("local_news.source", "publisher", s.publisher(), "url", s.url(),
                    "licence", s.licence(), "date", Formats.date(t.language(), f.dataDate())));
        }
        return Answer.text(state, out.toString().strip(), replies);
    }

    private String line(Turn t, NewsItem i, boolean nameSource) {
        String source = nameSource ? news.sources().stream().filter(s -> s.id().equals(i.sourceId()))
                .map(NewsSource::title).findFirst().orElse(i.sourceId()) : "";
        return t.msg("local_news.item", "title", i.title(),
                "dated", i.published() == null ? "no" : "yes",
                "date", i.published() == null ? "" : date(t, i.published()),
                "linked", i.link() == null ? "no" : "yes", "link", i.link() == null ? "" : i.link(),
                "named", nameSource ? "yes" : "no", "source", source);
    }

    private String date(Turn t, Instant at) {
        return Formats.date(t.language(), LocalDate.ofInstant(at, zone));
    }

    /** The text of "Voir plus", which comes back to this handler ({@link #claims}). */
    static String nextPage(Turn t, int page) {
        return t.msg("local_news.next_page", "page", page);
    }

    private static int page(String text) {
        Matcher m = PAGE.matcher(text == null ? "" : text);
        return m.find() ? Math.max(1, Integer.parseInt(m.group(1))) : 1;
    }
}
