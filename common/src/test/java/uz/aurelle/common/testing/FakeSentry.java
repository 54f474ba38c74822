package uz.aurelle.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for Sentry's ingest endpoint, for any service's tests:
 * {@code @QuarkusTest @WithTestResource(FakeSentry.class)}. It sets {@code aurelle.sentry.dsn} to
 * {@code http://publickey@127.0.0.1:<port>/1}, receives the SDK's real (gzip) envelopes at
 * {@code /api/1/envelope/} and writes each decoded envelope to a file in a temp directory (published
 * in the system property {@value #DIR_PROPERTY}: files cross class loaders, statics don't).
 * Assert with {@link #awaitEvent(String)}: trigger an error whose message contains a unique marker,
 * then inspect the parsed event and the raw envelope text.
 */
public class FakeSentry implements QuarkusTestResourceLifecycleManager {

    public static final String DIR_PROPERTY = "aurelle.test.sentry.dir";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("fake-sentry");
            System.setProperty(DIR_PROPERTY, dir.toString());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/1/envelope/", exchange -> {
                byte[] raw;
                try (InputStream in = exchange.getRequestBody()) {
                    raw = in.readAllBytes();
                }
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                if (encoding != null && encoding.contains("gzip")) {
                    try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                        raw = gz.readAllBytes();
                    }
                }
                Files.write(dir.resolve(System.nanoTime() + "-" + UUID.randomUUID() + ".envelope"), raw);
                byte[] ok = "{}".getBytes();
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
            return Map.of("aurelle.sentry.dsn", "http://publickey@127.0.0.1:" + server.getAddress().getPort() + "/1",
                    "aurelle.sentry.environment", "test",
                    "aurelle.sentry.release", "common@test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event payload of one received envelope, and the whole envelope as text. */
    public record ReceivedEvent(JsonNode event, String rawEnvelope) {
    }

    /** Flushes the SDK and waits (up to 15 s) for an event whose envelope contains {@code marker}. */
    public static ReceivedEvent awaitEvent(String marker) {
        io.sentry.Sentry.flush(5000);
        ObjectMapper json = new ObjectMapper();
        Path dir = Path.of(System.getProperty(DIR_PROPERTY));
        long deadline = System.currentTimeMillis() + 15_000;
        try {
            while (System.currentTimeMillis() < deadline) {
                for (String envelope : envelopes(dir)) {
                    if (!envelope.contains(marker)) {
                        continue;
                    }
                    String[] lines = envelope.split("\n");
                    for (int i = 1; i + 1 < lines.length; i++) {
                        if ("event".equals(json.readTree(lines[i]).path("type").asText())) {
                            return new ReceivedEvent(json.readTree(lines[i + 1]), envelope);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no Sentry event containing " + marker + " arrived");
    }

    private static List<String> envelopes(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                all.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
