package fr.civicgateway.opendata.assemblee;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.representative.Participation;
import fr.civicgateway.core.representative.ParticipationCalculator;
import fr.civicgateway.opendata.testing.ShippedData;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The participation month by month (the charts') is the participation split: its months add up to the whole. */
class ParticipationByMonthTest {

    @Test
    void everyDeputysMonthsAddUpToTheirParticipation() {
        ParliamentData data = ShippedData.snapshot();
        int deputies = 0;
        for (Deputy d : data.deputies()) {
            if (d.mandateStart() == null) {
                continue;
            }
            deputies++;
            Participation whole = ParticipationCalculator.compute(data, d);
            int[] sum = new int[6];
            for (Map.Entry<YearMonth, Participation> e : ParticipationCalculator.byMonth(data, d).entrySet()) {
                Participation p = e.getValue();
                if (p.firstScrutinDate() != null) {
                    assertThat(YearMonth.from(p.firstScrutinDate())).isEqualTo(e.getKey());
                }
                sum[0] += p.counted();
                sum[1] += p.tookPart();
                sum[2] += p.byProxy();
                sum[3] += p.excusedByFunction();
                sum[4] += p.solemnCounted();
                sum[5] += p.solemnTookPart();
            }
            assertThat(sum).as(d.uid()).containsExactly(whole.counted(), whole.tookPart(), whole.byProxy(),
                    whole.excusedByFunction(), whole.solemnCounted(), whole.solemnTookPart());
        }
        assertThat(deputies).isGreaterThan(577);
    }
}
