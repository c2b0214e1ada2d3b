package fr.civicgateway.connectors.pages;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.dialogue.TurnScope;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.representative.ParticipationSource;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.votes.VoteAlignments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /deputes/{uid}} and {@code GET /scrutins/{n}}: a deputy's and a scrutin's page, server-rendered HTML
 * that needs no JavaScript (the chat widget at the bottom is the only script), in French unless {@code ?lang=en} or
 * the browser's {@code Accept-Language} prefers English. An unknown or malformed uid or number gets the same-looking
 * HTML 404 page. Each page has an {@code ETag} of the data version, its language and the wording, and is cacheable
 * for a few minutes; a conditional request that matches gets {@code 304}.
 *
 * <p>Everything one page shows is read from one version of the data ({@link TurnScope}, as a chat turn is).
 */
@Controller
class PagesController {

    /** An acteur uid as the Assemblée writes them; anything else is no deputy of ours (and never reaches a look-up). */
    private static final Pattern UID = Pattern.compile("PA[0-9]{1,12}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,6}");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final ParliamentData data;
    private final AssemblyWork work;
    private final ParticipationSource participations;
    private final VoteAlignments alignments;
    private final MethodLinks methods;
    private final PageLinks pages;
    private final MessageCatalogue messages;
    private final TurnScope oneVersion;
    /** The wording's and templates' fingerprint: a rewording or a new release changes the ETag as new data does. */
    private final String wording;

    PagesController(ParliamentData data, AssemblyWork work, ParticipationSource participations,
                    VoteAlignments alignments, MethodLinks methods, PageLinks pages, MessageCatalogue messages,
                    TurnScope oneVersion) {
        this.data = data;
        this.work = work;
        this.participations = participations;
        this.alignments = alignments;
        this.methods = methods;
        this.pages = pages;
        this.messages = messages;
        this.oneVersion = oneVersion;
        this.wording = fingerprint(messages);
    }

    @GetMapping(PageLinks.DEPUTY_PATH + "{uid}")
    String deputy(@PathVariable String uid, @RequestParam(required = false) String lang, HttpServletRequest request,
                  HttpServletResponse response, WebRequest web, Model model) {
        PageText t = text(lang, request);
        Optional<Deputy> deputy = UID.matcher(uid).matches()
                ? data.deputy(uid).filter(d -> !d.unresolved()) : Optional.empty();
        if (deputy.isEmpty()) {
            return notFound(t, response, model, "pages.not_found_deputy");
        }
        if (notModified(web, response, t, "d" + uid)) {
            return null;
        }
        DeputyPage page = pinned(() -> DeputyPage.of(deputy.get(), data, work, participations, alignments, methods, t));
        common(model, t, pages.deputy(uid), page.name(), page.description());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("askGender", page.gender());
        return "pages/deputy";
    }

    @GetMapping(PageLinks.SCRUTIN_PATH + "{number}")
    String scrutin(@PathVariable String number, @RequestParam(required = false) String lang,
                   HttpServletRequest request, HttpServletResponse response, WebRequest web, Model model) {
        PageText t = text(lang, request);
        Optional<Scrutin> scrutin = NUMBER.matcher(number).matches()
                ? data.scrutin(Integer.parseInt(number)) : Optional.empty();
        if (scrutin.isEmpty()) {
            return notFound(t, response, model, "pages.not_found_scrutin");
        }
        if (notModified(web, response, t, "s" + number)) {
            return null;
        }
        ScrutinPage page = pinned(() -> ScrutinPage.of(scrutin.get(), data, work, t));
        common(model, t, pages.scrutin(page.number()), t.msg("pages.scrutin_heading", "number", Integer.toString(page.number())),
                page.title() + " — " + page.result());
        model.addAttribute("page", page);
        // The invitation to ask names no one in particular on a scrutin's page.
        model.addAttribute("askGender", "other");
        return "pages/scrutin";
    }

    /**
     * {@code /deputes/PA720892/} and {@code /scrutins/3876/}: one page, one address — a permanent redirect to the
     * canonical one, without the slash, its query kept. A malformed id gets the HTML 404 at once.
     */
    @GetMapping({PageLinks.DEPUTY_PATH + "{id}/", PageLinks.SCRUTIN_PATH + "{id}/"})
    String withSlash(@PathVariable String id, @RequestParam(required = false) String lang, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        boolean deputy = request.getRequestURI().startsWith(PageLinks.DEPUTY_PATH);
        if (!(deputy ? UID : NUMBER).matcher(id).matches()) {
            return notFound(text(lang, request), response, model,
                    deputy ? "pages.not_found_deputy" : "pages.not_found_scrutin");
        }
        String query = request.getQueryString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader(HttpHeaders.LOCATION, (deputy ? pages.deputy(id) : pages.scrutin(Integer.parseInt(id)))
                + (query == null ? "" : "?" + query));
        return null;
    }

    /** The page built in one version of the data, as the dialogue pins one for a turn. */
    private <T> T pinned(java.util.function.Supplier<T> build) {
        Object[] built = new Object[1];
        oneVersion.run(() -> {
            built[0] = build.get();
            return List.of();
        });
        @SuppressWarnings("unchecked") T page = (T) built[0];
        return page;
    }

    private void common(Model model, PageText t, String url, String title, String description) {
        String canonical = t.language() == Language.FR ? url : url + "?lang=en";
        model.addAttribute("t", t);
        model.addAttribute("title", title);
        model.addAttribute("description", description);
        model.addAttribute("canonical", canonical);
        model.addAttribute("urlFr", url);
        model.addAttribute("urlEn", url + "?lang=en");
        // Links between pages keep an explicit English; French is the default and needs none.
        model.addAttribute("langQuery", t.language() == Language.FR ? "" : "?lang=" + t.lang());
        model.addAttribute("methodology", methods.page());
    }

    private String notFound(PageText t, HttpServletResponse response, Model model, String key) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("t", t);
        model.addAttribute("title", t.msg("pages.not_found_title"));
        model.addAttribute("message", t.msg(key));
        model.addAttribute("methodology", methods.page());
        return "pages/not-found";
    }

    /** Sets the validators; true (with a 304 written) when the client's copy is still this one. */
    private boolean notModified(WebRequest web, HttpServletResponse response, PageText t, String page) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        String etag = "\"" + page + "-" + t.lang() + "-" + data.version() + "." + work.version() + "-"
                + data.info().lastScrutinDate() + "-" + work.dossiersProvenance().dataDate() + "-" + wording + "\"";
        return web.checkNotModified(etag);
    }

    /** {@code ?lang=} first, then the first of the browser's languages that the gateway speaks, else French. */
    static PageText text(String lang, HttpServletRequest request, MessageCatalogue messages) {
        Language language = lang != null ? Language.fromCode(lang.toLowerCase(Locale.ROOT)).orElse(null) : null;
        if (language == null) {
            Enumeration<Locale> locales = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
                    ? java.util.Collections.emptyEnumeration() : request.getLocales();
            while (language == null && locales.hasMoreElements()) {
                language = Language.fromCode(locales.nextElement().getLanguage()).orElse(null);
            }
        }
        return new PageText(messages, language != null ? language : Language.FR);
    }

    private PageText text(String lang, HttpServletRequest request) {
        return text(lang, request, messages);
    }

    private static String fingerprint(MessageCatalogue messages) {
        CRC32 crc = new CRC32();
        Function<String, byte[]> bytes = s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String key : new java.util.TreeSet<>(messages.keys())) {
            if (key.startsWith("pages.") || key.startsWith("deputies.")) {
                for (Language l : Language.values()) {
                    crc.update(bytes.apply(key + "=" + messages.pattern(l, key) + "\n"));
                }
            }
        }
        // The templates and their style too: a new release's pages are new representations under the same data.
        for (String resource : List.of("templates/pages/layout.html", "templates/pages/deputy.html",
                "templates/pages/scrutin.html", "static/pages.css")) {
            try (java.io.InputStream in = PagesController.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    crc.update(in.readAllBytes());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + resource, e);
            }
        }
        return Long.toHexString(crc.getValue());
    }
}
