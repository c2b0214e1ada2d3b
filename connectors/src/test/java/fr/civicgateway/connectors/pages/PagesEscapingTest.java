package fr.civicgateway.connectors.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.dialogue.TurnScope;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.SittingRef;
import fr.civicgateway.core.representative.Participations;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.votes.VoteAlignments;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The pages print the data as text: a name, a title or a group name holding markup is escaped, never run, whatever
 * the source publishes. The data here is forged (the shipped data has no markup to prove it with).
 */
class PagesEscapingTest {

    private static final String ATTACK = "<img src=x onerror=\"alert(1)\"><script>alert(2)</script> & \"quotes\"";

    private MockMvc mvc;

    /** The fake data, with one deputy, one group and one scrutin whose texts are markup. */
    private static final class Forged implements ParliamentData {
        private final FakeParliamentData fake = new FakeParliamentData();

        @Override
        public DataInfo info() {
            return fake.info();
        }

        @Override
        public Collection<Deputy> deputies() {
            return fake.deputies().stream().map(this::forged).toList();
        }

        @Override
        public Optional<Deputy> deputy(String uid) {
            return fake.deputy(uid).map(this::forged);
        }

        private Deputy forged(Deputy d) {
            return d.uid().equals(FakeParliamentData.PANOT) ? new Deputy(d.uid(), d.civility(), d.firstName(), ATTACK,
                    d.current(), d.groupUid(), d.constituency(), d.mandateStart(), d.mandateEnd()) : d;
        }

        @Override
        public Optional<Deputy> deputyOf(String constituencyId) {
            return fake.deputyOf(constituencyId);
        }

        @Override
        public Optional<PoliticalGroup> group(String organeUid) {
            return fake.group(organeUid).map(g -> g.uid().equals(FakeParliamentData.LFI)
                    ? new PoliticalGroup(g.uid(), ATTACK, "LFI-NFP") : g);
        }

        @Override
        public Collection<PoliticalGroup> groups() {
            return fake.groups();
        }

        @Override
        public Optional<Scrutin> scrutin(int number) {
            return fake.scrutin(number).map(s -> new Scrutin(s.number(), s.date(), s.type(), ATTACK, s.outcome(),
                    s.counts(), s.groups()));
        }

        @Override
        public List<Scrutin> scrutins() {
            return fake.scrutins();
        }

        @Override
        public DeputyVote vote(String deputyUid, int scrutinNumber) {
            return fake.vote(deputyUid, scrutinNumber);
        }
    }

    @BeforeEach
    void setUp() {
        ParliamentData data = new Forged();
        FakeAssemblyWork work = new FakeAssemblyWork();
        work.questions.put(FakeParliamentData.PANOT, new Questions(1, 0, List.of(new Question(Question.Kind.GOVERNMENT,
                new SittingRef("CRSANR5L17S2026O1N150", LocalDate.of(2026, 3, 3), ATTACK), ATTACK)),
                FakeAssemblyWork.provenance(Provenance.Method.QUESTIONS)));
        PagesController controller = new PagesController(data, work, Participations.perVersion(data),
                new VoteAlignments(data), MethodLinks.at("https://civic.example.org"), PageLinks.at("https://civic.example.org"),
                MessageCatalogue.shipped(), TurnScope.NONE);
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
        mvc = MockMvcBuilders.standaloneSetup(controller).setViewResolvers(views).build();
    }

    private String page(String path) throws Exception {
        var result = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(result.getStatus()).as(path).isEqualTo(200);
        return result.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aDeputysNameGroupAndQuestionHoldingMarkupAreShownAsText() throws Exception {
        String html = page("/deputes/" + FakeParliamentData.PANOT);

        assertThat(html).doesNotContain("<script>alert", "<img src=x", "onerror=\"alert")
                .contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(html).contains("<h1 id=\"deputy\">Mathilde &lt;img src=x");
    }

    @Test
    void aScrutinsTitleHoldingMarkupIsShownAsText() throws Exception {
        String html = page("/scrutins/3876");

        assertThat(html).doesNotContain("<script>alert", "<img src=x")
                .contains("<p class=\"lead\">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    }
}
