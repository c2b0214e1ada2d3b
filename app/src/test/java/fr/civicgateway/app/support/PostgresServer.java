package fr.civicgateway.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for the tests, started once per test run from the binaries of Debian's
 * {@code postgresql} package ({@code /usr/lib/postgresql/<version>/bin}, the newest installed): a fresh data
 * directory and a Unix socket in a temporary directory, TCP on 127.0.0.1 and a free port, trust authentication,
 * no fsync. It is stopped and deleted when the test JVM exits.
 *
 * <p>PostgreSQL refuses to run as root; under root (as CI runs) the commands run as the {@code postgres} system
 * user the package creates, which is given the temporary directory.
 *
 * <p>When PostgreSQL cannot be started, the tests that need it fail when the environment variable {@code CI} is
 * {@code true} (a green build must have run them), and are skipped with the reason elsewhere (a developer's
 * machine without the package: {@code apt-get install postgresql}).
 */
public final class PostgresServer {

    private static final String SUPERUSER = "postgres";
    private static PostgresServer shared;
    private static String failure;

    private final Path bin;
    private final Path root;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path root, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server of this test run, started on first use; fails or skips the calling test when it cannot start. */
    public static synchronized PostgresServer shared() {
        if (shared == null && failure == null) {
            try {
                shared = start();
            } catch (Exception e) {
                failure = "PostgreSQL could not be started for the tests: " + e.getMessage();
            }
        }
        if (shared == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(failure + " (CI=true: the PostgreSQL tests must run)");
            }
            Assumptions.abort(failure + " (skipped outside CI; install Debian's postgresql package to run them)");
        }
        return shared;
    }

    /** A new empty database on the server, so that each test starts from nothing; returns its JDBC URL. */
    public String createDatabase() {
        String name = "civic_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String username() {
        return SUPERUSER;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("civic-gateway-postgres");
        if (root) {
            // The temporary directory is root's and private: the server's user must own it.
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
            Files.setOwner(dir, postgres);
        }
        int port = freePort();
        PostgresServer server = new PostgresServer(bin, dir, port, root);
        server.run("initdb", "-D", dir.resolve("data").toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync");
        server.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
        return server;
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", root.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (Exception e) {
            System.err.println("test PostgreSQL did not stop: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("test PostgreSQL's directory not deleted: " + e.getMessage());
        }
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        // In the temporary directory: the server's user may not enter the build's working directory.
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        // pg_ctl's server keeps the inherited output open: read what there is, do not wait for its end.
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(program + " did not finish within 60 s");
        }
        if (p.exitValue() != 0) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException(program + " exited with " + p.exitValue() + ": " + output.strip());
        }
    }

    private static Path findBinaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> versionNumber(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IOException("no /usr/lib/postgresql/<version>/bin/initdb (Debian's postgresql package)");
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
