package fr.civicgateway.app.storage;

import fr.civicgateway.core.consultations.ConsultationPseudonyms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The pseudonym key ({@code CIVIC_PSEUDONYM_SECRET}) on the embedded default, so that the README's two start commands
 * show every feature, consultations included. The environment variable always wins. Without it:
 * <ul>
 *   <li>on the embedded H2 database, the key is read from {@value #FILE_NAME} in the database's directory
 *       ({@code civic.storage.directory}); at first start it is generated there (32 random bytes), readable by its
 *       owner only, and the log says once that it was generated — never the key itself. Later starts reuse it, so
 *       pseudonyms (one consultation answer per person, Telegram conversations) survive restarts;</li>
 *   <li>on PostgreSQL ({@code spring.datasource.url} set), shared by instances that must all key pseudonyms alike,
 *       the start-up stops with a message saying to set it.</li>
 * </ul>
 * It runs before any bean is made, after every property source is in place, and adds the key as the environment's
 * last property source: every reader of {@code CIVIC_PSEUDONYM_SECRET} (consultations, Telegram) sees the same one.
 */
final class EmbeddedPseudonymSecret implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    static final String FILE_NAME = "pseudonym-secret";
    static final String VARIABLE = ConsultationPseudonyms.SECRET_VARIABLE;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPseudonymSecret.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (StringUtils.hasText(environment.getProperty(VARIABLE))) {
            return;
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException(VARIABLE + " must be set when the gateway runs on PostgreSQL "
                    + "(spring.datasource.url): every instance must key pseudonyms with the same secret. Set it in the "
                    + "environment to at least 16 random bytes, the same value on every instance, e.g. "
                    + VARIABLE + "=\"$(openssl rand -base64 32)\".");
        }
        Path directory = Path.of(environment.getProperty("civic.storage.directory", "var/db"));
        environment.getPropertySources().addLast(
                new MapPropertySource("civic-embedded-pseudonym-secret", Map.of(VARIABLE, loadOrCreate(directory))));
    }

    /** The key in {@code directory}, generated there first if need be. */
    static String loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            OwnerOnly.directory(directory);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            try {
                create(file, secret);
                log.info("generated the pseudonym key {} in {} (owner-only); it is reused at every start. Several "
                        + "instances on PostgreSQL need {} set instead", FILE_NAME, directory.toAbsolutePath().normalize(),
                        VARIABLE);
                return secret;
            } catch (FileAlreadyExistsException e) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.getBytes(StandardCharsets.UTF_8).length < 16) {
                    throw new IllegalStateException("the pseudonym key " + file.toAbsolutePath().normalize()
                            + " is shorter than 16 bytes: delete it to have a new one generated, or set " + VARIABLE);
                }
                return stored;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key in " + directory
                    + " (civic.storage.directory); set " + VARIABLE + " instead", e);
        }
    }

    private static void create(Path file, String secret) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        // Created owner-only from the start (no window in which it is readable by others); fails if it exists.
        Path created = posix ? Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY)) : Files.createFile(file);
        Files.writeString(created, secret + "\n", StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Before other bean factory post-processors, which may read properties. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
