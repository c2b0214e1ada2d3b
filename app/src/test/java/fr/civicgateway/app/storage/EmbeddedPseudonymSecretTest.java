package fr.civicgateway.app.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pseudonym key on the embedded default: generated once into the data directory, the variable winning. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPseudonymSecretTest {

    @TempDir
    Path data;

    private static MockEnvironment start(MockEnvironment env) {
        EmbeddedPseudonymSecret secret = new EmbeddedPseudonymSecret();
        secret.setEnvironment(env);
        secret.postProcessBeanFactory(new DefaultListableBeanFactory());
        return env;
    }

    @Test
    void theFirstStartGeneratesAnOwnerOnlyKeyInTheDataDirectoryAndLaterStartsReuseIt(CapturedOutput output) throws Exception {
        Path directory = data.resolve("db");
        String first = start(new MockEnvironment().withProperty("civic.storage.directory", directory.toString()))
                .getProperty("CIVIC_PSEUDONYM_SECRET");

        Path file = directory.resolve("pseudonym-secret");
        assertThat(first).hasSize(43);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        String second = start(new MockEnvironment().withProperty("civic.storage.directory", directory.toString()))
                .getProperty("CIVIC_PSEUDONYM_SECRET");
        assertThat(second).as("the next start reuses it").isEqualTo(first);
        assertThat(output.getOut()).containsOnlyOnce("generated the pseudonym key pseudonym-secret in " + directory)
                .doesNotContain(first);
    }

    @Test
    void theEnvironmentVariableWinsAndNothingIsWritten() {
        MockEnvironment env = start(new MockEnvironment().withProperty("civic.storage.directory", data.toString())
                .withProperty("CIVIC_PSEUDONYM_SECRET", "the operator's own key, 16+ bytes"));

        assertThat(env.getProperty("CIVIC_PSEUDONYM_SECRET")).isEqualTo("the operator's own key, 16+ bytes");
        assertThat(data.resolve("pseudonym-secret")).doesNotExist();
    }

    @Test
    void onPostgresqlTheStartStopsAndSaysToSetIt() {
        MockEnvironment env = new MockEnvironment().withProperty("civic.storage.directory", data.toString())
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org:5432/civic");

        assertThatThrownBy(() -> start(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CIVIC_PSEUDONYM_SECRET must be set when the gateway runs on PostgreSQL "
                        + "(spring.datasource.url): every instance must key pseudonyms with the same secret.");
        assertThat(data.resolve("pseudonym-secret")).doesNotExist();
    }
}
