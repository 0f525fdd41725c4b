package io.paperlog.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The address links that leave the page are built on (invite and reset links, JSON-LD ids). The request's Host
 * header is the client's word and may name any site, so it is used only when it names this server: the configured
 * host, or a loopback name, on the port Paperlog listens on. A configured base URL ({@code --base-url}) wins
 * over both, and is what an instance behind a reverse proxy needs.
 */
public final class BaseUrl {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String configured;
    private final String listenHost;
    private final IntSupplier port;

    /** {@code configured} may be null; {@code port} is read when a link is made (0 at start picks one). */
    public BaseUrl(URI configured, String listenHost, IntSupplier port) {
        this.configured = configured == null ? null : configured.toString().replaceAll("/+$", "");
        this.listenHost = listenHost.contains(":") && !listenHost.startsWith("[") ? "[" + listenHost + "]" : listenHost;
        this.port = port;
    }

    /** {@code https://papers.example.org} or {@code http://127.0.0.1:7070}: no trailing slash. */
    public String of(Context ctx) {
        if (configured != null) {
            return configured;
        }
        String host = ctx.host();
        if (host != null && trusted(host.toLowerCase(Locale.ROOT))) {
            return ctx.scheme() + "://" + host;
        }
        return listening(listenHost, port.getAsInt());
    }

    /** The address Paperlog listens on, as a link: a wildcard address is named as localhost. */
    public static String listening(String host, int port) {
        String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        if (name.equals("0.0.0.0") || name.equals("[::]")) {
            name = "localhost";
        }
        return "http://" + name + ":" + port;
    }

    private boolean trusted(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        if (colon < 0 || hostHeader.endsWith("]")) {
            return false;
        }
        String name = hostHeader.substring(0, colon);
        String portText = hostHeader.substring(colon + 1);
        boolean knownName = LOOPBACK.contains(name) || name.equals(listenHost.toLowerCase(Locale.ROOT));
        return knownName && portText.equals(String.valueOf(port.getAsInt()));
    }
}
