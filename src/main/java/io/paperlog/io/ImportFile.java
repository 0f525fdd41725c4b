package io.paperlog.io;

import io.paperlog.web.Json;
import io.paperlog.web.UserError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an uploaded file into an {@link Incoming}, or refuses it whole with a 4xx that says why: a Paperlog export
 * (zip, or its paperlog.json alone), BibTeX, CSL-JSON or CSV. A zip is unpacked within limits (entries, total size,
 * compression ratio) and refused if a name in it would leave its folder; text must be UTF-8.
 */
final class ImportFile {

    static final int MAX_ENTRIES = 5_000;
    static final long MAX_UNPACKED = 80_000_000;
    /** A zip may unpack to at most this many times its size (plus {@link #RATIO_ALLOWANCE}): JSON packs ~10×. */
    static final int MAX_RATIO = 50;
    static final long RATIO_ALLOWANCE = 1_000_000;

    static final String NOT_A_ZIP = "This file is not a zip archive that can be read.";
    static final String BOMB = "This zip unpacks to far more than it weighs (or more than Paperlog imports at once); "
            + "it is not a Paperlog export.";
    static final String UNKNOWN = "Paperlog imports a Paperlog export (.zip), a BibTeX file (.bib), a CSL-JSON file "
            + "(.json, as Zotero exports it) or a CSV file with the columns of library.csv; this file is none of them.";

    private ImportFile() {}

    static Incoming read(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            throw UserError.invalid("file", "The file is empty.");
        }
        if (isZip(bytes)) {
            return Incoming.bundle(BundleReader.read(paperlogJson(bytes)));
        }
        if (name.endsWith(".zip")) {
            throw UserError.badRequest(NOT_A_ZIP);
        }
        String text = utf8(bytes, "The file");
        String start = text.stripLeading();
        if (name.endsWith(".bib") || start.startsWith("@") || start.startsWith("%")) {
            return BibtexReader.read(text);
        }
        if (name.endsWith(".json") || start.startsWith("{") || start.startsWith("[")) {
            JsonNode root = json(bytes, "The file");
            return root.isArray() ? CslJsonReader.read(root) : Incoming.bundle(BundleReader.read(root));
        }
        if (name.endsWith(".csv") || start.toLowerCase(Locale.ROOT).startsWith("title")) {
            return CsvReader.read(text);
        }
        throw UserError.unsupportedMediaType(UNKNOWN);
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 && bytes[3] == 4
                || bytes[2] == 5 && bytes[3] == 6);
    }

    /** The zip's paperlog.json, read as JSON; every entry is unpacked (and counted) to check the archive. */
    private static JsonNode paperlogJson(byte[] zip) {
        byte[] bundle = null;
        Set<String> names = new HashSet<>();
        long unpacked = 0;
        long limit = Math.min(MAX_UNPACKED, (long) zip.length * MAX_RATIO + RATIO_ALLOWANCE);
        byte[] buffer = new byte[65_536];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String entryName = entry.getName();
                refuseUnsafe(entryName);
                if (names.size() >= MAX_ENTRIES) {
                    throw UserError.tooLarge("This zip holds more than " + MAX_ENTRIES + " files; it is not a "
                            + "Paperlog export.");
                }
                if (!names.add(entryName)) {
                    throw UserError.invalid("file", "This zip holds " + Checks.shown(entryName) + " twice.");
                }
                boolean keep = entryName.equals(ExportZip.BUNDLE);
                java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > limit) {
                        throw UserError.tooLarge(BOMB);
                    }
                    if (keep) {
                        kept.write(buffer, 0, read);
                    }
                }
                if (keep) {
                    bundle = kept.toByteArray();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw UserError.badRequest(NOT_A_ZIP);
        }
        if (bundle == null) {
            throw UserError.invalid("file", "This zip is not a Paperlog export: it has no paperlog.json.");
        }
        utf8(bundle, "paperlog.json");
        return json(bundle, "paperlog.json");
    }

    /** A name that would leave the folder it is unpacked in (or name a device) refuses the whole zip. */
    private static void refuseUnsafe(String entryName) {
        String n = entryName.replace('\\', '/');
        boolean unsafe = n.isEmpty() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\u0000') >= 0
                || java.util.Arrays.asList(n.split("/")).contains("..") || !n.equals(entryName);
        if (unsafe) {
            throw UserError.invalid("file", "This zip holds a file named " + Checks.shown(entryName)
                    + ", which points outside the archive; nothing was imported.");
        }
    }

    static String utf8(byte[] bytes, String what) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\u0000') >= 0) {
                throw UserError.invalid("file", what + " holds a NUL character, which is not text.");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw UserError.invalid("file", what + " is not UTF-8 text. Save it as UTF-8 and try again.");
        }
    }

    static JsonNode json(byte[] bytes, String what) {
        try {
            return Json.readFile(bytes);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw UserError.invalid("file", what + " is not valid JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")") + ".");
        }
    }
}
