package io.paperlog.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * URLs of the static files, each fingerprinted with a hash of its content so browsers may cache them for a
 * year and still see a change the moment it ships.
 */
public final class Assets {

    static final String STATIC_ROOT = "web/static";

    private final String css;
    private final String js;
    private final String katexVersion;

    private Assets(String css, String js, String katexVersion) {
        this.css = css;
        this.js = js;
        this.katexVersion = katexVersion;
    }

    public static Assets load() {
        return new Assets(fingerprinted("/static/css/app.css"), fingerprinted("/static/js/app.js"),
                buildProperty("katex.version"));
    }

    public String getCss() {
        return css;
    }

    public String getJs() {
        return js;
    }

    public String getKatexCss() {
        return "/webjars/katex/" + katexVersion + "/dist/katex.min.css";
    }

    public String getKatexJs() {
        return "/webjars/katex/" + katexVersion + "/dist/katex.min.js";
    }

    private static String fingerprinted(String urlPath) {
        String resource = STATIC_ROOT + urlPath.substring("/static".length());
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing static file " + resource);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return urlPath + "?v=" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String buildProperty(String name) {
        Properties properties = new Properties();
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("paperlog-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("paperlog-build.properties is missing from the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("build property " + name + " was not filled in by the build");
        }
        return value;
    }
}
