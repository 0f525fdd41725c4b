package io.paperlog.io;

import io.paperlog.io.Bundle.Person;
import io.paperlog.web.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The export as one zip: paperlog.json, annotations.jsonld, library.csv, library.bib and notes/*.md. */
final class ExportZip {

    static final String BUNDLE = "paperlog.json";
    static final String ANNOTATIONS = "annotations.jsonld";

    private ExportZip() {}

    /** A person's files, in the order they are written. */
    static Map<String, String> personFiles(Bundle bundle, String annotationsJsonLd) {
        Person person = bundle.people().get(0);
        List<LibraryFiles.Row> rows = LibraryFiles.rows(bundle, person);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BUNDLE, Json.write(bundle));
        files.put(ANNOTATIONS, annotationsJsonLd);
        files.put("library.csv", LibraryFiles.csv(rows));
        files.put("library.bib", LibraryFiles.bibtex(rows));
        files.putAll(LibraryFiles.notes(rows));
        return files;
    }

    /** The instance's files: the bundle, and each person's library and notes in a folder of their own. */
    static Map<String, String> instanceFiles(Bundle bundle) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BUNDLE, Json.write(bundle));
        for (Person person : bundle.people()) {
            List<LibraryFiles.Row> rows = LibraryFiles.rows(bundle, person);
            String folder = "people/" + person.username() + "/";
            files.put(folder + "library.csv", LibraryFiles.csv(rows));
            files.put(folder + "library.bib", LibraryFiles.bibtex(rows));
            LibraryFiles.notes(rows).forEach((name, text) -> files.put(folder + name, text));
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
