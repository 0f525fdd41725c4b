package io.paperlog.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection written by hand on a plain socket: a load generator that costs a few
 * microseconds per request, where {@code java.net.http.HttpClient} costs the server's own order of CPU. Reads
 * answers framed by Content-Length or chunked; reconnects when the server closed the connection.
 */
final class KeepAlive implements AutoCloseable {

    /** An answer: status, headers as "name: value" with lower-case names, and the body as text. */
    record Answer(int status, List<String> headers, String body) {

        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.startsWith(prefix)).map(h -> h.substring(prefix.length()).strip())
                    .findFirst().orElse(null);
        }

        /** The value a Set-Cookie header gives {@code cookie}, or null. */
        String cookie(String cookie) {
            for (String h : headers) {
                if (h.startsWith("set-cookie:")) {
                    String pair = h.substring(11).strip().split(";", 2)[0];
                    if (pair.startsWith(cookie + "=")) {
                        return pair.substring(cookie.length() + 1);
                    }
                }
            }
            return null;
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAlive(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one request and reads its whole answer; {@code headers} are complete lines without CRLF. */
    Answer send(String method, String path, List<String> headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        if (socket == null) {
            connect();
        }
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        Answer answer = read();
        if ("close".equalsIgnoreCase(answer.header("connection"))) {
            close();
        }
        return answer;
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = new BufferedOutputStream(socket.getOutputStream(), 8_192);
    }

    private Answer read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        List<String> headers = new ArrayList<>();
        long length = -1;
        boolean chunked = false;
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            String header = line.substring(0, colon).toLowerCase(Locale.ROOT) + ":" + line.substring(colon + 1);
            headers.add(header);
            if (header.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            body.write(in.readNBytes((int) length));
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // going away either way
            }
            socket = null;
        }
    }
}
