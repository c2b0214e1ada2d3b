package fr.civicgateway.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    @Test
    void neverSaysAnAddedKeyIsAbsentAndRarelySaysAnotherIsPresent() {
        KeyFilter filter = new KeyFilter(100_000);
        IntStream.range(0, 100_000).forEach(i -> filter.add("web:conversation-" + i));

        assertThat(IntStream.range(0, 100_000).allMatch(i -> filter.mightContain("web:conversation-" + i))).isTrue();
        long falsePositives = IntStream.range(0, 100_000).filter(i -> filter.mightContain("telegram:other-" + i)).count();
        // Ten bits a key and seven hashes: about 1 % in theory.
        assertThat(falsePositives).isLessThan(2_000);
    }

    @Test
    void anEmptyFilterContainsNothing() {
        assertThat(new KeyFilter(10).mightContain("web:c1")).isFalse();
    }

    @Test
    void refusesASizeItCannotHold() {
        assertThatThrownBy(() -> new KeyFilter(0)).hasMessage("expectedKeys must be within [1, 16777216], was 0");
    }
}
