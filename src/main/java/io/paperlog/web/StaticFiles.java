package io.paperlog.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Static files and webjars, read from the class path. Not Javalin's static-file handler: inside the jar, Jetty
 * mounts the whole jar as a zip file system once per handler and lookup (eight times over), each mount holding an
 * index of its 12,000 entries, some 20 MB of heap for good. Here the class loader's own open jar serves them.
 * Only files with a known type are served, and no path may leave its folder.
 */
public final class StaticFiles {

    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final String folder;

    /** @param folder the class-path folder served, e.g. {@code web/static} */
    public StaticFiles(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    /** Serves the route's {@code path} parameter from the folder, or answers 404. */
    public void serve(Context ctx) {
        String path = ctx.pathParam("path");
        String type = type(path);
        if (type == null || !insideFolder(path)) {
            throw UserError.notFound("There is no such file.");
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(folder + path)) {
            if (in == null) {
                throw UserError.notFound("There is no such file.");
            }
            ctx.header("Cache-Control", IMMUTABLE).contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String type(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1));
    }

    static boolean insideFolder(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
