package io.paperlog.annotations;

import io.paperlog.web.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): a TextualBody for the
 * comment (purpose commenting, Markdown) and one per tag (purpose tagging); the target is the paper's page with a
 * TextQuoteSelector and a TextPositionSelector; the colour is a styleClass with its CSS stylesheet.
 */
public final class JsonLd {

    static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    static final String MEDIA_TYPE = "application/ld+json";

    private JsonLd() {}

    /** An AnnotationCollection with every annotation on its one page. */
    static String collection(String id, String label, List<Annotation> annotations, String baseUrl) {
        return Json.write(collectionJson(id, label, annotations, baseUrl));
    }

    /** The collection as a JSON object, for documents that hold it (the API). */
    public static Map<String, Object> collectionJson(String id, String label, List<Annotation> annotations,
                                                     String baseUrl) {
        List<Object> items = new ArrayList<>();
        for (Annotation a : annotations) {
            items.add(annotation(a, baseUrl, false));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id + "#page1");
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        page.put("items", items);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("@context", CONTEXT);
        collection.put("id", id);
        collection.put("type", "AnnotationCollection");
        collection.put("label", label);
        collection.put("total", annotations.size());
        collection.put("first", page);
        return collection;
    }

    static String single(Annotation a, String baseUrl) {
        return Json.write(single(a, baseUrl, true));
    }

    /** One annotation as a JSON object with its {@code @context}, for documents that hold it (the API). */
    public static Map<String, Object> single(Annotation a, String baseUrl, boolean withContext) {
        return annotation(a, baseUrl, withContext);
    }

    static Map<String, Object> annotation(Annotation a, String baseUrl, boolean withContext) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (withContext) {
            json.put("@context", CONTEXT);
        }
        json.put("id", baseUrl + "/annotations/" + a.id());
        json.put("type", "Annotation");
        json.put("motivation", a.body().isBlank() ? "highlighting" : "commenting");
        json.put("created", a.createdAt());
        json.put("modified", a.updatedAt());
        Map<String, Object> creator = new LinkedHashMap<>();
        creator.put("type", "Person");
        creator.put("name", a.authorName());
        creator.put("nickname", a.authorUsername());
        json.put("creator", creator);
        List<Object> bodies = new ArrayList<>();
        if (!a.body().isBlank()) {
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("type", "TextualBody");
            comment.put("purpose", "commenting");
            comment.put("format", "text/markdown");
            comment.put("value", a.body());
            bodies.add(comment);
        }
        for (String tag : a.tags()) {
            Map<String, Object> tagging = new LinkedHashMap<>();
            tagging.put("type", "TextualBody");
            tagging.put("purpose", "tagging");
            tagging.put("value", tag);
            bodies.add(tagging);
        }
        if (!bodies.isEmpty()) {
            json.put("body", bodies);
        }
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", a.selector().exact());
        quote.put("prefix", a.selector().prefix());
        quote.put("suffix", a.selector().suffix());
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("type", "TextPositionSelector");
        position.put("start", a.selector().start());
        position.put("end", a.selector().end());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("source", baseUrl + "/papers/" + a.paperId());
        target.put("styleClass", "hl--" + a.colour());
        target.put("selector", List.of(quote, position));
        json.put("target", target);
        Map<String, Object> stylesheet = new LinkedHashMap<>();
        stylesheet.put("type", "CssStylesheet");
        stylesheet.put("value", ".hl--" + a.colour() + " { background-color: " + Colour.of(a.colour()).hex() + "; }");
        json.put("stylesheet", stylesheet);
        return json;
    }
}
